package dev.ddb.table.request;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * An UpdateTable request, read once the request validator has checked its members' types and
 * constraints. Members this service does not act on are only noted by name, so that the request
 * can be refused rather than half applied. A table ARN given as TableName is read as its name.
 */
public record UpdateTableRequest(
        String tableName,
        List<AttributeDefinition> attributeDefinitions,
        String billingMode,
        ProvisionedThroughput provisionedThroughput,
        StreamSpecification streamSpecification,
        Boolean deletionProtectionEnabled,
        List<GlobalSecondaryIndexUpdate> globalSecondaryIndexUpdates,
        OnDemandMaximums onDemandThroughput,
        SseSpecification sseSpecification,
        List<String> unsupportedMembers) {

    /** UpdateTable members that change something this service does not model yet. */
    public static final List<String> UNSUPPORTED = List.of(
            "ReplicaUpdates", "TableClass", "WarmThroughput", "MultiRegionConsistency",
            "GlobalTableWitnessUpdates");

    public static UpdateTableRequest read(JsonNode request) {
        List<String> unsupported = new ArrayList<>();
        for (String member : UNSUPPORTED) {
            JsonNode value = request.get(member);
            if (value != null && !value.isNull()) {
                unsupported.add(member);
            }
        }
        return new UpdateTableRequest(
                TableNames.of(RequestMembers.string(request, "TableName")),
                RequestMembers.list(request, "AttributeDefinitions", AttributeDefinition::read),
                RequestMembers.string(request, "BillingMode"),
                ProvisionedThroughput.read(request),
                StreamSpecification.read(request),
                RequestMembers.bool(request, "DeletionProtectionEnabled"),
                RequestMembers.list(request, "GlobalSecondaryIndexUpdates", GlobalSecondaryIndexUpdate::read),
                OnDemandMaximums.read(request),
                SseSpecification.read(request),
                List.copyOf(unsupported));
    }

    public boolean changesEncryption() {
        return sseSpecification != null;
    }

    public boolean changesStream() {
        return streamSpecification != null;
    }

    /** An empty GlobalSecondaryIndexUpdates list counts as absent, as DynamoDB counts it. */
    public boolean changesIndexes() {
        return globalSecondaryIndexUpdates != null && !globalSecondaryIndexUpdates.isEmpty();
    }

    /** The Create and Delete actions of GlobalSecondaryIndexUpdates. */
    public long indexCreatesAndDeletes() {
        return globalSecondaryIndexUpdates == null ? 0
                : globalSecondaryIndexUpdates.stream().filter(GlobalSecondaryIndexUpdate::createsOrDeletes).count();
    }

    public boolean changesCapacity() {
        return billingMode != null || provisionedThroughput != null;
    }

    public boolean changesOnDemandThroughput() {
        return onDemandThroughput != null;
    }
}
