package dev.ddb.table.metadata;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.ddb.common.table.StreamSpecification;
import dev.ddb.common.table.StreamViewType;
import dev.ddb.common.table.TableDescription;

/**
 * The stream of a table. An enabled stream shows as StreamSpecification plus LatestStreamArn and
 * LatestStreamLabel; after it is disabled DynamoDB drops StreamSpecification but keeps the two
 * Latest* members, which still name the (now disabled) stream.
 */
public final class TableStreams {

    /** DynamoDB's stream labels: the creation time in UTC to the millisecond, e.g. 2026-11-25T10:37:34.123. */
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private TableStreams() {
    }

    /**
     * The table with a new enabled stream created at {@code millis}. The label, and so the ARN,
     * always differs from the previous stream's, even when re-enabled within the same millisecond.
     */
    public static TableDescription enable(TableDescription table, StreamViewType viewType, long millis) {
        long created = Math.max(millis, labelMillis(table.latestStreamLabel()) + 1);
        String label = LocalDateTime.ofInstant(Instant.ofEpochMilli(created), ZoneOffset.UTC).format(LABEL);
        return table.withStream(StreamSpecification.enabled(viewType), label, table.tableArn() + "/stream/" + label);
    }

    public static TableDescription disable(TableDescription table) {
        return table.withStream(null, table.latestStreamLabel(), table.latestStreamArn());
    }

    private static long labelMillis(String label) {
        if (label == null) {
            return Long.MIN_VALUE + 1;
        }
        return LocalDateTime.parse(label, LABEL).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
