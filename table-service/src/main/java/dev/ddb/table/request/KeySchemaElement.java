package dev.ddb.table.request;

import tools.jackson.databind.JsonNode;

/** One element of a KeySchema, as sent (types and member constraints already checked). */
public record KeySchemaElement(String attributeName, String keyType) {

    public static final String HASH = "HASH";
    public static final String RANGE = "RANGE";

    static KeySchemaElement read(JsonNode element) {
        JsonNode node = RequestMembers.structureElement(element);
        return new KeySchemaElement(RequestMembers.string(node, "AttributeName"),
                RequestMembers.string(node, "KeyType"));
    }
}
