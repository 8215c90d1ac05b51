package dev.ddb.table.kinesis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.table.KinesisDataStreamDestination;
import dev.ddb.common.table.KinesisStreamArn;
import dev.ddb.common.table.TableDescription;

/**
 * DynamoDB's rules for a table's Kinesis streaming destinations, with its messages: at most one
 * destination is live (ACTIVE here, since the suite applies a change at once), any number of
 * DISABLED and ENABLE_FAILED ones stay listed; enabling a listed one flips it rather than adding
 * another. Each method gives the table's new list (newest first) or throws DynamoDB's error.
 */
public final class KinesisDestinations {

    /** DynamoDB's prefix of every "wrong state" message, whatever the operation. */
    static final String INVALID_STATE = "Table is not in a valid state to enable Kinesis Streaming Destination: ";
    /** What DynamoDB records for a stream it cannot use (one that does not exist, or of another account or region). */
    static final String CANNOT_USE_STREAM = "User does not have a permission to use kinesis stream";

    private KinesisDestinations() {
    }

    /**
     * Enables {@code streamArn} with the precision given (null: none set). A StreamArn that is no
     * Kinesis stream ARN at all is refused at once; one of another region or account is listed
     * ENABLE_FAILED, which is what DynamoDB ends up with for a stream it cannot write to.
     */
    static List<KinesisDataStreamDestination> enable(TableDescription table, String region, String streamArn,
                                                     String precision) {
        KinesisStreamArn arn = KinesisStreamArn.parse(streamArn).orElseThrow(() -> notAStreamArn(streamArn));
        List<KinesisDataStreamDestination> current = table.kinesisDataStreamDestinations();
        if (current.stream().anyMatch(KinesisDataStreamDestination::active)) {
            throw DynamoDbException.validation(INVALID_STATE
                    + "EnableKinesisStreamingDestination must be DISABLED or ENABLE_FAILED to perform ENABLE operation.");
        }
        boolean usable = arn.region().equals(region) && arn.accountId().equals(accountOf(table.tableArn()));
        KinesisDataStreamDestination enabled = usable
                ? new KinesisDataStreamDestination(streamArn, KinesisDataStreamDestination.ACTIVE, null, precision)
                : new KinesisDataStreamDestination(streamArn, KinesisDataStreamDestination.ENABLE_FAILED, CANNOT_USE_STREAM, null);
        List<KinesisDataStreamDestination> next = new ArrayList<>();
        next.add(enabled);
        current.stream().filter(destination -> !destination.streamArn().equals(streamArn)).forEach(next::add);
        return next;
    }

    /** Disables the table's ACTIVE destination {@code streamArn}; anything else is DynamoDB's one "must be ACTIVE" error. */
    static List<KinesisDataStreamDestination> disable(TableDescription table, String streamArn) {
        KinesisDataStreamDestination destination = find(table, streamArn)
                .filter(KinesisDataStreamDestination::active)
                .orElseThrow(() -> DynamoDbException.validation(INVALID_STATE
                        + "KinesisStreamingDestination must be ACTIVE to perform DISABLE operation."));
        return replace(table, new KinesisDataStreamDestination(streamArn, KinesisDataStreamDestination.DISABLED, null,
                destination.precision()));
    }

    /** Sets the ACTIVE destination's precision; the same precision again (MILLISECOND when never set) is refused. */
    static List<KinesisDataStreamDestination> updatePrecision(TableDescription table, String streamArn, String precision) {
        KinesisDataStreamDestination destination = find(table, streamArn).orElseThrow(() -> DynamoDbException.validation(
                INVALID_STATE + "No streaming destination with streamArn: " + streamArn));
        if (!destination.active()) {
            throw DynamoDbException.validation(INVALID_STATE + "Kinesis streaming is not in ACTIVE state. "
                    + "Updates are only allowed in ACTIVE state. TableName: " + table.tableName());
        }
        if (destination.effectivePrecision().equals(precision)) {
            throw DynamoDbException.validation("Invalid Request: Precision is already set to the desired value of "
                    + precision + " for tableId: " + table.tableId() + ", kdsArn: " + streamArn);
        }
        return replace(table, new KinesisDataStreamDestination(streamArn, KinesisDataStreamDestination.ACTIVE, null, precision));
    }

    private static Optional<KinesisDataStreamDestination> find(TableDescription table, String streamArn) {
        return table.kinesisDataStreamDestinations().stream()
                .filter(destination -> destination.streamArn().equals(streamArn)).findFirst();
    }

    private static List<KinesisDataStreamDestination> replace(TableDescription table, KinesisDataStreamDestination changed) {
        return table.kinesisDataStreamDestinations().stream()
                .map(destination -> destination.streamArn().equals(changed.streamArn()) ? changed : destination)
                .toList();
    }

    /**
     * DynamoDB's model only bounds StreamArn's length; a text that is no Kinesis stream ARN at all is
     * refused here in the model's wording (DynamoDB itself would accept it and list the destination
     * ENABLE_FAILED a moment later: a local stack says so at once).
     */
    private static DynamoDbException notAStreamArn(String streamArn) {
        return DynamoDbException.validation("1 validation error detected: Value '" + streamArn
                + "' at 'streamArn' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                + KinesisStreamArn.PATTERN_TEXT);
    }

    /** The account of a table ARN {@code arn:aws:dynamodb:<region>:<account>:table/<name>}. */
    private static String accountOf(String tableArn) {
        String[] parts = tableArn == null ? new String[0] : tableArn.split(":", 6);
        return parts.length == 6 ? parts[4] : "";
    }
}
