package dev.ddb.standalone.pitr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.Clients;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsStatus;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InvalidRestoreTimeException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryUnavailableException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableAlreadyExistsException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Point-in-time recovery through the gateway with the AWS SDK: the operations, restores, DynamoDB's errors. */
class PitrEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dataDir;

    static LocalStack stack;
    static DynamoDbClient client;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(StackSettings.ephemeral(dataDir));
        client = Clients.dynamoDb(stack.gatewayUrl());
    }

    @AfterAll
    static void stop() {
        client.close();
        stack.close();
    }

    static String createTable(DynamoDbClient client, String name) {
        return client.createTable(r -> r.tableName(name)
                        .attributeDefinitions(
                                d -> d.attributeName("pk").attributeType(ScalarAttributeType.S),
                                d -> d.attributeName("sk").attributeType(ScalarAttributeType.N),
                                d -> d.attributeName("g").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                                k -> k.attributeName("sk").keyType(KeyType.RANGE))
                        .globalSecondaryIndexes(i -> i.indexName("ByG")
                                .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH),
                                        k -> k.attributeName("sk").keyType(KeyType.RANGE))
                                .projection(p -> p.projectionType(ProjectionType.ALL)))
                        .billingMode(BillingMode.PAY_PER_REQUEST))
                .tableDescription().tableArn();
    }

    static Map<String, AttributeValue> item(String pk, int sk, String g, String value) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS(pk));
        item.put("sk", AttributeValue.fromN(Integer.toString(sk)));
        item.put("g", AttributeValue.fromS(g));
        item.put("v", AttributeValue.fromS(value));
        return item;
    }

    static Set<Map<String, AttributeValue>> scan(DynamoDbClient client, String table) {
        Set<Map<String, AttributeValue>> items = new HashSet<>();
        client.scanPaginator(r -> r.tableName(table)).items().forEach(items::add);
        return items;
    }

    static TableDescription awaitActive(DynamoDbClient client, String tableName) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            TableDescription table = client.describeTable(r -> r.tableName(tableName)).table();
            if (table.tableStatus() == TableStatus.ACTIVE) {
                return table;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("table " + tableName + " still " + table.tableStatus());
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

    static PointInTimeRecoveryDescription pitr(DynamoDbClient client, String table) {
        return client.describeContinuousBackups(r -> r.tableName(table)).continuousBackupsDescription()
                .pointInTimeRecoveryDescription();
    }

    /** Waits until LatestRestorableDateTime has passed {@code time}. */
    static void awaitLatestPast(DynamoDbClient client, String table, Instant time) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (pitr(client, table).latestRestorableDateTime().isBefore(time)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("LatestRestorableDateTime of " + table + " did not pass " + time);
            }
            sleep(50);
        }
    }

    @Test
    void enablingDescribingChangingThePeriodAndDisabling() {
        String arn = createTable(client, "Settings");
        var initial = client.describeContinuousBackups(r -> r.tableName("Settings")).continuousBackupsDescription();
        assertThat(initial.continuousBackupsStatus()).isEqualTo(ContinuousBackupsStatus.ENABLED);
        assertThat(initial.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.DISABLED);
        assertThat(initial.pointInTimeRecoveryDescription().earliestRestorableDateTime()).isNull();

        Instant before = Instant.now();
        var enabled = client.updateContinuousBackups(r -> r.tableName("Settings")
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true))).continuousBackupsDescription();
        PointInTimeRecoveryDescription description = enabled.pointInTimeRecoveryDescription();
        assertThat(description.pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.ENABLED);
        assertThat(description.recoveryPeriodInDays()).isEqualTo(35);
        assertThat(description.earliestRestorableDateTime()).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(description.latestRestorableDateTime()).isAfterOrEqualTo(description.earliestRestorableDateTime());

        // by ARN, with a period
        var changed = client.updateContinuousBackups(r -> r.tableName(arn)
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(7)))
                .continuousBackupsDescription().pointInTimeRecoveryDescription();
        assertThat(changed.recoveryPeriodInDays()).isEqualTo(7);
        assertThat(changed.earliestRestorableDateTime()).isEqualTo(description.earliestRestorableDateTime());
        assertThat(pitr(client, arn).recoveryPeriodInDays()).isEqualTo(7);

        assertThatThrownBy(() -> client.updateContinuousBackups(r -> r.tableName("Settings")
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(36))))
                .isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException"));

        var disabled = client.updateContinuousBackups(r -> r.tableName("Settings")
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(false))).continuousBackupsDescription();
        assertThat(disabled.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.DISABLED);
        assertThat(pitr(client, "Settings").pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.DISABLED);
        assertThatThrownBy(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("Settings")
                .targetTableName("SettingsRestored").useLatestRestorableTime(true)))
                .isInstanceOf(PointInTimeRecoveryUnavailableException.class);
    }

    @Test
    void unknownTablesAreTableNotFound() {
        assertThatThrownBy(() -> client.describeContinuousBackups(r -> r.tableName("Nowhere")))
                .isInstanceOf(TableNotFoundException.class).hasMessageContaining("Table not found: Nowhere");
        assertThatThrownBy(() -> client.updateContinuousBackups(r -> r.tableName("Nowhere")
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true))))
                .isInstanceOf(TableNotFoundException.class).hasMessageContaining("Table not found: Nowhere");
        assertThatThrownBy(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("Nowhere")
                .targetTableName("NowhereRestored").useLatestRestorableTime(true)))
                .isInstanceOf(TableNotFoundException.class).hasMessageContaining("Table not found: Nowhere");
    }

    @Test
    void aRestoreGivesTheItemsAtTheChosenTimeAndAtTheLatestTime() {
        String arn = createTable(client, "Orders");
        client.updateContinuousBackups(r -> r.tableName("Orders")
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
        client.putItem(r -> r.tableName("Orders").item(item("a", 1, "x", "first")));
        client.putItem(r -> r.tableName("Orders").item(item("b", 2, "y", "first")));
        sleep(20);
        Instant chosen = Instant.now();
        sleep(20);
        client.putItem(r -> r.tableName("Orders").item(item("a", 1, "x", "second")));
        client.deleteItem(r -> r.tableName("Orders").key(Map.of("pk", AttributeValue.fromS("b"), "sk", AttributeValue.fromN("2"))));
        client.putItem(r -> r.tableName("Orders").item(item("c", 3, "x", "first")));
        awaitLatestPast(client, "Orders", chosen);

        TableDescription restoring = client.restoreTableToPointInTime(r -> r.sourceTableName("Orders")
                .targetTableName("OrdersAtChosen").restoreDateTime(chosen)).tableDescription();
        assertThat(restoring.restoreSummary().sourceTableArn()).isEqualTo(arn);
        assertThat(restoring.restoreSummary().sourceBackupArn()).isNull();
        assertThat(restoring.restoreSummary().restoreDateTime()).isEqualTo(chosen.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        if (restoring.tableStatus() == TableStatus.CREATING) {
            assertThat(restoring.restoreSummary().restoreInProgress()).isTrue();
        }
        TableDescription restored = awaitActive(client, "OrdersAtChosen");
        assertThat(restored.restoreSummary().restoreInProgress()).isFalse();
        assertThat(restored.globalSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly("ByG");
        assertThat(scan(client, "OrdersAtChosen")).containsExactlyInAnyOrder(item("a", 1, "x", "first"), item("b", 2, "y", "first"));
        assertThat(client.query(r -> r.tableName("OrdersAtChosen").indexName("ByG").keyConditionExpression("g = :g")
                .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("y")))).items())
                .containsExactly(item("b", 2, "y", "first"));

        client.restoreTableToPointInTime(r -> r.sourceTableArn(arn).targetTableName("OrdersLatest")
                .useLatestRestorableTime(true).billingModeOverride(BillingMode.PROVISIONED)
                .provisionedThroughputOverride(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L)));
        TableDescription latest = awaitActive(client, "OrdersLatest");
        assertThat(latest.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
        assertThat(scan(client, "OrdersLatest")).containsExactlyInAnyOrder(item("a", 1, "x", "second"), item("c", 3, "x", "first"));
        // the restored table does not have PITR on
        assertThat(pitr(client, "OrdersLatest").pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.DISABLED);
    }

    @Test
    void restoreErrors() {
        createTable(client, "Errors");
        createTable(client, "ErrorsTaken");
        assertThatThrownBy(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("Errors")
                .targetTableName("ErrorsRestored").useLatestRestorableTime(true)))
                .isInstanceOf(PointInTimeRecoveryUnavailableException.class)
                .hasMessageContaining("Point in time recovery is not enabled for table 'Errors'");
        var enabled = client.updateContinuousBackups(r -> r.tableName("Errors")
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)))
                .continuousBackupsDescription().pointInTimeRecoveryDescription();
        assertThatThrownBy(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("Errors")
                .targetTableName("ErrorsRestored").restoreDateTime(enabled.earliestRestorableDateTime().minusSeconds(60))))
                .isInstanceOf(InvalidRestoreTimeException.class)
                .hasMessageContaining("between EarliestRestorableDateTime and LatestRestorableDateTime");
        assertThatThrownBy(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("Errors")
                .targetTableName("ErrorsRestored").restoreDateTime(Instant.now().plusSeconds(3600))))
                .isInstanceOf(InvalidRestoreTimeException.class);
        assertThatThrownBy(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("Errors")
                .targetTableName("ErrorsTaken").useLatestRestorableTime(true)))
                .isInstanceOf(TableAlreadyExistsException.class).hasMessageContaining("Table already exists: ErrorsTaken");
        assertThatThrownBy(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("Errors")
                .targetTableName("ErrorsRestored").useLatestRestorableTime(true).restoreDateTime(Instant.now())))
                .isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("Errors")
                .targetTableName("ErrorsRestored")))
                .isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> client.describeTable(r -> r.tableName("ErrorsRestored")))
                .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class);
    }

    @Test
    void aDeletedTableIsRestoredByItsArnWithinItsPeriod() {
        String arn = createTable(client, "Gone");
        client.updateContinuousBackups(r -> r.tableName("Gone")
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
        client.putItem(r -> r.tableName("Gone").item(item("a", 1, "x", "kept")));
        awaitLatestPast(client, "Gone", Instant.now());
        client.deleteTable(r -> r.tableName("Gone"));
        sleep(500); // the deletion reaches backup-service on ddb.table-events

        client.restoreTableToPointInTime(r -> r.sourceTableArn(arn).targetTableName("GoneRestored").useLatestRestorableTime(true));
        awaitActive(client, "GoneRestored");
        assertThat(scan(client, "GoneRestored")).containsExactly(item("a", 1, "x", "kept"));
        assertThat(List.of(client.describeTable(r -> r.tableName("GoneRestored")).table().restoreSummary().sourceTableArn()))
                .containsExactly(arn);
    }
}
