package dev.ddb.table.request;

import tools.jackson.databind.JsonNode;

/**
 * The Update action of a GlobalSecondaryIndexUpdate: new ProvisionedThroughput for an index.
 * OnDemandThroughput and WarmThroughput are only noted, so that they can be refused rather than ignored.
 */
public record UpdateGlobalSecondaryIndexAction(String indexName, ProvisionedThroughput provisionedThroughput,
                                               String unsupportedMember) {

    static UpdateGlobalSecondaryIndexAction read(JsonNode node) {
        String unsupported = null;
        for (String member : new String[] {"OnDemandThroughput", "WarmThroughput"}) {
            if (RequestMembers.structure(node, member) != null && unsupported == null) {
                unsupported = member;
            }
        }
        return new UpdateGlobalSecondaryIndexAction(RequestMembers.string(node, "IndexName"),
                ProvisionedThroughput.read(node), unsupported);
    }
}
