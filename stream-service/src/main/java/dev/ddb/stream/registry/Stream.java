package dev.ddb.stream.registry;

import java.util.ArrayList;
import java.util.List;

import dev.ddb.common.event.Topics;
import dev.ddb.common.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One DynamoDB stream of a table: what DescribeStream tells about it, when it was enabled and
 * disabled, and where its records lie in {@code ddb.stream.<TableName>} ({@code ddb.stream.<region>.<TableName>}
 * outside the default region, see {@link Topics#streamTopic(String, String)}). A table's streams share
 * that topic; shard {@code n} of a stream is partition {@code n}, holding its records from
 * {@code startOffsets[n]} on (never earlier) up to {@code lastOffsets[n]} (-1 while it has none).
 *
 * @param keySchema      the table's KeySchema, as DescribeStream shows it
 * @param disabledMillis null while the stream is enabled
 */
public record Stream(String streamArn, String streamLabel, String tableName, String tableId, String streamViewType,
                     JsonNode keySchema, long creationMillis, Long disabledMillis,
                     List<Long> startOffsets, List<Long> lastOffsets) {

    public Stream {
        startOffsets = List.copyOf(startOffsets);
        lastOffsets = List.copyOf(lastOffsets);
    }

    public static Stream create(StreamArn arn, String tableId, String streamViewType, JsonNode keySchema,
                                List<Long> startOffsets) {
        List<Long> none = new ArrayList<>();
        startOffsets.forEach(offset -> none.add(-1L));
        return new Stream(arn.value(), arn.label(), arn.tableName(), tableId, streamViewType, keySchema,
                arn.creationMillis(), null, startOffsets, none);
    }

    public String topic() {
        return Topics.streamTopic(region(), tableName);
    }

    public int shardCount() {
        return startOffsets.size();
    }

    public String region() {
        return StreamArn.parse(streamArn).orElseThrow().region();
    }

    public String hashKeyName() {
        for (JsonNode element : keySchema) {
            if ("HASH".equals(element.path("KeyType").stringValue(null))) {
                return element.path("AttributeName").stringValue(null);
            }
        }
        throw new IllegalStateException("KeySchema of " + tableName + " has no HASH key");
    }

    public boolean enabled() {
        return disabledMillis == null;
    }

    /** Whether a change made at {@code timeMillis} belongs to this stream. */
    public boolean coversChangeAt(long timeMillis) {
        return timeMillis >= creationMillis && (disabledMillis == null || timeMillis < disabledMillis);
    }

    /** A disabled stream's shards close once late changes had time to arrive; a closed shard ends at its last record. */
    public boolean closedAt(long nowMillis, long closeDelayMillis) {
        return disabledMillis != null && nowMillis >= disabledMillis + closeDelayMillis;
    }

    public Stream disabledAt(long millis) {
        return new Stream(streamArn, streamLabel, tableName, tableId, streamViewType, keySchema, creationMillis,
                millis, startOffsets, lastOffsets);
    }

    public Stream withLastOffset(int shard, long offset) {
        List<Long> last = new ArrayList<>(lastOffsets);
        last.set(shard, Math.max(last.get(shard), offset));
        return new Stream(streamArn, streamLabel, tableName, tableId, streamViewType, keySchema, creationMillis,
                disabledMillis, startOffsets, last);
    }

    public byte[] toJson() {
        ObjectNode node = Json.object();
        node.put("StreamArn", streamArn);
        node.put("StreamLabel", streamLabel);
        node.put("TableName", tableName);
        node.put("TableId", tableId);
        node.put("StreamViewType", streamViewType);
        node.set("KeySchema", keySchema);
        node.put("CreationMillis", creationMillis);
        if (disabledMillis != null) {
            node.put("DisabledMillis", disabledMillis);
        }
        ArrayNode starts = node.putArray("StartOffsets");
        startOffsets.forEach(starts::add);
        ArrayNode lasts = node.putArray("LastOffsets");
        lastOffsets.forEach(lasts::add);
        return Json.write(node);
    }

    public static Stream fromJson(byte[] bytes) {
        JsonNode node = Json.read(bytes);
        List<Long> starts = new ArrayList<>();
        node.get("StartOffsets").forEach(offset -> starts.add(offset.longValue()));
        List<Long> lasts = new ArrayList<>();
        node.get("LastOffsets").forEach(offset -> lasts.add(offset.longValue()));
        return new Stream(node.get("StreamArn").stringValue(), node.get("StreamLabel").stringValue(),
                node.get("TableName").stringValue(), node.get("TableId").stringValue(),
                node.get("StreamViewType").stringValue(), node.get("KeySchema"), node.get("CreationMillis").longValue(),
                node.has("DisabledMillis") ? node.get("DisabledMillis").longValue() : null, starts, lasts);
    }
}
