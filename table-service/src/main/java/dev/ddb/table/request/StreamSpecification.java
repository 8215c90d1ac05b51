package dev.ddb.table.request;

import tools.jackson.databind.JsonNode;

/** The StreamSpecification of a table, as sent (types and member constraints already checked). */
public record StreamSpecification(Boolean streamEnabled, String streamViewType) {

    static StreamSpecification read(JsonNode parent) {
        JsonNode node = RequestMembers.structure(parent, "StreamSpecification");
        if (node == null) {
            return null;
        }
        return new StreamSpecification(RequestMembers.bool(node, "StreamEnabled"),
                RequestMembers.string(node, "StreamViewType"));
    }

    public boolean enabled() {
        return Boolean.TRUE.equals(streamEnabled);
    }
}
