package dev.ddb.table.update;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.table.metadata.TableDescriptions;
import dev.ddb.table.metadata.TableStreams;
import dev.ddb.table.request.StreamSpecification;
import tools.jackson.databind.node.ObjectNode;

/**
 * Enables or disables a table's stream. A stream's view type cannot be changed in place: enabling
 * needs the current stream disabled first, and the new stream gets a new label and ARN.
 */
public final class StreamUpdate {

    private StreamUpdate() {
    }

    public static void apply(ObjectNode table, StreamSpecification requested, long nowMillis) {
        String tableName = TableDescriptions.tableName(table);
        boolean enabled = TableStreams.enabled(table);
        if (requested.enabled()) {
            if (enabled) {
                throw DynamoDbException.validation("Table already has an enabled stream: TableName: " + tableName);
            }
            TableStreams.enable(table, requested.streamViewType(), nowMillis);
        } else {
            if (!enabled) {
                throw DynamoDbException.validation("Table has no stream to disable: TableName: " + tableName);
            }
            TableStreams.disable(table);
        }
    }
}
