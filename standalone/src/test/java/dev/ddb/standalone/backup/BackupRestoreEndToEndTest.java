package dev.ddb.standalone.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import software.amazon.awssdk.services.dynamodb.model.BackupDescription;
import software.amazon.awssdk.services.dynamodb.model.BackupDetails;
import software.amazon.awssdk.services.dynamodb.model.BackupInUseException;
import software.amazon.awssdk.services.dynamodb.model.BackupNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BackupType;
import software.amazon.awssdk.services.dynamodb.model.BackupTypeFilter;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableAlreadyExistsException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** On-demand backups and restores through the gateway with the AWS SDK, as DynamoDB answers them. */
class BackupRestoreEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

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

    private static String createMusicTable(String name) {
        return client.createTable(r -> r.tableName(name)
                        .attributeDefinitions(
                                d -> d.attributeName("Artist").attributeType(ScalarAttributeType.S),
                                d -> d.attributeName("Song").attributeType(ScalarAttributeType.S),
                                d -> d.attributeName("Year").attributeType(ScalarAttributeType.N),
                                d -> d.attributeName("Genre").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("Artist").keyType(KeyType.HASH),
                                k -> k.attributeName("Song").keyType(KeyType.RANGE))
                        .localSecondaryIndexes(i -> i.indexName("ByYear")
                                .keySchema(k -> k.attributeName("Artist").keyType(KeyType.HASH),
                                        k -> k.attributeName("Year").keyType(KeyType.RANGE))
                                .projection(p -> p.projectionType(ProjectionType.ALL)))
                        .globalSecondaryIndexes(i -> i.indexName("ByGenre")
                                .keySchema(k -> k.attributeName("Genre").keyType(KeyType.HASH),
                                        k -> k.attributeName("Year").keyType(KeyType.RANGE))
                                .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("Song")))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE))
                        .tags(Tag.builder().key("team").value("music").build()))
                .tableDescription().tableArn();
    }

    private static Map<String, AttributeValue> song(String artist, String song, int year, String genre) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("Artist", AttributeValue.fromS(artist));
        item.put("Song", AttributeValue.fromS(song));
        item.put("Year", AttributeValue.fromN(Integer.toString(year)));
        item.put("Genre", AttributeValue.fromS(genre));
        return item;
    }

    @Test
    void aBackupDescribesItsTableAndARestoreGivesTheItemsBackWithoutStreamTtlOrTags() {
        String tableArn = createMusicTable("Music");
        client.updateTimeToLive(r -> r.tableName("Music").timeToLiveSpecification(t -> t.enabled(true).attributeName("Expires")));
        client.putItem(r -> r.tableName("Music").item(song("Arturus", "Call Me Today", 2020, "Rock")));
        client.putItem(r -> r.tableName("Music").item(song("Arturus", "Blue", 2018, "Jazz")));
        client.putItem(r -> r.tableName("Music").item(song("Zed", "Up", 2021, "Rock")));

        Instant before = Instant.now().minusSeconds(1);
        BackupDetails details = client.createBackup(r -> r.tableName("Music").backupName("nightly")).backupDetails();
        assertThat(details.backupArn()).matches("arn:aws:dynamodb:us-east-1:000000000000:table/Music/backup/\\d{14}-[0-9a-f]{8}");
        assertThat(details.backupName()).isEqualTo("nightly");
        assertThat(details.backupType()).isEqualTo(BackupType.USER);
        assertThat(details.backupCreationDateTime()).isAfter(before);

        BackupDescription description = Backups.awaitAvailable(client, details.backupArn(), WAIT);
        assertThat(description.backupDetails().backupSizeBytes()).isPositive();
        assertThat(description.sourceTableDetails().tableName()).isEqualTo("Music");
        assertThat(description.sourceTableDetails().tableArn()).isEqualTo(tableArn);
        assertThat(description.sourceTableDetails().itemCount()).isEqualTo(3);
        assertThat(description.sourceTableDetails().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(description.sourceTableDetails().keySchema()).extracting(k -> k.attributeName()).containsExactly("Artist", "Song");
        assertThat(description.sourceTableFeatureDetails().localSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly("ByYear");
        assertThat(description.sourceTableFeatureDetails().globalSecondaryIndexes()).singleElement()
                .satisfies(i -> {
                    assertThat(i.indexName()).isEqualTo("ByGenre");
                    assertThat(i.projection().nonKeyAttributes()).containsExactly("Song");
                });
        assertThat(description.sourceTableFeatureDetails().streamDescription().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
        assertThat(description.sourceTableFeatureDetails().timeToLiveDescription().timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(description.sourceTableFeatureDetails().timeToLiveDescription().attributeName()).isEqualTo("Expires");

        // writes after the backup are not in it
        client.putItem(r -> r.tableName("Music").item(song("Later", "After", 2022, "Pop")));

        TableDescription restoring = client.restoreTableFromBackup(r -> r.targetTableName("MusicRestored")
                .backupArn(details.backupArn())).tableDescription();
        assertThat(restoring.tableName()).isEqualTo("MusicRestored");
        assertThat(restoring.restoreSummary().sourceBackupArn()).isEqualTo(details.backupArn());
        assertThat(restoring.restoreSummary().sourceTableArn()).isEqualTo(tableArn);
        if (restoring.tableStatus() == TableStatus.CREATING) {
            assertThat(restoring.restoreSummary().restoreInProgress()).isTrue();
        }

        TableDescription restored = Backups.awaitActive(client, "MusicRestored", WAIT);
        assertThat(restored.restoreSummary().restoreInProgress()).isFalse();
        assertThat(restored.restoreSummary().sourceBackupArn()).isEqualTo(details.backupArn());
        assertThat(restored.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(restored.localSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly("ByYear");
        assertThat(restored.globalSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly("ByGenre");
        assertThat(restored.streamSpecification()).isNull();
        assertThat(client.describeTimeToLive(r -> r.tableName("MusicRestored")).timeToLiveDescription().timeToLiveStatus())
                .isEqualTo(TimeToLiveStatus.DISABLED);
        assertThat(client.listTagsOfResource(r -> r.resourceArn(restored.tableArn())).tags()).isEmpty();

        assertThat(client.scan(r -> r.tableName("MusicRestored")).items())
                .containsExactlyInAnyOrderElementsOf(List.of(song("Arturus", "Call Me Today", 2020, "Rock"),
                        song("Arturus", "Blue", 2018, "Jazz"), song("Zed", "Up", 2021, "Rock")));
        assertThat(client.query(r -> r.tableName("MusicRestored").indexName("ByGenre")
                        .keyConditionExpression("Genre = :g").expressionAttributeValues(Map.of(":g", AttributeValue.fromS("Rock"))))
                .items()).extracting(i -> i.get("Song").s()).containsExactly("Call Me Today", "Up");
        assertThat(client.query(r -> r.tableName("MusicRestored").indexName("ByYear")
                        .keyConditionExpression("Artist = :a").expressionAttributeValues(Map.of(":a", AttributeValue.fromS("Arturus"))))
                .items()).extracting(i -> i.get("Song").s()).containsExactly("Blue", "Call Me Today");
        // the restored table takes writes once ACTIVE
        client.putItem(r -> r.tableName("MusicRestored").item(song("New", "One", 2023, "Pop")));
    }

    @Test
    void overridesReplaceBillingThroughputAndIndexes() {
        createMusicTable("Overridden");
        client.putItem(r -> r.tableName("Overridden").item(song("A", "a", 2000, "Rock")));
        String backupArn = client.createBackup(r -> r.tableName("Overridden").backupName("bkp")).backupDetails().backupArn();
        Backups.awaitAvailable(client, backupArn, WAIT);

        client.restoreTableFromBackup(r -> r.targetTableName("OverriddenRestored").backupArn(backupArn)
                .billingModeOverride(BillingMode.PROVISIONED)
                .provisionedThroughputOverride(t -> t.readCapacityUnits(7L).writeCapacityUnits(3L))
                .globalSecondaryIndexOverride(List.of())
                .localSecondaryIndexOverride(List.of())
                .sseSpecificationOverride(s -> s.enabled(false)));
        TableDescription restored = Backups.awaitActive(client, "OverriddenRestored", WAIT);
        assertThat(restored.billingModeSummary() == null
                || restored.billingModeSummary().billingMode() == BillingMode.PROVISIONED).isTrue();
        assertThat(restored.provisionedThroughput().readCapacityUnits()).isEqualTo(7L);
        assertThat(restored.provisionedThroughput().writeCapacityUnits()).isEqualTo(3L);
        assertThat(restored.globalSecondaryIndexes()).isEmpty();
        assertThat(restored.localSecondaryIndexes()).isEmpty();
        assertThat(restored.attributeDefinitions()).extracting(d -> d.attributeName()).containsExactlyInAnyOrder("Artist", "Song");
        assertThat(client.scan(r -> r.tableName("OverriddenRestored")).count()).isEqualTo(1);

        // an override CreateTable would refuse is refused, and no table is left behind
        assertThatThrownBy(() -> client.restoreTableFromBackup(r -> r.targetTableName("BadOverride").backupArn(backupArn)
                .billingModeOverride(BillingMode.PROVISIONED)))
                .isInstanceOfSatisfying(DynamoDbException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> client.describeTable(r -> r.tableName("BadOverride"))).isInstanceOf(ResourceNotFoundException.class);
        // an index on an attribute the backup has no definition of, an LSI with another hash key, throughput on demand
        assertValidationError(() -> client.restoreTableFromBackup(r -> r.targetTableName("BadOverride").backupArn(backupArn)
                .globalSecondaryIndexOverride(g -> g.indexName("ByMood")
                        .keySchema(k -> k.attributeName("Mood").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))));
        assertValidationError(() -> client.restoreTableFromBackup(r -> r.targetTableName("BadOverride").backupArn(backupArn)
                .localSecondaryIndexOverride(l -> l.indexName("Wrong")
                        .keySchema(k -> k.attributeName("Genre").keyType(KeyType.HASH), k -> k.attributeName("Year").keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))));
        assertValidationError(() -> client.restoreTableFromBackup(r -> r.targetTableName("BadOverride").backupArn(backupArn)
                .billingModeOverride(BillingMode.PAY_PER_REQUEST)
                .provisionedThroughputOverride(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))));
        assertValidationError(() -> client.restoreTableFromBackup(r -> r.targetTableName("BadOverride").backupArn(backupArn)
                .provisionedThroughputOverride(t -> t.readCapacityUnits(0L).writeCapacityUnits(1L))));
        assertThatThrownBy(() -> client.describeTable(r -> r.tableName("BadOverride"))).isInstanceOf(ResourceNotFoundException.class);
        assertThat(client.listTables().tableNames()).doesNotContain("BadOverride");
    }

    private static void assertValidationError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.statusCode()).isEqualTo(400);
        });
    }

    @Test
    void listBackupsFiltersByTableTimeAndTypeAndPages() {
        createMusicTable("Listed");
        createMusicTable("Other");
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String arn = client.createBackup(r -> r.tableName("Listed").backupName("listed")).backupDetails().backupArn();
            Backups.awaitAvailable(client, arn, WAIT);
            arns.add(arn);
        }
        String other = client.createBackup(r -> r.tableName("Other").backupName("other")).backupDetails().backupArn();
        Backups.awaitAvailable(client, other, WAIT);

        assertThat(client.listBackups(r -> r.tableName("Listed")).backupSummaries()).extracting(BackupSummary::backupArn)
                .containsExactlyElementsOf(arns);
        String listedArn = client.describeTable(r -> r.tableName("Listed")).table().tableArn();
        assertThat(client.listBackups(r -> r.tableName(listedArn)).backupSummaries()).hasSize(3);
        assertThat(client.listBackups(r -> r.tableName("Listed").backupType(BackupTypeFilter.SYSTEM)).backupSummaries()).isEmpty();
        assertThat(client.listBackups(r -> r.tableName("Listed").backupType(BackupTypeFilter.ALL)).backupSummaries()).hasSize(3);

        ListBackupsResponse first = client.listBackups(r -> r.tableName("Listed").limit(2));
        assertThat(first.backupSummaries()).extracting(BackupSummary::backupArn).containsExactlyElementsOf(arns.subList(0, 2));
        assertThat(first.lastEvaluatedBackupArn()).isEqualTo(arns.get(1));
        ListBackupsResponse second = client.listBackups(r -> r.tableName("Listed").limit(2)
                .exclusiveStartBackupArn(first.lastEvaluatedBackupArn()));
        assertThat(second.backupSummaries()).extracting(BackupSummary::backupArn).containsExactly(arns.get(2));
        assertThat(second.lastEvaluatedBackupArn()).isNull();

        BackupSummary summary = first.backupSummaries().get(0);
        assertThat(summary.tableName()).isEqualTo("Listed");
        assertThat(summary.backupStatus()).isEqualTo(BackupStatus.AVAILABLE);
        Instant created = summary.backupCreationDateTime();
        assertThat(client.listBackups(r -> r.tableName("Listed").timeRangeLowerBound(created).timeRangeUpperBound(created.plusMillis(1)))
                .backupSummaries()).extracting(BackupSummary::backupArn).contains(arns.get(0));
        assertThat(client.listBackups(r -> r.tableName("Listed").timeRangeUpperBound(created)).backupSummaries()).isEmpty();
        assertThat(client.listBackups(r -> r.timeRangeLowerBound(created)).backupSummaries()).extracting(BackupSummary::backupArn)
                .contains(arns.get(0), other);
    }

    @Test
    void deleteBackupAnswersDeletedAndTheBackupIsGone() {
        createMusicTable("Deleted");
        String arn = client.createBackup(r -> r.tableName("Deleted").backupName("deleted")).backupDetails().backupArn();
        Backups.awaitAvailable(client, arn, WAIT);

        BackupDescription deleted = client.deleteBackup(r -> r.backupArn(arn)).backupDescription();
        assertThat(deleted.backupDetails().backupStatus()).isEqualTo(BackupStatus.DELETED);
        assertThat(deleted.sourceTableDetails().tableName()).isEqualTo("Deleted");

        assertThatThrownBy(() -> client.describeBackup(r -> r.backupArn(arn)))
                .isInstanceOfSatisfying(BackupNotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Backup not found: " + arn));
        assertThatThrownBy(() -> client.deleteBackup(r -> r.backupArn(arn))).isInstanceOf(BackupNotFoundException.class);
        assertThatThrownBy(() -> client.restoreTableFromBackup(r -> r.targetTableName("Nope").backupArn(arn)))
                .isInstanceOf(BackupNotFoundException.class);
        assertThat(client.listBackups(r -> r.tableName("Deleted")).backupSummaries()).isEmpty();
    }

    @Test
    void errorsAreDynamoDbs() {
        assertThatThrownBy(() -> client.createBackup(r -> r.tableName("Missing").backupName("bkp")))
                .isInstanceOfSatisfying(TableNotFoundException.class, e -> {
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Table not found: Missing");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
        assertThatThrownBy(() -> client.describeBackup(r -> r.backupArn(
                "arn:aws:dynamodb:us-east-1:000000000000:table/Missing/backup/01700000000000-0badf00d")))
                .isInstanceOf(BackupNotFoundException.class);
        assertThatThrownBy(() -> client.createBackup(r -> r.tableName("Music!").backupName("bkp")))
                .isInstanceOfSatisfying(DynamoDbException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> client.createBackup(r -> r.tableName("Errors").backupName("bad name!")))
                .isInstanceOfSatisfying(DynamoDbException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> client.listBackups(r -> r.limit(0)))
                .isInstanceOfSatisfying(DynamoDbException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));

        createMusicTable("Errors");
        createMusicTable("Taken");
        String arn = client.createBackup(r -> r.tableName("Errors").backupName("errors")).backupDetails().backupArn();
        Backups.awaitAvailable(client, arn, WAIT);
        assertThatThrownBy(() -> client.restoreTableFromBackup(r -> r.targetTableName("Taken").backupArn(arn)))
                .isInstanceOfSatisfying(TableAlreadyExistsException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Table already exists: Taken"));
        assertThatThrownBy(() -> client.restoreTableFromBackup(r -> r.targetTableName("x").backupArn(arn)))
                .isInstanceOfSatisfying(DynamoDbException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }

    @Test
    void aBackupOrRestoreInProgressIsInUse() {
        createMusicTable("Busy");
        List<software.amazon.awssdk.services.dynamodb.model.WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            writes.add(software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                    .putRequest(p -> p.item(song("A" + (writes.size() % 50), "S" + writes.size(), 2000, "Rock"))).build());
            if (writes.size() % 25 == 0) {
                List<software.amazon.awssdk.services.dynamodb.model.WriteRequest> batch = List.copyOf(writes.subList(writes.size() - 25, writes.size()));
                client.batchWriteItem(r -> r.requestItems(Map.of("Busy", batch)));
            }
        }
        String arn = client.createBackup(r -> r.tableName("Busy").backupName("one")).backupDetails().backupArn();
        boolean stillCreating = client.describeBackup(r -> r.backupArn(arn)).backupDescription().backupDetails().backupStatus()
                == BackupStatus.CREATING;
        if (stillCreating) {
            // checked right after: the backup may have finished meanwhile, then there is nothing in use
            try {
                client.createBackup(r -> r.tableName("Busy").backupName("two"));
            } catch (BackupInUseException e) {
                assertThat(e.statusCode()).isEqualTo(400);
            }
        }
        Backups.awaitAvailable(client, arn, WAIT);
        client.restoreTableFromBackup(r -> r.targetTableName("BusyRestored").backupArn(arn));
        boolean restoring = client.describeTable(r -> r.tableName("BusyRestored")).table().tableStatus() == TableStatus.CREATING;
        if (restoring) {
            try {
                client.deleteBackup(r -> r.backupArn(arn));
                // the restore finished between the two calls
            } catch (BackupInUseException e) {
                assertThat(e.awsErrorDetails().errorMessage()).contains(arn);
            }
            try {
                client.putItem(r -> r.tableName("BusyRestored").item(song("X", "Y", 1, "Z")));
            } catch (ResourceNotFoundException e) {
                // a table still restoring takes no writes
            }
        }
        TableDescription restored = Backups.awaitActive(client, "BusyRestored", WAIT);
        assertThat(restored.itemCount()).isGreaterThanOrEqualTo(0);
        assertThat(client.scan(r -> r.tableName("BusyRestored").select("COUNT")).count()).isGreaterThanOrEqualTo(5000);
    }
}
