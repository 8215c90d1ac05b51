package dev.ddb.standalone.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.Clients;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ExportConflictException;
import software.amazon.awssdk.services.dynamodb.model.ExportDescription;
import software.amazon.awssdk.services.dynamodb.model.ExportFormat;
import software.amazon.awssdk.services.dynamodb.model.ExportNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ExportStatus;
import software.amazon.awssdk.services.dynamodb.model.ExportType;
import software.amazon.awssdk.services.dynamodb.model.ExportViewType;
import software.amazon.awssdk.services.dynamodb.model.ImportConflictException;
import software.amazon.awssdk.services.dynamodb.model.ImportNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ImportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportTableDescription;
import software.amazon.awssdk.services.dynamodb.model.InputCompressionType;
import software.amazon.awssdk.services.dynamodb.model.InputFormat;
import software.amazon.awssdk.services.dynamodb.model.InvalidExportTimeException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryUnavailableException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TableCreationParameters;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Export and import through the gateway with the AWS SDK: a full export then an import give back
 * an equal table (every attribute type, thousands of items), the files are in AWS's layout, a CSV
 * dump of a relational table is imported with its bad rows counted, an incremental export holds
 * exactly the changes between its two times, and DynamoDB's errors.
 */
class ExportImportEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(120);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dataDir;

    static LocalStack stack;
    static DynamoDbClient client;
    static Path exportRoot;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(StackSettings.ephemeral(dataDir));
        client = Clients.dynamoDb(stack.gatewayUrl());
        exportRoot = dataDir.resolve("backup-service").resolve("exports");
    }

    @AfterAll
    static void stop() {
        client.close();
        stack.close();
    }

    static String createTable(String name, boolean pitr) {
        String arn = client.createTable(r -> r.tableName(name)
                        .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S),
                                d -> d.attributeName("sk").attributeType(ScalarAttributeType.N))
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                                k -> k.attributeName("sk").keyType(KeyType.RANGE))
                        .billingMode(BillingMode.PAY_PER_REQUEST))
                .tableDescription().tableArn();
        if (pitr) {
            client.updateContinuousBackups(r -> r.tableName(name)
                    .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
        }
        return arn;
    }

    static TableCreationParameters sameKeys(String name) {
        return TableCreationParameters.builder().tableName(name)
                .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S),
                        d -> d.attributeName("sk").attributeType(ScalarAttributeType.N))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .billingMode(BillingMode.PAY_PER_REQUEST).build();
    }

    /** An item with every attribute type, varying with i. */
    static Map<String, AttributeValue> item(int i) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS("p" + (i % 50)));
        item.put("sk", AttributeValue.fromN(Integer.toString(i)));
        item.put("S", AttributeValue.fromS("text " + i + " ünïcödé, \"quoted\", a\nnewline"));
        item.put("N", AttributeValue.fromN(i % 2 == 0 ? "12345678901234567890123456789012345678" : "-1.5E-" + (i % 100)));
        item.put("B", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) i, 0, -1})));
        item.put("BOOL", AttributeValue.fromBool(i % 3 == 0));
        item.put("NULL", AttributeValue.fromNul(true));
        item.put("M", AttributeValue.fromM(Map.of("n", AttributeValue.fromN(Integer.toString(i)),
                "l", AttributeValue.fromL(List.of(AttributeValue.fromS("x"), AttributeValue.fromM(Map.of()))))));
        item.put("L", AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromBool(false), AttributeValue.fromNul(true))));
        item.put("SS", AttributeValue.fromSs(List.of("a", "b" + i)));
        item.put("NS", AttributeValue.fromNs(List.of("1", Integer.toString(i + 2))));
        item.put("BS", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1}), SdkBytes.fromByteArray(new byte[] {2, (byte) i}))));
        return item;
    }

    static void load(String table, int items) {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(i)).build()).build());
            if (batch.size() == 25 || i == items - 1) {
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

    static ExportDescription awaitExport(String arn) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            ExportDescription description = client.describeExport(r -> r.exportArn(arn)).exportDescription();
            if (description.exportStatus() != ExportStatus.IN_PROGRESS) {
                return description;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("export " + arn + " still IN_PROGRESS");
            }
            sleep(50);
        }
    }

    static ImportTableDescription awaitImport(String arn) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            ImportTableDescription description = client.describeImport(r -> r.importArn(arn)).importTableDescription();
            if (description.importStatus() != ImportStatus.IN_PROGRESS) {
                return description;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("import " + arn + " still IN_PROGRESS");
            }
            sleep(50);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Map<Object, Map<String, Object>> scanAll(String table) {
        Map<Object, Map<String, Object>> items = new HashMap<>();
        client.scanPaginator(ScanRequest.builder().tableName(table).build()).items()
                .forEach(item -> items.put(List.of(item.get("pk").s(), new BigDecimal(item.get("sk").n())), normalized(item)));
        return items;
    }

    /** Sets as sorted lists and numbers by value: DynamoDB keeps neither set order nor number spelling. */
    static Object normalized(AttributeValue value) {
        return switch (value.type()) {
            case N -> new BigDecimal(value.n()).stripTrailingZeros();
            case NS -> value.ns().stream().map(n -> new BigDecimal(n).stripTrailingZeros()).sorted().toList();
            case SS -> value.ss().stream().sorted().toList();
            case BS -> value.bs().stream().map(b -> HexFormat.of().formatHex(b.asByteArray())).sorted().toList();
            case B -> HexFormat.of().formatHex(value.b().asByteArray());
            case M -> normalized(value.m());
            case L -> value.l().stream().map(ExportImportEndToEndTest::normalized).toList();
            default -> value;
        };
    }

    static Map<String, Object> normalized(Map<String, AttributeValue> item) {
        Map<String, Object> normalized = new LinkedHashMap<>();
        item.forEach((name, value) -> normalized.put(name, normalized(value)));
        return normalized;
    }

    static List<JsonNode> lines(Path gzipFile) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gzipFile))) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty()) {
                    lines.add(JSON.readTree(line));
                }
            }
        }
        return lines;
    }

    @Test
    void exportThenImportGivesBackAnEqualTableInAwsLayout() throws Exception {
        int items = 3000;
        String tableArn = createTable("Source", true);
        load("Source", items);

        ExportDescription started = client.exportTableToPointInTime(r -> r.tableArn(tableArn).s3Bucket("my-bucket")
                .s3Prefix("exports/source").exportFormat(ExportFormat.DYNAMODB_JSON)).exportDescription();
        assertThat(started.exportStatus()).isEqualTo(ExportStatus.IN_PROGRESS);
        assertThat(started.exportArn()).startsWith(tableArn + "/export/");
        assertThat(started.exportType()).isEqualTo(ExportType.FULL_EXPORT);
        ExportDescription done = awaitExport(started.exportArn());
        assertThat(done.exportStatus()).isEqualTo(ExportStatus.COMPLETED);
        assertThat(done.itemCount()).isEqualTo(items);
        assertThat(done.billedSizeBytes()).isPositive();
        assertThat(done.endTime()).isAfterOrEqualTo(done.startTime());
        String exportId = started.exportArn().substring(started.exportArn().lastIndexOf('/') + 1);
        assertThat(done.exportManifest()).isEqualTo("exports/source/AWSDynamoDB/" + exportId + "/manifest-summary.json");

        // the layout: <export-root>/<bucket>/<prefix>/AWSDynamoDB/<id>/...
        Path bucket = exportRoot.resolve("my-bucket");
        Path exportDir = bucket.resolve("exports/source/AWSDynamoDB/" + exportId);
        assertThat(exportDir.resolve("_started")).exists();
        JsonNode summary = JSON.readTree(Files.readAllBytes(exportDir.resolve("manifest-summary.json")));
        assertThat(summary.get("version").asString()).isEqualTo("2020-06-30");
        assertThat(summary.get("exportArn").asString()).isEqualTo(started.exportArn());
        assertThat(summary.get("tableArn").asString()).isEqualTo(tableArn);
        assertThat(summary.get("itemCount").asLong()).isEqualTo(items);
        assertThat(summary.get("outputFormat").asString()).isEqualTo("DYNAMODB_JSON");
        assertThat(summary.get("exportType").asString()).isEqualTo("FULL_EXPORT");
        assertThat(summary.get("manifestFilesS3Key").asString()).isEqualTo("exports/source/AWSDynamoDB/" + exportId + "/manifest-files.json");
        assertThat(Files.readString(exportDir.resolve("manifest-summary.checksum")))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(exportDir.resolve("manifest-summary.json")))));
        long lineCount = 0;
        for (String fileLine : Files.readAllLines(exportDir.resolve("manifest-files.json"))) {
            JsonNode file = JSON.readTree(fileLine);
            Path data = bucket.resolve(file.get("dataFileS3Key").asString());
            assertThat(data.getParent()).isEqualTo(exportDir.resolve("data"));
            assertThat(data.getFileName().toString()).endsWith(".json.gz");
            byte[] md5 = MessageDigest.getInstance("MD5").digest(Files.readAllBytes(data));
            assertThat(file.get("md5Checksum").asString()).isEqualTo(Base64.getEncoder().encodeToString(md5));
            assertThat(file.get("etag").asString()).isEqualTo(HexFormat.of().formatHex(md5));
            List<JsonNode> lines = lines(data);
            assertThat(lines).hasSize(file.get("itemCount").asInt());
            assertThat(lines).allSatisfy(line -> {
                assertThat(line.propertyNames()).containsExactly("Item");
                assertThat(line.get("Item").get("pk").get("S").asString()).startsWith("p");
            });
            lineCount += lines.size();
        }
        assertThat(lineCount).isEqualTo(items);

        // DescribeExport and ListExports
        assertThat(client.listExports(r -> r.tableArn(tableArn)).exportSummaries())
                .anySatisfy(s -> {
                    assertThat(s.exportArn()).isEqualTo(started.exportArn());
                    assertThat(s.exportStatus()).isEqualTo(ExportStatus.COMPLETED);
                });

        // import the data files back
        ImportTableDescription importing = client.importTable(r -> r
                .s3BucketSource(s -> s.s3Bucket("my-bucket").s3KeyPrefix("exports/source/AWSDynamoDB/" + exportId + "/data/"))
                .inputFormat(InputFormat.DYNAMODB_JSON).inputCompressionType(InputCompressionType.GZIP)
                .tableCreationParameters(sameKeys("SourceImported"))).importTableDescription();
        assertThat(importing.importStatus()).isEqualTo(ImportStatus.IN_PROGRESS);
        assertThat(client.describeTable(r -> r.tableName("SourceImported")).table().tableStatus())
                .isIn(TableStatus.CREATING, TableStatus.ACTIVE);
        ImportTableDescription imported = awaitImport(importing.importArn());
        assertThat(imported.importStatus()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(imported.importedItemCount()).isEqualTo(items);
        assertThat(imported.processedItemCount()).isEqualTo(items);
        assertThat(imported.errorCount()).isZero();
        assertThat(imported.processedSizeBytes()).isPositive();
        assertThat(imported.tableArn()).endsWith(":table/SourceImported");
        assertThat(client.describeTable(r -> r.tableName("SourceImported")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(scanAll("SourceImported")).hasSize(items).isEqualTo(scanAll("Source"));

        assertThat(client.listImports(r -> r.tableArn(imported.tableArn())).importSummaryList())
                .singleElement().satisfies(s -> {
                    assertThat(s.importArn()).isEqualTo(importing.importArn());
                    assertThat(s.importStatus()).isEqualTo(ImportStatus.COMPLETED);
                    assertThat(s.inputFormat()).isEqualTo(InputFormat.DYNAMODB_JSON);
                });
    }

    @Test
    void aCsvDumpOfARelationalTableIsImportedWithItsBadRowsCounted() throws Exception {
        Path dump = exportRoot.resolve("dumps/customers");
        Files.createDirectories(dump);
        Files.writeString(dump.resolve("part-1.csv"), """
                customer_id,name,city,balance
                1,Ada Lovelace,London,100.50
                2,"Turing, Alan","Wilmslow
                Cheshire",0
                3,"Grace ""Amazing"" Hopper",Arlington,
                ,No Key,Nowhere,1
                abc,Bad Key,Nowhere,1
                4,Too,Many,Fields,Here
                5,Edsger Dijkstra,Nuenen,7
                """);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dump.resolve("part-2.csv.gz")))) {
            out.write("customer_id,name,city,balance\n6,Barbara Liskov,Boston,42\n".getBytes(StandardCharsets.UTF_8));
        }

        // uncompressed: part-2.csv.gz is gzip, so its "rows" are errors; prefix picks only part-1
        ImportTableDescription started = client.importTable(r -> r
                .s3BucketSource(s -> s.s3Bucket("dumps").s3KeyPrefix("customers/part-1"))
                .inputFormat(InputFormat.CSV).inputCompressionType(InputCompressionType.NONE)
                .tableCreationParameters(t -> t.tableName("Customers")
                        .attributeDefinitions(d -> d.attributeName("customer_id").attributeType(ScalarAttributeType.N))
                        .keySchema(k -> k.attributeName("customer_id").keyType(KeyType.HASH))
                        .billingMode(BillingMode.PAY_PER_REQUEST))).importTableDescription();
        ImportTableDescription done = awaitImport(started.importArn());
        assertThat(done.importStatus()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.processedItemCount()).isEqualTo(7);
        assertThat(done.importedItemCount()).isEqualTo(4);
        assertThat(done.errorCount()).isEqualTo(3);

        Map<String, AttributeValue> turing = client.getItem(r -> r.tableName("Customers")
                .key(Map.of("customer_id", AttributeValue.fromN("2")))).item();
        assertThat(turing).containsEntry("name", AttributeValue.fromS("Turing, Alan"))
                .containsEntry("city", AttributeValue.fromS("Wilmslow\nCheshire"))
                .containsEntry("balance", AttributeValue.fromS("0"));
        Map<String, AttributeValue> hopper = client.getItem(r -> r.tableName("Customers")
                .key(Map.of("customer_id", AttributeValue.fromN("3")))).item();
        assertThat(hopper).containsEntry("name", AttributeValue.fromS("Grace \"Amazing\" Hopper")).doesNotContainKey("balance");
        assertThat(client.scan(r -> r.tableName("Customers")).items()).hasSize(4);

        // gzip, a HeaderList and another delimiter
        Files.createDirectories(exportRoot.resolve("dumps/orders"));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write("10|1|book\n11|1|pen\n12|2|ink\nx|3|bad\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.write(exportRoot.resolve("dumps/orders/orders.csv.gz"), gz.toByteArray());
        ImportTableDescription orders = awaitImport(client.importTable(r -> r
                .s3BucketSource(s -> s.s3Bucket("dumps").s3KeyPrefix("orders/"))
                .inputFormat(InputFormat.CSV).inputCompressionType(InputCompressionType.GZIP)
                .inputFormatOptions(o -> o.csv(c -> c.delimiter("|").headerList("order_id", "customer_id", "product")))
                .tableCreationParameters(t -> t.tableName("Orders")
                        .attributeDefinitions(d -> d.attributeName("order_id").attributeType(ScalarAttributeType.N))
                        .keySchema(k -> k.attributeName("order_id").keyType(KeyType.HASH))
                        .billingMode(BillingMode.PAY_PER_REQUEST))).importTableDescription().importArn());
        assertThat(orders.importedItemCount()).isEqualTo(3);
        assertThat(orders.errorCount()).isEqualTo(1);
        assertThat(client.getItem(r -> r.tableName("Orders").key(Map.of("order_id", AttributeValue.fromN("12")))).item())
                .containsEntry("customer_id", AttributeValue.fromS("2")).containsEntry("product", AttributeValue.fromS("ink"));
    }

    @Test
    void anIncrementalExportHoldsExactlyTheChangesBetweenItsTimes() throws Exception {
        String tableArn = createTable("Changing", true);
        Map<String, AttributeValue> a = Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1"), "v", AttributeValue.fromS("a1"));
        Map<String, AttributeValue> b = Map.of("pk", AttributeValue.fromS("b"), "sk", AttributeValue.fromN("2"), "v", AttributeValue.fromS("b1"));
        client.putItem(r -> r.tableName("Changing").item(a));
        client.putItem(r -> r.tableName("Changing").item(b));
        sleep(50);
        Instant from = Instant.now();
        sleep(50);
        client.putItem(r -> r.tableName("Changing").item(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1"), "v", AttributeValue.fromS("a2"))));
        client.deleteItem(r -> r.tableName("Changing").key(Map.of("pk", AttributeValue.fromS("b"), "sk", AttributeValue.fromN("2"))));
        client.putItem(r -> r.tableName("Changing").item(Map.of("pk", AttributeValue.fromS("c"), "sk", AttributeValue.fromN("3"), "v", AttributeValue.fromS("c1"))));
        client.putItem(r -> r.tableName("Changing").item(Map.of("pk", AttributeValue.fromS("c"), "sk", AttributeValue.fromN("3"), "v", AttributeValue.fromS("c2"))));
        sleep(50);
        Instant to = Instant.now();
        sleep(50);
        client.putItem(r -> r.tableName("Changing").item(Map.of("pk", AttributeValue.fromS("d"), "sk", AttributeValue.fromN("4"), "v", AttributeValue.fromS("d1"))));
        client.putItem(r -> r.tableName("Changing").item(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1"), "v", AttributeValue.fromS("a3"))));

        ExportDescription started = client.exportTableToPointInTime(r -> r.tableArn(tableArn).s3Bucket("incremental")
                .exportType(ExportType.INCREMENTAL_EXPORT)
                .incrementalExportSpecification(s -> s.exportFromTime(from).exportToTime(to)
                        .exportViewType(ExportViewType.NEW_AND_OLD_IMAGES))).exportDescription();
        assertThat(started.exportType()).isEqualTo(ExportType.INCREMENTAL_EXPORT);
        assertThat(started.incrementalExportSpecification().exportViewType()).isEqualTo(ExportViewType.NEW_AND_OLD_IMAGES);
        ExportDescription done = awaitExport(started.exportArn());
        assertThat(done.exportStatus()).isEqualTo(ExportStatus.COMPLETED);
        assertThat(done.itemCount()).isEqualTo(3);

        Path bucket = exportRoot.resolve("incremental");
        Path exportDir = bucket.resolve("AWSDynamoDB/" + started.exportArn().substring(started.exportArn().lastIndexOf('/') + 1));
        Map<String, JsonNode> byKey = new HashMap<>();
        for (String fileLine : Files.readAllLines(exportDir.resolve("manifest-files.json"))) {
            for (JsonNode line : lines(bucket.resolve(JSON.readTree(fileLine).get("dataFileS3Key").asString()))) {
                assertThat(line.get("Metadata").get("WriteTimestampMicros").get("N").asLong())
                        .isBetween(from.toEpochMilli() * 1000, to.toEpochMilli() * 1000);
                byKey.put(line.get("Keys").get("pk").get("S").asString(), line);
            }
        }
        assertThat(byKey).containsOnlyKeys("a", "b", "c");
        assertThat(byKey.get("a").get("OldImage").get("v").get("S").asString()).isEqualTo("a1");
        assertThat(byKey.get("a").get("NewImage").get("v").get("S").asString()).isEqualTo("a2");
        assertThat(byKey.get("b").get("OldImage").get("v").get("S").asString()).isEqualTo("b1");
        assertThat(byKey.get("b").has("NewImage")).isFalse();
        assertThat(byKey.get("c").has("OldImage")).isFalse();
        assertThat(byKey.get("c").get("NewImage").get("v").get("S").asString()).isEqualTo("c2");
        assertThat(byKey.get("c").get("Keys").get("sk").get("N").asString()).isEqualTo("3");

        // NEW_IMAGE: no old images
        ExportDescription newImages = awaitExport(client.exportTableToPointInTime(r -> r.tableArn(tableArn).s3Bucket("incremental")
                .s3Prefix("new").exportType(ExportType.INCREMENTAL_EXPORT)
                .incrementalExportSpecification(s -> s.exportFromTime(from).exportToTime(to)
                        .exportViewType(ExportViewType.NEW_IMAGE))).exportDescription().exportArn());
        assertThat(newImages.itemCount()).isEqualTo(3);
    }

    @Test
    void dynamoDbsErrors() {
        String plainArn = createTable("NoPitr", false);
        assertThatThrownBy(() -> client.exportTableToPointInTime(r -> r.tableArn(plainArn).s3Bucket("b-1")))
                .isInstanceOf(PointInTimeRecoveryUnavailableException.class)
                .hasMessageContaining("Point in time recovery is not enabled for table 'NoPitr'");
        String missingArn = plainArn.replace("NoPitr", "Nowhere");
        assertThatThrownBy(() -> client.exportTableToPointInTime(r -> r.tableArn(missingArn).s3Bucket("b-1")))
                .isInstanceOf(TableNotFoundException.class);
        String arn = createTable("Errors", true);
        assertThatThrownBy(() -> client.exportTableToPointInTime(r -> r.tableArn(arn).s3Bucket("b-1")
                .exportTime(Instant.now().minusSeconds(3600))))
                .isInstanceOf(InvalidExportTimeException.class);
        assertThatThrownBy(() -> client.describeExport(r -> r.exportArn(arn + "/export/01234567890123-abcdef01")))
                .isInstanceOf(ExportNotFoundException.class);

        String first = client.exportTableToPointInTime(r -> r.tableArn(arn).s3Bucket("b-1").clientToken("token-1"))
                .exportDescription().exportArn();
        assertThat(client.exportTableToPointInTime(r -> r.tableArn(arn).s3Bucket("b-1").clientToken("token-1"))
                .exportDescription().exportArn()).isEqualTo(first);
        assertThatThrownBy(() -> client.exportTableToPointInTime(r -> r.tableArn(arn).s3Bucket("b-2").clientToken("token-1")))
                .isInstanceOf(ExportConflictException.class);
        assertThat(awaitExport(first).exportStatus()).isEqualTo(ExportStatus.COMPLETED);

        // ListExports pages
        for (int i = 0; i < 2; i++) {
            client.exportTableToPointInTime(r -> r.tableArn(arn).s3Bucket("b-1"));
        }
        var page = client.listExports(r -> r.tableArn(arn).maxResults(2));
        assertThat(page.exportSummaries()).hasSize(2);
        assertThat(page.nextToken()).isNotNull();
        var rest = client.listExports(r -> r.tableArn(arn).maxResults(2).nextToken(page.nextToken()));
        assertThat(rest.exportSummaries()).hasSize(1);
        assertThat(rest.nextToken()).isNull();

        assertThatThrownBy(() -> client.importTable(r -> r.s3BucketSource(s -> s.s3Bucket("b-1"))
                .inputFormat(InputFormat.DYNAMODB_JSON).tableCreationParameters(sameKeys("Errors"))))
                .isInstanceOf(ResourceInUseException.class);
        String imported = client.importTable(r -> r.s3BucketSource(s -> s.s3Bucket("no-such-bucket"))
                .inputFormat(InputFormat.DYNAMODB_JSON).clientToken("import-token")
                .tableCreationParameters(sameKeys("FromNowhere"))).importTableDescription().importArn();
        assertThatThrownBy(() -> client.importTable(r -> r.s3BucketSource(s -> s.s3Bucket("other-bucket"))
                .inputFormat(InputFormat.DYNAMODB_JSON).clientToken("import-token")
                .tableCreationParameters(sameKeys("FromNowhere"))))
                .isInstanceOf(ImportConflictException.class);
        ImportTableDescription failed = awaitImport(imported);
        assertThat(failed.importStatus()).isEqualTo(ImportStatus.FAILED);
        assertThat(failed.failureCode()).isNotBlank();
        assertThat(failed.failureMessage()).contains("no-such-bucket");
        assertThatThrownBy(() -> client.describeTable(r -> r.tableName("FromNowhere"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> client.describeImport(r -> r.importArn(arn + "/import/01234567890123-abcdef01")))
                .isInstanceOf(ImportNotFoundException.class);
    }
}
