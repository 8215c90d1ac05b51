package dev.ddb.bench;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Write throughput with point-in-time recovery on beside off:
 * {@code java -cp bench/target/ddb-bench.jar dev.ddb.bench.PitrBench http://localhost:8000 [items]}
 * against a running stack. Loads {@code items} (default 200,000) ~200-byte items with
 * BatchWriteItem into {@code bench_kv} (PITR off), then into {@code bench_kv_pitr} (PITR on,
 * enabled while empty), printing items/s of each; then times RestoreTableToPointInTime
 * (UseLatestRestorableTime) of the PITR table until ACTIVE.
 */
public final class PitrBench {

    private static final Duration WAIT = Duration.ofMinutes(30);
    private static final int LOAD_CONCURRENCY = 64;

    private PitrBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: PitrBench <endpoint, e.g. http://localhost:8000> [items, default 200000]");
            System.exit(2);
        }
        URI endpoint = URI.create(args[0]);
        int items = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 200_000;
        try (DynamoDbAsyncClient client = DynamoDbAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(LOAD_CONCURRENCY + 8)
                        .readTimeout(Duration.ofSeconds(60)).writeTimeout(Duration.ofSeconds(60)))
                .build()) {
            Dataset data = new Dataset(items);
            String plain = Dataset.KV_TABLE;
            String pitr = Dataset.KV_TABLE + "_pitr";
            BenchTables.recreate(client, Dataset.kvTable());
            BenchTables.recreate(client, Dataset.kvTable().toBuilder().tableName(pitr).build());
            client.updateContinuousBackups(r -> r.tableName(pitr)
                    .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true))).join();

            long started = System.nanoTime();
            BenchTables.load(client, plain, items, i -> data.kvItem(i, ThreadLocalRandom.current()), LOAD_CONCURRENCY, line -> { });
            report("BatchWriteItem, PITR off", items, started);

            started = System.nanoTime();
            BenchTables.load(client, pitr, items, i -> data.kvItem(i, ThreadLocalRandom.current()), LOAD_CONCURRENCY, line -> { });
            report("BatchWriteItem, PITR on", items, started);

            String target = pitr + "_restored";
            BenchTables.delete(client, target);
            started = System.nanoTime();
            client.restoreTableToPointInTime(r -> r.sourceTableName(pitr).targetTableName(target).useLatestRestorableTime(true)).join();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (client.describeTable(r -> r.tableName(target)).join().table().tableStatus() != TableStatus.ACTIVE) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("restore did not finish within " + WAIT);
                }
                Thread.sleep(100);
            }
            report("RestoreTableToPointInTime (latest) to ACTIVE", items, started);
        }
    }

    private static void report(String what, int items, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        System.out.printf("%-45s %,d items in %.1f s: %,.0f items/s%n", what, items, seconds, items / seconds);
    }
}
