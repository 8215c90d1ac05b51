package dev.ddb.stream.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * A MockConsumer over a topic log kept apart from it, as a broker keeps it: each poll hands out what
 * lies at or after the position of every partition that is not paused, so a seek back reads records
 * again. Several consumers may share one log, one after another (a restart), and start from the
 * offsets their group committed.
 */
final class LogConsumer extends MockConsumer<byte[], byte[]> {

    /** The records of one topic by partition, offsets from 0 without gaps. */
    static final class Log {
        final String topic;
        private final Map<Integer, List<byte[]>> values = new HashMap<>();

        Log(String topic, int partitions) {
            this.topic = topic;
            for (int p = 0; p < partitions; p++) {
                values.put(p, new ArrayList<>());
            }
        }

        /** @return the record's offset */
        long append(int partition, byte[] value) {
            List<byte[]> partitionValues = values.get(partition);
            partitionValues.add(value);
            return partitionValues.size() - 1;
        }

        int partitions() {
            return values.size();
        }

        long end(int partition) {
            return values.get(partition).size();
        }

        byte[] value(int partition, long offset) {
            return values.get(partition).get((int) offset);
        }
    }

    private final Log log;
    private final Map<TopicPartition, OffsetAndMetadata> groupOffsets;

    LogConsumer(Log log) {
        this(log, Map.of());
    }

    LogConsumer(Log log, Map<TopicPartition, OffsetAndMetadata> groupOffsets) {
        super("earliest");
        this.log = log;
        this.groupOffsets = Map.copyOf(groupOffsets);
        Node node = new Node(1, "localhost", 9092);
        List<PartitionInfo> infos = new ArrayList<>();
        Map<TopicPartition, Long> beginnings = new HashMap<>();
        for (int p = 0; p < log.partitions(); p++) {
            infos.add(new PartitionInfo(log.topic, p, node, new Node[] {node}, new Node[] {node}));
            beginnings.put(new TopicPartition(log.topic, p), 0L);
        }
        updatePartitions(log.topic, infos);
        updateBeginningOffsets(beginnings);
    }

    @Override
    public synchronized ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
        for (TopicPartition partition : assignment()) {
            if (paused().contains(partition)) {
                continue;
            }
            for (long offset = position(partition); offset < log.end(partition.partition()); offset++) {
                addRecord(new ConsumerRecord<>(log.topic, partition.partition(), offset, null,
                        log.value(partition.partition(), offset)));
            }
        }
        return super.poll(timeout);
    }

    /** MockConsumer forgets commits on assign; a group coordinator does not. */
    @Override
    public synchronized Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        partitions.stream().filter(groupOffsets::containsKey).forEach(p -> committed.put(p, groupOffsets.get(p)));
        return committed;
    }

    @Override
    public synchronized Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> ends = new HashMap<>();
        partitions.forEach(partition -> ends.put(partition, log.end(partition.partition())));
        return ends;
    }
}
