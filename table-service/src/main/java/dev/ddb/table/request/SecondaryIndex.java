package dev.ddb.table.request;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One element of LocalSecondaryIndexes or GlobalSecondaryIndexes, as sent (types and member constraints already checked).
 * A local index never has ProvisionedThroughput or OnDemandThroughput: it shares the table's.
 */
public record SecondaryIndex(String indexName, List<KeySchemaElement> keySchema, Projection projection,
                             ProvisionedThroughput provisionedThroughput, OnDemandMaximums onDemandThroughput) {

    static SecondaryIndex readLocal(JsonNode element) {
        JsonNode node = RequestMembers.structureElement(element);
        return new SecondaryIndex(RequestMembers.string(node, "IndexName"),
                RequestMembers.list(node, "KeySchema", KeySchemaElement::read), Projection.read(node), null, null);
    }

    static SecondaryIndex readGlobal(JsonNode element) {
        JsonNode node = RequestMembers.structureElement(element);
        return new SecondaryIndex(RequestMembers.string(node, "IndexName"),
                RequestMembers.list(node, "KeySchema", KeySchemaElement::read), Projection.read(node),
                ProvisionedThroughput.read(node), OnDemandMaximums.read(node));
    }
}
