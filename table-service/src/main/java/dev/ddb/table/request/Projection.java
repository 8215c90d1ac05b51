package dev.ddb.table.request;

import java.util.List;

import tools.jackson.databind.JsonNode;

/** The Projection of a secondary index, as sent (types and member constraints already checked). */
public record Projection(String projectionType, List<String> nonKeyAttributes) {

    public static final String INCLUDE = "INCLUDE";

    static Projection read(JsonNode parent) {
        JsonNode node = RequestMembers.structure(parent, "Projection");
        if (node == null) {
            return null;
        }
        return new Projection(RequestMembers.string(node, "ProjectionType"),
                RequestMembers.list(node, "NonKeyAttributes", RequestMembers::stringElement));
    }
}
