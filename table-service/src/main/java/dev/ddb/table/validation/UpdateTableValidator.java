package dev.ddb.table.validation;

import java.util.ArrayList;
import java.util.List;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.table.request.CreateTableRequest;
import dev.ddb.table.request.ProvisionedThroughput;
import dev.ddb.table.request.StreamSpecification;
import dev.ddb.table.request.UpdateTableRequest;

/**
 * Validates what an UpdateTable request says on its own, before the table is looked at, once its
 * members satisfy their types and constraints (checked by the request validator before the
 * operation runs): that it asks for some change, and the combinations DynamoDB refuses. Rules that
 * depend on the table's current state are the operation's.
 */
public final class UpdateTableValidator {

    /** Every member that makes an UpdateTable request do something, as DynamoDB lists them. */
    private static final List<String> CHANGE_MEMBERS = List.of("ProvisionedThroughput", "BillingMode",
            "UpdateStreamEnabled", "GlobalSecondaryIndexUpdates", "SSESpecification", "ReplicaUpdates",
            "MultiAccountReplicaReady", "ReplicaTransitRoleArn", "MultiRegionConsistency", "DeletionProtectionEnabled",
            "OnDemandThroughput", "WarmThroughput", "TableClass");

    private UpdateTableValidator() {
    }

    /** Throws the DynamoDbException DynamoDB answers for the first problem found. */
    public static void validate(UpdateTableRequest request) {
        somethingToChange(request);
        supported(request);
        GlobalSecondaryIndexUpdateRules.check(request);
        // SSESpecification with DeletionProtectionEnabled: DynamoDB names the encryption change
        encryptionAlone(request);
        deletionProtectionAlone(request);
        stream(request);
        throughput(request);
    }

    private static void somethingToChange(UpdateTableRequest request) {
        boolean changes = request.changesCapacity() || request.changesStream() || request.changesIndexes()
                || request.deletionProtectionEnabled() != null || request.changesOnDemandThroughput()
                || request.changesEncryption() || !request.unsupportedMembers().isEmpty();
        if (!changes) {
            throw DynamoDbException.validation("At least one of " + listed(CHANGE_MEMBERS) + " is required");
        }
    }

    /** Refused outright rather than silently ignored: the caller would believe the change was made. */
    private static void supported(UpdateTableRequest request) {
        if (!request.unsupportedMembers().isEmpty()) {
            throw DynamoDbException.validation("One or more parameter values were invalid: "
                    + request.unsupportedMembers().get(0) + " is not supported by this service yet");
        }
    }

    private static void deletionProtectionAlone(UpdateTableRequest request) {
        if (request.deletionProtectionEnabled() != null
                && (request.changesCapacity() || request.changesStream() || request.changesIndexes()
                || request.changesOnDemandThroughput())) {
            throw DynamoDbException.invalidParameter("DeletionProtection modification must be the only operation in the request");
        }
    }

    private static void encryptionAlone(UpdateTableRequest request) {
        if (!request.changesEncryption()) {
            return;
        }
        if (request.changesCapacity() || request.changesStream() || request.changesIndexes()
                || request.changesOnDemandThroughput() || request.deletionProtectionEnabled() != null) {
            throw DynamoDbException.invalidParameter("Server-Side Encryption modification must be the only operation in the request");
        }
        SseSpecificationRules.check(request.sseSpecification());
    }

    /** DynamoDB names the view type "UpdateViewType" in these messages. */
    private static void stream(UpdateTableRequest request) {
        StreamSpecification stream = request.streamSpecification();
        if (stream == null) {
            return;
        }
        if (request.provisionedThroughput() != null) {
            throw DynamoDbException.invalidParameter("You cannot modify stream status while updating table IOPS");
        }
        if (stream.enabled() && stream.streamViewType() == null) {
            throw DynamoDbException.invalidParameter("If stream is being enabled then UpdateViewType is required");
        }
        if (!stream.enabled() && stream.streamViewType() != null) {
            throw DynamoDbException.invalidParameter("If stream is being disabled, then UpdateViewType must not be specified");
        }
    }

    private static void throughput(UpdateTableRequest request) {
        ProvisionedThroughput throughput = request.provisionedThroughput();
        if (throughput == null) {
            return;
        }
        if (CreateTableRequest.PAY_PER_REQUEST.equals(request.billingMode())) {
            throw neitherUnitsWhenPayPerRequest();
        }
        CreateTableRules.withinBounds("ReadCapacityUnits", throughput.readCapacityUnits());
        CreateTableRules.withinBounds("WriteCapacityUnits", throughput.writeCapacityUnits());
    }

    public static DynamoDbException neitherUnitsWhenPayPerRequest() {
        return DynamoDbException.invalidParameter(
                "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
    }

    private static String listed(List<String> names) {
        List<String> head = new ArrayList<>(names.subList(0, names.size() - 1));
        return String.join(", ", head) + " or " + names.get(names.size() - 1);
    }
}
