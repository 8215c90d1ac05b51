package dev.ddb.table.request;

import tools.jackson.databind.JsonNode;

/** One element of AttributeDefinitions, as sent (unvalidated). */
public record AttributeDefinition(String attributeName, String attributeType) {

    static AttributeDefinition read(JsonNode element) {
        JsonNode node = RequestMembers.structureElement(element);
        return new AttributeDefinition(RequestMembers.string(node, "AttributeName"),
                RequestMembers.string(node, "AttributeType"));
    }
}
