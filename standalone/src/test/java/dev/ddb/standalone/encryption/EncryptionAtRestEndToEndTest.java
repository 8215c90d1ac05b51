package dev.ddb.standalone.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.common.encryption.MasterKeyException;
import dev.ddb.standalone.Clients;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.RotateKeyCommand;
import dev.ddb.standalone.StackSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Every file the stack keeps (stores, item-service's log, backup files, PITR segments and base
 * snapshots) holds no plaintext of what was written; the same master key reads it all back after a
 * restart; another key is refused with a message naming the file it does not open.
 */
class EncryptionAtRestEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String MARKER = "ENCRYPTION-MARKER-7f3a9c";

    @TempDir
    Path dataDir;

    private static Map<String, AttributeValue> item(String id) {
        return Map.of("pk", AttributeValue.fromS(id), "secret", AttributeValue.fromS(MARKER + "-" + id));
    }

    private static void createTable(DynamoDbClient client, String name) {
        client.createTable(r -> r.tableName(name)
                .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    @Test
    void noFileHoldsPlaintextTheSameKeyReadsItBackAndAnotherKeyIsRefused() throws Exception {
        try (LocalStack stack = LocalStack.start(StackSettings.ephemeral(dataDir));
             DynamoDbClient client = Clients.dynamoDb(stack.gatewayUrl())) {
            createTable(client, "Secrets");
            client.updateContinuousBackups(r -> r.tableName("Secrets")
                    .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
            for (int i = 0; i < 20; i++) {
                String id = "item-" + i;
                client.putItem(r -> r.tableName("Secrets").item(item(id)));
            }
            String backupArn = client.createBackup(r -> r.tableName("Secrets").backupName("enc")).backupDetails().backupArn();
            await(() -> client.describeBackup(r -> r.backupArn(backupArn)).backupDescription().backupDetails()
                    .backupStatus() == BackupStatus.AVAILABLE, "backup available");
            Instant written = Instant.now();
            await(() -> !client.describeContinuousBackups(r -> r.tableName("Secrets")).continuousBackupsDescription()
                    .pointInTimeRecoveryDescription().latestRestorableDateTime().isBefore(written), "PITR caught up");

            // restores read the encrypted backup file and the encrypted PITR base snapshot and segments
            client.restoreTableFromBackup(r -> r.backupArn(backupArn).targetTableName("FromBackup"));
            client.restoreTableToPointInTime(r -> r.sourceTableName("Secrets").targetTableName("FromPitr")
                    .useLatestRestorableTime(true));
            awaitActive(client, "FromBackup");
            awaitActive(client, "FromPitr");
            for (String table : List.of("FromBackup", "FromPitr")) {
                assertThat(client.getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("item-7")))).item())
                        .isEqualTo(item("item-7"));
            }
        }

        List<Path> files = files(dataDir);
        assertThat(files).extracting(f -> dataDir.relativize(f).toString()).contains(
                "item-service/items.mv.db", "item-service/items.wal.0", "table-service/tables.mv.db",
                "stream-service/streams.mv.db", "backup-service/backups.mv.db", "backup-service/pitr.mv.db",
                "backup-service/transfers.mv.db");
        assertThat(files).anySatisfy(f -> assertThat(dataDir.relativize(f).toString()).matches("backup-service/backups/.*\\.ndjson\\.gz"));
        assertThat(files).anySatisfy(f -> assertThat(dataDir.relativize(f).toString()).matches("backup-service/pitr/.*\\.seg"));
        byte[] marker = MARKER.getBytes(StandardCharsets.UTF_8);
        List<Path> outsideKafka = files.stream().filter(f -> !f.startsWith(dataDir.resolve("kafka"))).toList();
        assertThat(outsideKafka).allSatisfy(f -> assertThat(contains(Files.readAllBytes(f), marker))
                .as("plaintext in %s", f).isFalse());
        // the marker was written where encryption is not promised (Kafka's own log segments): the search finds it
        assertThat(files.stream().filter(f -> f.startsWith(dataDir.resolve("kafka"))))
                .anySatisfy(f -> assertThat(contains(Files.readAllBytes(f), marker)).isTrue());

        try (LocalStack stack = LocalStack.start(StackSettings.ephemeral(dataDir));
             DynamoDbClient client = Clients.dynamoDb(stack.gatewayUrl())) {
            for (String table : List.of("Secrets", "FromBackup", "FromPitr")) {
                assertThat(client.getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("item-3")))).item())
                        .isEqualTo(item("item-3"));
            }
            assertThat(client.scan(r -> r.tableName("Secrets")).count()).isEqualTo(20);
        }

        // offline rotation to a new key: the stack then starts with it and reads everything, the old key opens nothing
        Path oldKey = dataDir.resolve("master.key");
        Path newKey = dataDir.resolve("new-master.key");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int exit = RotateKeyCommand.run(new String[] {newKey.toString()}, StackSettings.ephemeral(dataDir),
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8), new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("re-encrypted item-service/items.mv.db", "re-encrypted item-service/items.wal.0",
                "re-encrypted table-service/tables.mv.db", "re-encrypted backup-service/pitr.mv.db", ".seg (", ".ndjson.gz");
        try (LocalStack stack = LocalStack.start(StackSettings.ephemeral(dataDir).withMasterKeyFile(newKey));
             DynamoDbClient client = Clients.dynamoDb(stack.gatewayUrl())) {
            assertThat(client.getItem(r -> r.tableName("Secrets").key(Map.of("pk", AttributeValue.fromS("item-5")))).item())
                    .isEqualTo(item("item-5"));
            // the re-encrypted backup file and PITR archive still restore
            String backupArn = client.listBackups(r -> r.tableName("Secrets")).backupSummaries().get(0).backupArn();
            client.restoreTableFromBackup(r -> r.backupArn(backupArn).targetTableName("AfterRotation"));
            client.restoreTableToPointInTime(r -> r.sourceTableName("Secrets").targetTableName("PitrAfterRotation")
                    .useLatestRestorableTime(true));
            awaitActive(client, "AfterRotation");
            awaitActive(client, "PitrAfterRotation");
            for (String table : List.of("AfterRotation", "PitrAfterRotation")) {
                assertThat(client.scan(r -> r.tableName(table)).count()).as(table).isEqualTo(20);
            }
        }

        assertThatThrownBy(() -> LocalStack.start(StackSettings.ephemeral(dataDir)))
                .isInstanceOf(MasterKeyException.class)
                .hasMessageStartingWith("The master key in " + oldKey.toAbsolutePath().normalize() + " does not open "
                        + dataDir.toAbsolutePath().normalize().resolve("item-service/items.mv.db") + ": ");
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return new ArrayList<>(paths.filter(Files::isRegularFile).toList());
        }
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void awaitActive(DynamoDbClient client, String table) {
        await(() -> client.describeTable(r -> r.tableName(table)).table().tableStatus() == TableStatus.ACTIVE, table + " active");
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
