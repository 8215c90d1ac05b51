package dev.ddb.stream.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.TopicPartition;

import dev.ddb.stream.read.ShardLog;

/** Stream topics in memory: committed records by partition and offset, with a trim point per partition. */
public final class InMemoryShardLog implements ShardLog {

    private record Stored(String streamArn, byte[] value) {
    }

    private final Map<TopicPartition, TreeMap<Long, Stored>> records = new HashMap<>();
    private final Map<TopicPartition, Long> ends = new HashMap<>();
    private final Map<TopicPartition, Long> trimmed = new HashMap<>();

    /** Appends a record of the stream at the partition's end; offsets skip one after each, as commit markers do. */
    public long append(TopicPartition partition, String streamArn, String json) {
        long offset = ends.getOrDefault(partition, 0L);
        records.computeIfAbsent(partition, p -> new TreeMap<>())
                .put(offset, new Stored(streamArn, json.getBytes(StandardCharsets.UTF_8)));
        ends.put(partition, offset + 2);
        return offset;
    }

    public void trimBefore(TopicPartition partition, long offset) {
        trimmed.put(partition, offset);
    }

    @Override
    public Map<TopicPartition, Long> beginningOffsets(List<TopicPartition> partitions) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        partitions.forEach(p -> offsets.put(p, trimmed.getOrDefault(p, 0L)));
        return offsets;
    }

    @Override
    public Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        partitions.forEach(p -> offsets.put(p, ends.getOrDefault(p, 0L)));
        return offsets;
    }

    @Override
    public ShardPage read(TopicPartition partition, long from, long until, int limit, String streamArn) {
        if (from < trimmed.getOrDefault(partition, 0L)) {
            throw new TrimmedException("trimmed");
        }
        List<ShardRecord> page = new ArrayList<>();
        long next = from;
        for (Map.Entry<Long, Stored> entry : records.getOrDefault(partition, new TreeMap<>()).tailMap(from).entrySet()) {
            if (entry.getKey() >= until || page.size() == limit) {
                break;
            }
            next = entry.getKey() + 1;
            if (entry.getValue().streamArn().equals(streamArn)) {
                page.add(new ShardRecord(entry.getKey(), entry.getValue().value()));
            }
        }
        if (page.size() < limit) {
            next = Math.max(next, Math.min(until, ends.getOrDefault(partition, 0L)));
        }
        return new ShardPage(page, next);
    }
}
