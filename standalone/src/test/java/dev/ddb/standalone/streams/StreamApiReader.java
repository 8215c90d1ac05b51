package dev.ddb.standalone.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads a whole stream the way a DynamoDB Streams client does: DescribeStream, a TRIM_HORIZON
 * iterator per shard, then GetRecords with each NextShardIterator until every shard has given
 * what is expected and one more call comes back empty.
 */
public final class StreamApiReader {

    private final DynamoDbStreamsClient streams;

    public StreamApiReader(DynamoDbStreamsClient streams) {
        this.streams = streams;
    }

    /** Every record of the stream by shard id, in shard order; waits up to {@code timeout} for {@code expected} records. */
    public Map<String, List<Record>> readAll(String streamArn, int expected, Duration timeout) {
        StreamDescription description = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription();
        Map<String, String> iterators = new LinkedHashMap<>();
        Map<String, List<Record>> records = new LinkedHashMap<>();
        for (Shard shard : description.shards()) {
            iterators.put(shard.shardId(), streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
            records.put(shard.shardId(), new ArrayList<>());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean caughtUp = false;
        while (!caughtUp) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Only " + count(records) + " of " + expected + " records of " + streamArn
                        + " within " + timeout + ": " + records);
            }
            boolean sawRecords = false;
            for (Map.Entry<String, String> shard : List.copyOf(iterators.entrySet())) {
                if (shard.getValue() == null) {
                    continue; // closed shard read to its end
                }
                GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(shard.getValue()).limit(100));
                records.get(shard.getKey()).addAll(page.records());
                sawRecords |= page.hasRecords() && !page.records().isEmpty();
                iterators.put(shard.getKey(), page.nextShardIterator());
            }
            caughtUp = !sawRecords && count(records) >= expected;
            if (!sawRecords && !caughtUp) {
                pause();
            }
        }
        return records;
    }

    static int count(Map<String, List<Record>> records) {
        return records.values().stream().mapToInt(List::size).sum();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
