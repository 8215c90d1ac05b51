package dev.ddb.table.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.table.AttributeDefinition;
import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.KinesisDataStreamDestination;
import dev.ddb.common.table.ProvisionedThroughputDescription;
import dev.ddb.common.table.ScalarAttributeType;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableStatus;

/** DynamoDB's admissibility rules for a table's destinations: one live at a time, flipped rather than duplicated. */
class KinesisDestinationsTest {

    private static final String A = "arn:aws:kinesis:us-east-1:000000000000:stream/a";
    private static final String B = "arn:aws:kinesis:us-east-1:000000000000:stream/b";

    private static TableDescription table(List<KinesisDataStreamDestination> destinations) {
        return new TableDescription("Orders", "id-1", "arn:aws:dynamodb:us-east-1:000000000000:table/Orders",
                TableStatus.ACTIVE, Instant.EPOCH, List.of(new AttributeDefinition("pk", ScalarAttributeType.S)),
                KeySchema.hashOnly("pk", ScalarAttributeType.S), ProvisionedThroughputDescription.onDemand(), null,
                List.of(), List.of(), null, null, null, false, 0, 0, null).withKinesisDataStreamDestinations(destinations);
    }

    @Test
    void enablingADisabledDestinationFlipsItToTheFrontAndSetsItsPrecisionAnew() {
        TableDescription table = table(List.of(
                new KinesisDataStreamDestination(B, "ENABLE_FAILED", "User does not have a permission to use kinesis stream", null),
                new KinesisDataStreamDestination(A, "DISABLED", null, "MICROSECOND")));
        assertThat(KinesisDestinations.enable(table, "us-east-1", A, null)).containsExactly(
                new KinesisDataStreamDestination(A, "ACTIVE", null, null), table.kinesisDataStreamDestinations().get(0));
    }

    @Test
    void onlyOneDestinationIsLiveAtATime() {
        TableDescription table = table(List.of(new KinesisDataStreamDestination(A, "ACTIVE", null, null)));
        assertThatThrownBy(() -> KinesisDestinations.enable(table, "us-east-1", B, null))
                .isInstanceOf(DynamoDbException.class)
                .hasMessage("Table is not in a valid state to enable Kinesis Streaming Destination: "
                        + "EnableKinesisStreamingDestination must be DISABLED or ENABLE_FAILED to perform ENABLE operation.");
    }

    @Test
    void aStreamOfAnotherAccountOrRegionFailsToEnable() {
        for (String arn : List.of("arn:aws:kinesis:us-east-1:111111111111:stream/a", "arn:aws:kinesis:eu-west-1:000000000000:stream/a")) {
            assertThat(KinesisDestinations.enable(table(List.of()), "us-east-1", arn, "MICROSECOND")).containsExactly(
                    new KinesisDataStreamDestination(arn, "ENABLE_FAILED", "User does not have a permission to use kinesis stream", null));
        }
    }

    @Test
    void disablingKeepsTheDestinationListedAndOnlyAnActiveOneCanBeDisabled() {
        TableDescription table = table(List.of(new KinesisDataStreamDestination(A, "ACTIVE", null, "MICROSECOND")));
        List<KinesisDataStreamDestination> disabled = KinesisDestinations.disable(table, A);
        assertThat(disabled).containsExactly(new KinesisDataStreamDestination(A, "DISABLED", null, "MICROSECOND"));
        assertThatThrownBy(() -> KinesisDestinations.disable(table(disabled), A))
                .hasMessageEndingWith("KinesisStreamingDestination must be ACTIVE to perform DISABLE operation.");
    }

    @Test
    void aNeverSetPrecisionCountsAsMillisecond() {
        TableDescription table = table(List.of(new KinesisDataStreamDestination(A, "ACTIVE", null, null)));
        assertThatThrownBy(() -> KinesisDestinations.updatePrecision(table, A, "MILLISECOND"))
                .hasMessage("Invalid Request: Precision is already set to the desired value of MILLISECOND for tableId: id-1, kdsArn: " + A);
        assertThat(KinesisDestinations.updatePrecision(table, A, "MICROSECOND"))
                .containsExactly(new KinesisDataStreamDestination(A, "ACTIVE", null, "MICROSECOND"));
    }
}
