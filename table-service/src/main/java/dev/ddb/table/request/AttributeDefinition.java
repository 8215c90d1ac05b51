package dev.ddb.table.request;

import tools.jackson.databind.JsonNode;

/** One element of AttributeDefinitions, as sent (types and member constraints already checked). */
public record AttributeDefinition(String attributeName, String attributeType) {

    static AttributeDefinition read(JsonNode element) {
        JsonNode node = RequestMembers.structureElement(element);
        return new AttributeDefinition(RequestMembers.string(node, "AttributeName"),
                RequestMembers.string(node, "AttributeType"));
    }
}
