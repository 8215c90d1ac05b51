package dev.ddb.table.update;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.table.StreamViewType;
import dev.ddb.common.table.TableDescription;
import dev.ddb.table.metadata.TableStreams;
import dev.ddb.table.request.StreamSpecification;

/**
 * Enables or disables a table's stream. A stream's view type cannot be changed in place: enabling
 * needs the current stream disabled first, and the new stream gets a new label and ARN.
 */
public final class StreamUpdate {

    private StreamUpdate() {
    }

    public static TableDescription apply(TableDescription table, StreamSpecification requested, long nowMillis) {
        String tableName = table.tableName();
        boolean enabled = table.streamEnabled();
        if (requested.enabled()) {
            if (enabled) {
                throw DynamoDbException.validation("Table already has an enabled stream: TableName: " + tableName);
            }
            return TableStreams.enable(table, StreamViewType.valueOf(requested.streamViewType()), nowMillis);
        }
        if (!enabled) {
            throw DynamoDbException.validation("Table has no stream to disable: TableName: " + tableName);
        }
        return TableStreams.disable(table);
    }
}
