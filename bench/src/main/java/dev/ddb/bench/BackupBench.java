package dev.ddb.bench;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Backup and restore throughput:
 * {@code java -cp bench/target/ddb-bench.jar dev.ddb.bench.BackupBench http://localhost:8000 [items]}
 * against a running stack. Loads {@code items} (default 1,000,000) ~200-byte items into
 * {@code bench_kv} (BatchWriteItem, 64 at a time), then times CreateBackup until the backup is
 * AVAILABLE and RestoreTableFromBackup until the restored table is ACTIVE, and prints items/s.
 */
public final class BackupBench {

    private static final Duration WAIT = Duration.ofMinutes(30);
    private static final int LOAD_CONCURRENCY = 64;

    private BackupBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: BackupBench <endpoint, e.g. http://localhost:8000> [items, default 1000000]");
            System.exit(2);
        }
        URI endpoint = URI.create(args[0]);
        int items = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 1_000_000;
        try (DynamoDbAsyncClient client = DynamoDbAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(LOAD_CONCURRENCY + 8)
                        .readTimeout(Duration.ofSeconds(60)).writeTimeout(Duration.ofSeconds(60)))
                .build()) {
            Dataset data = new Dataset(items);
            long loadStarted = System.nanoTime();
            BenchTables.recreate(client, Dataset.kvTable());
            BenchTables.load(client, Dataset.KV_TABLE, items, i -> data.kvItem(i, ThreadLocalRandom.current()),
                    LOAD_CONCURRENCY, System.out::println);
            report("load (BatchWriteItem)", items, loadStarted);

            long backupStarted = System.nanoTime();
            String backupArn = client.createBackup(r -> r.tableName(Dataset.KV_TABLE).backupName("bench")).join()
                    .backupDetails().backupArn();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (client.describeBackup(r -> r.backupArn(backupArn)).join().backupDescription().backupDetails()
                    .backupStatus() != BackupStatus.AVAILABLE) {
                check(deadline, "backup");
                Thread.sleep(100);
            }
            report("backup (CreateBackup to AVAILABLE)", items, backupStarted);

            String target = Dataset.KV_TABLE + "_restored";
            BenchTables.delete(client, target);
            long restoreStarted = System.nanoTime();
            client.restoreTableFromBackup(r -> r.targetTableName(target).backupArn(backupArn)).join();
            while (client.describeTable(r -> r.tableName(target)).join().table().tableStatus() != TableStatus.ACTIVE) {
                check(deadline, "restore");
                Thread.sleep(100);
            }
            report("restore (RestoreTableFromBackup to ACTIVE)", items, restoreStarted);
            client.deleteBackup(r -> r.backupArn(backupArn)).join();
        }
    }

    private static void report(String what, int items, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        System.out.printf("%-45s %,d items in %.1f s: %,.0f items/s%n", what, items, seconds, items / seconds);
    }

    private static void check(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(what + " did not finish within " + WAIT);
        }
    }
}
