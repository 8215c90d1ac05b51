package dev.ddb.standalone.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.Clients;
import dev.ddb.standalone.LauncherProcess;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ExportDescription;
import software.amazon.awssdk.services.dynamodb.model.ExportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportTableDescription;
import software.amazon.awssdk.services.dynamodb.model.InputCompressionType;
import software.amazon.awssdk.services.dynamodb.model.InputFormat;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stack (its own process) is killed with SIGKILL right after an export and an import were
 * answered: after the restart both complete, the export with every item, the import with a table
 * equal to its source.
 */
class ExportImportKillNineTest {

    private static final Path LOGS = Path.of("target", "ExportImportKillNineTest");
    private static final int ITEMS = 10_000;
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path dataDir;

    @Test
    void anExportAndAnImportCutShortCompleteAfterARestart() throws Exception {
        String exportArn;
        String importArn;
        Set<Map<String, AttributeValue>> items;
        try (LauncherProcess launcher = LauncherProcess.start(dataDir, "SYNC", LOGS.resolve("first.log"));
             DynamoDbClient client = Clients.dynamoDb(launcher.endpoint())) {
            String tableArn = client.createTable(r -> r.tableName("Source")
                    .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                    .billingMode(BillingMode.PAY_PER_REQUEST)).tableDescription().tableArn();
            client.updateContinuousBackups(r -> r.tableName("Source")
                    .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
            load(client, "Source", ITEMS);
            items = scanAll(client, "Source");
            String firstExport = client.exportTableToPointInTime(r -> r.tableArn(tableArn).s3Bucket("bucket").s3Prefix("first"))
                    .exportDescription().exportArn();
            String firstId = firstExport.substring(firstExport.lastIndexOf('/') + 1);
            assertThat(await(client, firstExport).exportStatus()).isEqualTo(ExportStatus.COMPLETED);

            importArn = client.importTable(r -> r
                    .s3BucketSource(s -> s.s3Bucket("bucket").s3KeyPrefix("first/AWSDynamoDB/" + firstId + "/data/"))
                    .inputFormat(InputFormat.DYNAMODB_JSON).inputCompressionType(InputCompressionType.GZIP)
                    .tableCreationParameters(t -> t.tableName("Imported")
                            .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S))
                            .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                            .billingMode(BillingMode.PAY_PER_REQUEST))).importTableDescription().importArn();
            exportArn = client.exportTableToPointInTime(r -> r.tableArn(tableArn).s3Bucket("bucket").s3Prefix("second"))
                    .exportDescription().exportArn();
            launcher.kill();
        }

        try (LauncherProcess launcher = LauncherProcess.start(dataDir, "SYNC", LOGS.resolve("second.log"));
             DynamoDbClient client = Clients.dynamoDb(launcher.endpoint())) {
            ExportDescription export = await(client, exportArn);
            assertThat(export.exportStatus()).isEqualTo(ExportStatus.COMPLETED);
            assertThat(export.itemCount()).isEqualTo(ITEMS);
            Path summary = dataDir.resolve("backup-service/exports/bucket").resolve(export.exportManifest());
            assertThat(JsonMapper.builder().build().readTree(Files.readAllBytes(summary)).get("itemCount").asLong())
                    .isEqualTo(ITEMS);

            long deadline = System.nanoTime() + WAIT.toNanos();
            ImportTableDescription imported;
            do {
                imported = client.describeImport(r -> r.importArn(importArn)).importTableDescription();
                Thread.sleep(50);
            } while (imported.importStatus() == ImportStatus.IN_PROGRESS && System.nanoTime() < deadline);
            assertThat(imported.importStatus()).isEqualTo(ImportStatus.COMPLETED);
            assertThat(imported.importedItemCount()).isEqualTo(ITEMS);
            assertThat(client.describeTable(r -> r.tableName("Imported")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
            assertThat(scanAll(client, "Imported")).isEqualTo(items);
        }
    }

    private static ExportDescription await(DynamoDbClient client, String arn) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            ExportDescription description = client.describeExport(r -> r.exportArn(arn)).exportDescription();
            if (description.exportStatus() != ExportStatus.IN_PROGRESS || System.nanoTime() > deadline) {
                return description;
            }
            Thread.sleep(50);
        }
    }

    private static void load(DynamoDbClient client, String table, int count) {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("item-" + i),
                    "n", AttributeValue.fromN(Integer.toString(i)),
                    "payload", AttributeValue.fromS("x".repeat(100) + i));
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (batch.size() == 25 || i == count - 1) {
                Map<String, List<WriteRequest>> requests = Map.of(table, List.copyOf(batch));
                while (!requests.isEmpty()) {
                    Map<String, List<WriteRequest>> sending = requests;
                    BatchWriteItemResponse response = client.batchWriteItem(r -> r.requestItems(sending));
                    requests = response.unprocessedItems();
                }
                batch.clear();
            }
        }
    }

    private static Set<Map<String, AttributeValue>> scanAll(DynamoDbClient client, String table) {
        Set<Map<String, AttributeValue>> items = new HashSet<>();
        client.scanPaginator(ScanRequest.builder().tableName(table).build()).items().forEach(items::add);
        return items;
    }
}
