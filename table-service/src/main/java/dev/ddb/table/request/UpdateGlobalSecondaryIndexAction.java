package dev.ddb.table.request;

import tools.jackson.databind.JsonNode;

/**
 * The Update action of a GlobalSecondaryIndexUpdate: new ProvisionedThroughput for an index of a
 * provisioned table, or new OnDemandThroughput maximums for one of an on-demand table.
 * WarmThroughput is only noted, so that it can be refused rather than ignored.
 */
public record UpdateGlobalSecondaryIndexAction(String indexName, ProvisionedThroughput provisionedThroughput,
                                               OnDemandMaximums onDemandThroughput, String unsupportedMember) {

    static UpdateGlobalSecondaryIndexAction read(JsonNode node) {
        String unsupported = RequestMembers.structure(node, "WarmThroughput") != null ? "WarmThroughput" : null;
        return new UpdateGlobalSecondaryIndexAction(RequestMembers.string(node, "IndexName"),
                ProvisionedThroughput.read(node), OnDemandMaximums.read(node), unsupported);
    }
}
