package dev.ddb.stream.operation;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.stream.registry.Stream;
import dev.ddb.stream.registry.StreamArn;
import dev.ddb.stream.registry.StreamRegistry;
import dev.ddb.stream.registry.TableChangesSeen;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ListStreams: the streams of all tables of the request's region, or of one, in ARN order; disabled streams stay listed
 * until their records expire. Pages of at most Limit, continued after ExclusiveStartStreamArn.
 */
@Component
public class ListStreamsOperation implements Operation {

    /** The page size without a Limit: the most Limit may be. */
    private static final int DEFAULT_LIMIT = 100;

    private final StreamRegistry registry;
    private final TableChangesSeen tableChanges;

    public ListStreamsOperation(StreamRegistry registry, TableChangesSeen tableChanges) {
        this.registry = registry;
        this.tableChanges = tableChanges;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        String tableName = RequestMembers.string(request, "TableName");
        Integer limit = RequestMembers.integer(request, "Limit");
        String exclusiveStart = RequestMembers.string(request, "ExclusiveStartStreamArn");
        if (exclusiveStart != null && StreamArn.parse(exclusiveStart).isEmpty()) {
            throw StreamsErrors.invalidStreamArn();
        }

        tableChanges.await(); // a stream enabled a moment ago is listed
        List<Stream> streams = (tableName == null ? registry.inRegion(context.region()) : registry.ofTable(context.region(), tableName)).stream()
                .filter(stream -> exclusiveStart == null || stream.streamArn().compareTo(exclusiveStart) > 0)
                .toList();
        int pageSize = limit == null ? DEFAULT_LIMIT : limit;
        List<Stream> page = streams.subList(0, Math.min(pageSize, streams.size()));

        ObjectNode response = Json.object();
        ArrayNode listed = response.putArray("Streams");
        for (Stream stream : page) {
            listed.addObject()
                    .put("StreamArn", stream.streamArn())
                    .put("TableName", stream.tableName())
                    .put("StreamLabel", stream.streamLabel());
        }
        if (streams.size() > pageSize) {
            response.put("LastEvaluatedStreamArn", page.get(page.size() - 1).streamArn());
        }
        return response;
    }
}
