package dev.ddb.table.metadata;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stream members of a TableDescription. An enabled stream shows as StreamSpecification plus
 * LatestStreamArn and LatestStreamLabel; after it is disabled DynamoDB drops StreamSpecification
 * but keeps the two Latest* members, which still name the (now disabled) stream.
 */
public final class TableStreams {

    /** DynamoDB's stream labels: the creation time in UTC to the millisecond, e.g. 2026-11-25T10:37:34.123. */
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private TableStreams() {
    }

    public static boolean enabled(JsonNode table) {
        JsonNode specification = table.get("StreamSpecification");
        return specification != null && specification.path("StreamEnabled").booleanValue(false);
    }

    public static String latestStreamArn(JsonNode table) {
        JsonNode arn = table.get("LatestStreamArn");
        return arn == null ? null : arn.stringValue();
    }

    /**
     * Gives the table a new enabled stream created at {@code millis}. The label, and so the ARN,
     * always differs from the previous stream's, even when re-enabled within the same millisecond.
     */
    public static void enable(ObjectNode table, String streamViewType, long millis) {
        long created = Math.max(millis, labelMillis(table) + 1);
        String label = LocalDateTime.ofInstant(Instant.ofEpochMilli(created), ZoneOffset.UTC).format(LABEL);
        table.putObject("StreamSpecification").put("StreamEnabled", true).put("StreamViewType", streamViewType);
        table.put("LatestStreamLabel", label);
        table.put("LatestStreamArn", table.get("TableArn").stringValue() + "/stream/" + label);
    }

    public static void disable(ObjectNode table) {
        table.remove("StreamSpecification");
    }

    private static long labelMillis(JsonNode table) {
        JsonNode label = table.get("LatestStreamLabel");
        if (label == null) {
            return Long.MIN_VALUE + 1;
        }
        return LocalDateTime.parse(label.stringValue(), LABEL).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
