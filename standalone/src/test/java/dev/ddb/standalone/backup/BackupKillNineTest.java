package dev.ddb.standalone.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.Clients;
import dev.ddb.standalone.LauncherProcess;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The stack (its own process, SYNC durability) is killed with SIGKILL while a restore loads its
 * table and a second backup is being taken. Started again on the same data: the finished backup
 * is still there and restores; the restore cut short completes (it loads again: puts are
 * idempotent) with every item and index entry; the backup cut short is either AVAILABLE or
 * gone, never CREATING for good.
 */
class BackupKillNineTest {

    private static final Path LOGS = Path.of("target", "BackupKillNineTest");
    private static final int ITEMS = 20_000;
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path dataDir;

    @Test
    void backupsSurviveAndARestoreCutShortCompletesAfterARestart() throws Exception {
        String backupArn;
        String cutShortBackupArn;
        Set<Map<String, AttributeValue>> items;
        List<Map<String, AttributeValue>> groupQuery;
        try (LauncherProcess launcher = LauncherProcess.start(dataDir, "SYNC", LOGS.resolve("first.log"));
             DynamoDbClient client = Clients.dynamoDb(launcher.endpoint())) {
            client.createTable(r -> r.tableName("Source")
                    .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S),
                            d -> d.attributeName("grp").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                    .globalSecondaryIndexes(i -> i.indexName("ByGroup")
                            .keySchema(k -> k.attributeName("grp").keyType(KeyType.HASH), k -> k.attributeName("pk").keyType(KeyType.RANGE))
                            .projection(p -> p.projectionType(ProjectionType.ALL)))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            load(client, "Source", ITEMS);
            backupArn = client.createBackup(r -> r.tableName("Source").backupName("before-kill")).backupDetails().backupArn();
            Backups.awaitAvailable(client, backupArn, WAIT);
            items = scanAll(client, "Source");
            groupQuery = query(client, "Source", "g3");

            client.restoreTableFromBackup(r -> r.targetTableName("Restoring").backupArn(backupArn));
            cutShortBackupArn = client.createBackup(r -> r.tableName("Source").backupName("cut-short")).backupDetails().backupArn();
            TableStatus atKill = client.describeTable(r -> r.tableName("Restoring")).table().tableStatus();
            launcher.kill();
            System.out.println("[BackupKillNineTest] killed with the restored table " + atKill);
        }

        try (LauncherProcess launcher = LauncherProcess.start(dataDir, "SYNC", LOGS.resolve("second.log"));
             DynamoDbClient client = Clients.dynamoDb(launcher.endpoint())) {
            assertThat(client.describeBackup(r -> r.backupArn(backupArn)).backupDescription().backupDetails().backupStatus())
                    .isEqualTo(BackupStatus.AVAILABLE);
            try {
                assertThat(client.describeBackup(r -> r.backupArn(cutShortBackupArn)).backupDescription()
                        .backupDetails().backupStatus()).isEqualTo(BackupStatus.AVAILABLE);
            } catch (BackupNotFoundException removed) {
                // cut short by the kill: removed at the restart
            }

            try {
                Backups.awaitActive(client, "Restoring", WAIT);
                assertThat(client.describeTable(r -> r.tableName("Restoring")).table().restoreSummary().restoreInProgress()).isFalse();
                assertThat(scanAll(client, "Restoring")).isEqualTo(items);
                assertThat(query(client, "Restoring", "g3")).isEqualTo(groupQuery);
            } catch (ResourceNotFoundException failedVisibly) {
                throw new AssertionError("the restore was abandoned rather than resumed; see " + LOGS, failedVisibly);
            }

            client.restoreTableFromBackup(r -> r.targetTableName("AfterRestart").backupArn(backupArn));
            Backups.awaitActive(client, "AfterRestart", WAIT);
            assertThat(scanAll(client, "AfterRestart")).isEqualTo(items);
        }
    }

    private static void load(DynamoDbClient client, String table, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> loaders = new ArrayList<>();
        for (int l = 0; l < 4; l++) {
            int loader = l;
            loaders.add(pool.submit(() -> {
                List<WriteRequest> batch = new ArrayList<>();
                for (int i = loader; i < count; i += 4) {
                    Map<String, AttributeValue> item = new LinkedHashMap<>();
                    item.put("pk", AttributeValue.fromS("item-" + i));
                    item.put("grp", AttributeValue.fromS("g" + (i % 10)));
                    item.put("n", AttributeValue.fromN(Integer.toString(i)));
                    batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
                    if (batch.size() == 25 || i + 4 >= count) {
                        Map<String, List<WriteRequest>> requests = Map.of(table, List.copyOf(batch));
                        while (!requests.isEmpty()) {
                            Map<String, List<WriteRequest>> sending = requests;
                            BatchWriteItemResponse response = client.batchWriteItem(r -> r.requestItems(sending));
                            requests = response.unprocessedItems();
                        }
                        batch.clear();
                    }
                }
                return null;
            }));
        }
        for (Future<?> loader : loaders) {
            loader.get();
        }
        pool.shutdown();
    }

    private static Set<Map<String, AttributeValue>> scanAll(DynamoDbClient client, String table) {
        Set<Map<String, AttributeValue>> all = new HashSet<>();
        client.scanPaginator(ScanRequest.builder().tableName(table).build()).items().forEach(all::add);
        return all;
    }

    private static List<Map<String, AttributeValue>> query(DynamoDbClient client, String table, String group) {
        List<Map<String, AttributeValue>> all = new ArrayList<>();
        client.queryPaginator(QueryRequest.builder().tableName(table).indexName("ByGroup")
                .keyConditionExpression("grp = :g").expressionAttributeValues(Map.of(":g", AttributeValue.fromS(group))).build())
                .items().forEach(all::add);
        return all;
    }
}
