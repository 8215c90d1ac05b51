package dev.ddb.table.request;

import tools.jackson.databind.JsonNode;

/** ProvisionedThroughput of a table or global secondary index, as sent (types and member constraints already checked). */
public record ProvisionedThroughput(Long readCapacityUnits, Long writeCapacityUnits) {

    static ProvisionedThroughput read(JsonNode parent) {
        JsonNode node = RequestMembers.structure(parent, "ProvisionedThroughput");
        if (node == null) {
            return null;
        }
        return new ProvisionedThroughput(RequestMembers.longValue(node, "ReadCapacityUnits"),
                RequestMembers.longValue(node, "WriteCapacityUnits"));
    }
}
