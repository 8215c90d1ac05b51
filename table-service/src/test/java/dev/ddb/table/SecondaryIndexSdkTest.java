package dev.ddb.table;

import static dev.ddb.table.TableServiceSdkTest.attribute;
import static dev.ddb.table.TableServiceSdkTest.key;
import static dev.ddb.table.TableServiceSdkTest.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ddb.common.event.TableEvent;
import dev.ddb.common.json.Json;
import dev.ddb.table.support.FakeItemService;
import dev.ddb.table.support.RecordingEventPublisher;
import dev.ddb.table.support.RecordingEvents;
import dev.ddb.table.support.RecordingProvisioner;
import dev.ddb.table.support.TestSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import tools.jackson.databind.JsonNode;

/**
 * Secondary indexes in the control plane, driven by the real AWS SDK for Java v2: CreateTable's
 * index rules and shapes, UpdateTable's GlobalSecondaryIndexUpdates, and indexes finishing as
 * item-service (a fake here) reports them built or dropped.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=table-service",
        "spring.kafka.bootstrap-servers=127.0.0.1:1",
        "spring.kafka.admin.auto-create=false",
        "ddb.table.stream-event-wait=50ms",
})
@Import({FakeItemService.class, RecordingEvents.class})
@DirtiesContext
class SecondaryIndexSdkTest {

    private static final String INVALID = "One or more parameter values were invalid: ";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ddb.table.data-dir", () -> dataDir.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    RecordingProvisioner itemService;

    @Autowired
    RecordingEventPublisher events;

    DynamoDbClient dynamo;

    @BeforeEach
    void connect() {
        dynamo = TestSettings.dynamoDb(port);
        itemService.recover();
    }

    @AfterEach
    void disconnect() {
        dynamo.close();
    }

    @Nested
    class CreateTableShapes {

        @Test
        void globalIndexIsDescribedWithStatusArnCountsAndThroughput() {
            String name = uniqueName("Shapes");
            TableDescription created = dynamo.createTable(musicTable(name, b -> b
                    .globalSecondaryIndexes(gsi("ByGenre", "Genre", null, ProjectionType.KEYS_ONLY, 3L, 4L)))).tableDescription();

            GlobalSecondaryIndexDescription index = created.globalSecondaryIndexes().get(0);
            assertThat(index.indexName()).isEqualTo("ByGenre");
            assertThat(index.keySchema()).containsExactly(key("Genre", KeyType.HASH));
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
            assertThat(index.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
            assertThat(index.indexArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/" + name + "/index/ByGenre");
            assertThat(index.itemCount()).isZero();
            assertThat(index.indexSizeBytes()).isZero();
            assertThat(index.provisionedThroughput().readCapacityUnits()).isEqualTo(3);
            assertThat(index.provisionedThroughput().writeCapacityUnits()).isEqualTo(4);
            assertThat(index.provisionedThroughput().numberOfDecreasesToday()).isZero();
            assertThat(index.backfilling()).isNull();
            assertThat(dynamo.describeTable(b -> b.tableName(name)).table().globalSecondaryIndexes()).containsExactly(index);
        }

        @Test
        void localIndexHasNoStatusAndNoThroughput() throws Exception {
            String name = uniqueName("Local");
            dynamo.createTable(musicTable(name, b -> b.localSecondaryIndexes(lsi("ByYear", "Year",
                    Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes("Album").build()))));

            JsonNode index = describeJson(name).get("LocalSecondaryIndexes").get(0);

            assertThat(fieldNames(index)).containsExactlyInAnyOrder("IndexName", "KeySchema", "Projection",
                    "IndexSizeBytes", "ItemCount", "IndexArn");
            assertThat(index.get("Projection").get("NonKeyAttributes").get(0).stringValue()).isEqualTo("Album");
            assertThat(index.get("IndexArn").stringValue()).endsWith(":table/" + name + "/index/ByYear");
        }

        @Test
        void onDemandGlobalIndexShowsZeroThroughput() {
            String name = uniqueName("OnDemand");
            TableDescription created = dynamo.createTable(musicTable(name, b -> b.billingMode(BillingMode.PAY_PER_REQUEST)
                    .provisionedThroughput((software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput) null)
                    .globalSecondaryIndexes(gsi("ByGenre", "Genre", null, ProjectionType.ALL, null, null)))).tableDescription();

            GlobalSecondaryIndexDescription index = created.globalSecondaryIndexes().get(0);
            assertThat(index.provisionedThroughput().readCapacityUnits()).isZero();
            assertThat(index.provisionedThroughput().writeCapacityUnits()).isZero();
            assertThat(index.provisionedThroughput().numberOfDecreasesToday()).isZero();
        }
    }

    @Nested
    class CreateTableRules {

        @Test
        void moreThanTwentyGlobalIndexesAreRefused() {
            List<GlobalSecondaryIndex> indexes = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                indexes.add(gsi("Index" + i, "Genre", null, ProjectionType.KEYS_ONLY, 1L, 1L));
            }
            assertValidation(() -> dynamo.createTable(musicTable(uniqueName("Many"), b -> b.globalSecondaryIndexes(indexes))),
                    INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of 20");
        }

        @Test
        void moreThanFiveLocalIndexesAreRefused() {
            List<LocalSecondaryIndex> indexes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                indexes.add(lsi("Index" + i, "Year", Projection.builder().projectionType(ProjectionType.ALL).build()));
            }
            assertValidation(() -> dynamo.createTable(musicTable(uniqueName("Many"), b -> b.localSecondaryIndexes(indexes))),
                    INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of 5");
        }

        @Test
        void moreThanOneHundredProjectedAttributesAcrossIndexesAreRefused() {
            List<GlobalSecondaryIndex> indexes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                List<String> attributes = new ArrayList<>();
                for (int j = 0; j < 20; j++) {
                    attributes.add("a" + j);
                }
                indexes.add(GlobalSecondaryIndex.builder().indexName("Index" + i).keySchema(key("Genre", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes(attributes))
                        .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L)).build());
            }
            assertValidation(() -> dynamo.createTable(musicTable(uniqueName("Wide"), b -> b.globalSecondaryIndexes(indexes))),
                    INVALID + "Number of projected attributes in all indexes exceeds limit of 100");
            dynamo.createTable(musicTable(uniqueName("Wide"), b -> b.globalSecondaryIndexes(indexes.subList(0, 5))));
        }

        @Test
        void includeProjectionNeedsNonKeyAttributesAndOnlyIncludeTakesThem() {
            assertValidation(() -> dynamo.createTable(musicTable(uniqueName("Include"), b -> b.globalSecondaryIndexes(
                            gsi("ByGenre", "Genre", null, ProjectionType.INCLUDE, 1L, 1L)))),
                    INVALID + "ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
            assertValidation(() -> dynamo.createTable(musicTable(uniqueName("Include"), b -> b.localSecondaryIndexes(
                            lsi("ByYear", "Year", Projection.builder().projectionType(ProjectionType.KEYS_ONLY)
                                    .nonKeyAttributes("Album").build())))),
                    INVALID + "ProjectionType is KEYS_ONLY, but NonKeyAttributes is specified");
            assertValidation(() -> dynamo.createTable(musicTable(uniqueName("Include"), b -> b.localSecondaryIndexes(
                            lsi("ByYear", "Year", Projection.builder().projectionType(ProjectionType.INCLUDE)
                                    .nonKeyAttributes("Album", "Album").build())))),
                    INVALID + "Duplicate element in NonKeyAttributes: Album");
        }

        @Test
        void indexNamesAreUniqueAcrossLocalAndGlobalIndexes() {
            assertValidation(() -> dynamo.createTable(musicTable(uniqueName("Names"), b -> b
                            .localSecondaryIndexes(lsi("Same", "Year", Projection.builder().projectionType(ProjectionType.ALL).build()))
                            .globalSecondaryIndexes(gsi("Same", "Genre", null, ProjectionType.ALL, 1L, 1L)))),
                    INVALID + "Duplicate index name: Same");
        }

        @Test
        void indexNameFollowsTheModelsConstraints() {
            assertValidation(() -> dynamo.createTable(musicTable(uniqueName("Names"), b -> b
                            .globalSecondaryIndexes(gsi("ab", "Genre", null, ProjectionType.ALL, 1L, 1L)))),
                    "1 validation error detected: Value 'ab' at 'globalSecondaryIndexes.1.member.indexName' failed to "
                            + "satisfy constraint: Member must have length greater than or equal to 3");
        }

        @Test
        void indexKeyAttributesMustBeDefined() {
            assertValidation(() -> dynamo.createTable(musicTable(uniqueName("Keys"), b -> b
                            .attributeDefinitions(attribute("Artist"), attribute("Song"), attribute("Genre"))
                            .globalSecondaryIndexes(gsi("ByLabel", "Label", null, ProjectionType.ALL, 1L, 1L)))),
                    INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: [Label], "
                            + "AttributeDefinitions: [Artist, Song, Genre]");
        }

        @Test
        void unusedAttributeDefinitionIsRefusedBeforeTheIndexesProjections() {
            assertValidation(() -> dynamo.createTable(musicTable(uniqueName("Unused"), b -> b
                            .attributeDefinitions(attribute("Artist"), attribute("Song"), attribute("Genre"), attribute("Label"))
                            .globalSecondaryIndexes(gsi("ByGenre", "Genre", null, ProjectionType.INCLUDE, 1L, 1L)))),
                    INVALID + "Some AttributeDefinitions are not used. AttributeDefinitions: [Artist, Song, Genre, Label], "
                            + "keys used: [Artist, Song, Genre]");
        }

        @Test
        void localIndexSharesTheTablesPartitionKeyAndHasASortKey() {
            assertValidation(() -> dynamo.createTable(musicTable(uniqueName("Local"), b -> b
                            .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("ByGenre")
                                    .keySchema(key("Genre", KeyType.HASH), key("Year", KeyType.RANGE))
                                    .projection(p -> p.projectionType(ProjectionType.ALL)).build()))),
                    INVALID + "Index KeySchema does not have the same leading hash key as table KeySchema for index: "
                            + "ByGenre. index hash key: Genre, table hash key: Artist");
            assertValidation(() -> dynamo.createTable(musicTable(uniqueName("Local"), b -> b
                            .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("ByArtist")
                                    .keySchema(key("Artist", KeyType.HASH))
                                    .projection(p -> p.projectionType(ProjectionType.ALL)).build()))),
                    INVALID + "Index KeySchema does not have a range key for index: ByArtist");
            assertValidation(() -> dynamo.createTable(b -> b.tableName(uniqueName("Local"))
                            .attributeDefinitions(attribute("Artist"), attribute("Year"))
                            .keySchema(key("Artist", KeyType.HASH))
                            .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))
                            .localSecondaryIndexes(lsi("ByYear", "Year", Projection.builder().projectionType(ProjectionType.ALL).build()))),
                    INVALID + "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
        }

        @Test
        void globalIndexThroughputFollowsTheBillingMode() {
            assertValidation(() -> dynamo.createTable(musicTable(uniqueName("Billing"), b -> b
                            .globalSecondaryIndexes(gsi("ByGenre", "Genre", null, ProjectionType.ALL, null, null)))),
                    INVALID + "ProvisionedThroughput is not specified for index: ByGenre");
            assertValidation(() -> dynamo.createTable(musicTable(uniqueName("Billing"), b -> b
                            .billingMode(BillingMode.PAY_PER_REQUEST)
                            .provisionedThroughput((software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput) null)
                            .globalSecondaryIndexes(gsi("ByGenre", "Genre", null, ProjectionType.ALL, 1L, 1L)))),
                    INVALID + "ProvisionedThroughput should not be specified for index: ByGenre when BillingMode is PAY_PER_REQUEST");
        }
    }

    @Nested
    class CreatingAnIndex {

        @Test
        void newIndexIsCreatingAndBackfillingUntilItemServiceHasBuiltIt() {
            String name = createMusicTable();
            events.events.clear();

            TableDescription updating = dynamo.updateTable(createIndex(name, "ByGenre", "Genre", 2L, 3L)).tableDescription();

            GlobalSecondaryIndexDescription creating = updating.globalSecondaryIndexes().get(0);
            assertThat(creating.indexStatus()).isEqualTo(IndexStatus.CREATING);
            assertThat(creating.backfilling()).isTrue();
            assertThat(creating.indexArn()).isEqualTo(updating.tableArn() + "/index/ByGenre");
            assertThat(creating.provisionedThroughput().readCapacityUnits()).isEqualTo(2);
            assertThat(creating.provisionedThroughput().numberOfDecreasesToday()).isZero();
            assertThat(creating.itemCount()).isZero();
            assertThat(updating.attributeDefinitions()).containsExactly(attribute("Artist"), attribute("Song"), attribute("Genre"));
            assertThat(updating.tableStatusAsString()).isEqualTo("ACTIVE");
            JsonNode sent = itemService.lastProvisioned(name).get("GlobalSecondaryIndexes").get(0);
            assertThat(sent.get("IndexStatus").stringValue()).isEqualTo("CREATING");
            assertThat(events.events).singleElement().satisfies(event -> assertThat(event.eventType()).isEqualTo(TableEvent.Type.UPDATED));

            assertThat(describe(name).globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.CREATING);

            itemService.finishBackfill(name, "ByGenre", 7, 700);
            GlobalSecondaryIndexDescription active = describe(name).globalSecondaryIndexes().get(0);
            assertThat(active.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
            assertThat(active.backfilling()).isNull();
            assertThat(active.itemCount()).isEqualTo(7);
            assertThat(active.indexSizeBytes()).isEqualTo(700);
            TableEvent last = events.events.get(events.events.size() - 1);
            assertThat(last.eventType()).isEqualTo(TableEvent.Type.UPDATED);
            assertThat(last.table().globalSecondaryIndexes().get(0).indexStatus().name()).isEqualTo("ACTIVE");
        }

        @Test
        void existingIndexNameIsRefused() {
            String name = createMusicTable(b -> b.localSecondaryIndexes(
                    lsi("ByYear", "Year", Projection.builder().projectionType(ProjectionType.ALL).build())));

            assertValidation(() -> dynamo.updateTable(createIndex(name, "ByYear", "Genre", 1L, 1L)),
                    "Attempting to create an index which already exists");
        }

        @Test
        void newKeyAttributesMustBeDefinedInTheRequest() {
            String name = createMusicTable();

            assertValidation(() -> dynamo.updateTable(b -> b.tableName(name).globalSecondaryIndexUpdates(u -> u.create(c -> c
                            .indexName("ByGenre").keySchema(key("Genre", KeyType.HASH))
                            .projection(p -> p.projectionType(ProjectionType.ALL))
                            .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))))),
                    INVALID + "AttributeDefinitions is not specified for index: ByGenre");
            assertValidation(() -> dynamo.updateTable(createIndex(name, "ByGenre", "Genre", 1L, 1L).toBuilder()
                            .attributeDefinitions(attribute("Label")).build()),
                    INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: [Genre], "
                            + "AttributeDefinitions: [Label]");
        }

        @Test
        void newIndexThroughputFollowsTheBillingMode() {
            String provisioned = createMusicTable();
            String onDemand = createMusicTable(b -> b.billingMode(BillingMode.PAY_PER_REQUEST)
                    .provisionedThroughput((software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput) null));

            assertValidation(() -> dynamo.updateTable(createIndex(provisioned, "ByGenre", "Genre", null, null)),
                    INVALID + "Both ReadCapacityUnits and WriteCapacityUnits must be specified for index: ByGenre");
            assertValidation(() -> dynamo.updateTable(createIndex(onDemand, "ByGenre", "Genre", 1L, 1L)),
                    INVALID + "ProvisionedThroughput should not be specified for index: ByGenre when BillingMode is PAY_PER_REQUEST");
            GlobalSecondaryIndexDescription index = dynamo.updateTable(createIndex(onDemand, "ByGenre", "Genre", null, null))
                    .tableDescription().globalSecondaryIndexes().get(0);
            assertThat(index.provisionedThroughput().readCapacityUnits()).isZero();
        }

        @Test
        void newIndexKeySchemaAndProjectionFollowCreateTablesRules() {
            String name = createMusicTable();

            assertValidation(() -> dynamo.updateTable(b -> b.tableName(name).attributeDefinitions(attribute("Genre"))
                            .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("ByGenre")
                                    .keySchema(key("Genre", KeyType.RANGE))
                                    .projection(p -> p.projectionType(ProjectionType.ALL))
                                    .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))))),
                    "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
            assertValidation(() -> dynamo.updateTable(b -> b.tableName(name).attributeDefinitions(attribute("Genre"))
                            .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("ByGenre")
                                    .keySchema(key("Genre", KeyType.HASH))
                                    .projection(p -> p.projectionType(ProjectionType.INCLUDE))
                                    .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))))),
                    INVALID + "ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
        }

        @Test
        void twentyFirstGlobalIndexIsOverTheLimit() {
            List<GlobalSecondaryIndex> indexes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                indexes.add(gsi("Index" + i, "Genre", null, ProjectionType.KEYS_ONLY, 1L, 1L));
            }
            String name = createMusicTable(b -> b.globalSecondaryIndexes(indexes));

            LimitExceededException e = assertThrows(LimitExceededException.class,
                    () -> dynamo.updateTable(createIndex(name, "Index20", "Genre", 1L, 1L)));
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("Subscriber limit exceeded: Number of global secondary indexes exceeds per-table limit of 20");
        }

        @Test
        void unreachableItemServiceUndoesTheCreate() {
            String name = createMusicTable();
            itemService.fail();

            InternalServerErrorException e = assertThrows(InternalServerErrorException.class,
                    () -> dynamo.updateTable(createIndex(name, "ByGenre", "Genre", 1L, 1L)));

            assertThat(e.statusCode()).isEqualTo(500);
            itemService.recover();
            assertThat(describe(name).globalSecondaryIndexes()).isEmpty();
        }

        @Test
        void itemServiceThatMissedTheCreateIsSentTheTableAgain() {
            String name = createMusicTable();
            dynamo.updateTable(createIndex(name, "ByGenre", "Genre", 1L, 1L));
            itemService.forgetIndexes(name);
            int sent = itemService.provisioned.size();

            assertThat(describe(name).globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.CREATING);

            assertThat(itemService.provisioned).hasSize(sent + 1);
            itemService.finishBackfill(name, "ByGenre", 0, 0);
            assertThat(describe(name).globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        }

        @Test
        void describeTableAsksItemServiceOnlyWhileAnIndexIsInTransition() {
            String name = createMusicTable(b -> b.globalSecondaryIndexes(gsi("ByGenre", "Genre", null, ProjectionType.ALL, 1L, 1L)));

            describe(name);

            assertThat(itemService.indexLookups).doesNotContain(name);
        }

        @Test
        void unreachableItemServiceLeavesTheIndexCreating() {
            String name = createMusicTable();
            dynamo.updateTable(createIndex(name, "ByGenre", "Genre", 1L, 1L));
            itemService.fail();

            assertThat(describe(name).globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.CREATING);
        }
    }

    @Nested
    class DeletingAnIndex {

        @Test
        void deletedIndexIsDeletingUntilItemServiceHasDroppedIt() {
            String name = createMusicTable(b -> b.globalSecondaryIndexes(gsi("ByGenre", "Genre", null, ProjectionType.ALL, 1L, 1L)));
            itemService.dropSlowly();

            TableDescription deleting = dynamo.updateTable(deleteIndex(name, "ByGenre")).tableDescription();

            assertThat(deleting.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.DELETING);
            assertThat(describe(name).globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.DELETING);
            itemService.dropDeletedIndexes(name);
            TableDescription gone = describe(name);
            assertThat(gone.globalSecondaryIndexes()).isEmpty();
            // The attribute only the deleted index used is no longer defined, as DynamoDB prunes it.
            assertThat(gone.attributeDefinitions()).containsExactly(attribute("Artist"), attribute("Song"));
        }

        @Test
        void unknownIndexIsResourceNotFound() {
            String name = createMusicTable();

            ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                    () -> dynamo.updateTable(deleteIndex(name, "Nope")));
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Requested resource not found: Index Nope for table " + name);
        }

        @Test
        void localIndexCannotBeDeleted() {
            String name = createMusicTable(b -> b.localSecondaryIndexes(
                    lsi("ByYear", "Year", Projection.builder().projectionType(ProjectionType.ALL).build())));

            assertValidation(() -> dynamo.updateTable(deleteIndex(name, "ByYear")),
                    "Cannot delete an index that is not a GlobalSecondaryIndex: ByYear");
        }

        @Test
        void capacityCannotChangeWhileAnIndexIsDeleted() {
            String name = createMusicTable(b -> b.globalSecondaryIndexes(gsi("ByGenre", "Genre", null, ProjectionType.ALL, 1L, 1L)));
            itemService.dropSlowly();
            dynamo.updateTable(deleteIndex(name, "ByGenre"));

            ResourceInUseException iops = assertThrows(ResourceInUseException.class, () -> dynamo.updateTable(b -> b
                    .tableName(name).provisionedThroughput(t -> t.readCapacityUnits(9L).writeCapacityUnits(9L))));
            assertThat(iops.awsErrorDetails().errorMessage()).isEqualTo("Attempt to change a resource which is still in use: "
                    + "Can't change table IOPS when an index is being deleted. Table: " + name + " Indexes: [ByGenre]");
            ResourceInUseException index = assertThrows(ResourceInUseException.class, () -> dynamo.updateTable(
                    updateIndex(name, "ByGenre", 2L, 2L)));
            assertThat(index.awsErrorDetails().errorMessage()).isEqualTo("Attempt to change a resource which is still in use: "
                    + "Index is being deleted. Table: " + name + " Index: ByGenre");
        }

        @Test
        void tableCannotBeDeletedWhileAnIndexIsInTransition() {
            String name = createMusicTable();
            dynamo.updateTable(createIndex(name, "ByGenre", "Genre", 1L, 1L));

            ResourceInUseException e = assertThrows(ResourceInUseException.class, () -> dynamo.deleteTable(b -> b.tableName(name)));
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Attempt to change a resource which is still in use: "
                    + "Cannot delete table while indexes are being created, updated, or deleted.");

            itemService.finishBackfill(name, "ByGenre", 0, 0);
            dynamo.deleteTable(b -> b.tableName(name));
        }
    }

    @Nested
    class UpdatingIndexThroughput {

        @Test
        void newThroughputIsAppliedAndAnUnchangedOneRefused() {
            String name = createMusicTable(b -> b.globalSecondaryIndexes(gsi("ByGenre", "Genre", null, ProjectionType.ALL, 2L, 2L)));

            GlobalSecondaryIndexDescription index = dynamo.updateTable(updateIndex(name, "ByGenre", 4L, 1L))
                    .tableDescription().globalSecondaryIndexes().get(0);

            assertThat(index.provisionedThroughput().readCapacityUnits()).isEqualTo(4);
            assertThat(index.provisionedThroughput().writeCapacityUnits()).isEqualTo(1);
            assertThat(index.provisionedThroughput().numberOfDecreasesToday()).isEqualTo(1);
            assertThat(index.provisionedThroughput().lastIncreaseDateTime()).isNotNull();
            assertValidation(() -> dynamo.updateTable(updateIndex(name, "ByGenre", 4L, 1L)),
                    "The provisioned throughput for the index ByGenre will not change. The requested value equals the current "
                            + "value. Current ReadCapacityUnits provisioned for index ByGenre: 4. Requested ReadCapacityUnits: 4. "
                            + "Current WriteCapacityUnits provisioned for index ByGenre: 1. Requested WriteCapacityUnits: 1. "
                            + "Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
        }

        @Test
        void onDemandIndexTakesNoThroughput() {
            String name = createMusicTable(b -> b.billingMode(BillingMode.PAY_PER_REQUEST)
                    .provisionedThroughput((software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput) null)
                    .globalSecondaryIndexes(gsi("ByGenre", "Genre", null, ProjectionType.ALL, null, null)));

            assertValidation(() -> dynamo.updateTable(updateIndex(name, "ByGenre", 4L, 1L)),
                    INVALID + "The only Updates for index: ByGenre when TableThroughputMode is PAY_PER_REQUEST can be to "
                            + "OnDemandThroughput, WarmThroughput");
        }

        @Test
        void switchToProvisionedNeedsThroughputForEveryIndex() {
            String name = createMusicTable(b -> b.billingMode(BillingMode.PAY_PER_REQUEST)
                    .provisionedThroughput((software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput) null)
                    .globalSecondaryIndexes(gsi("ByGenre", "Genre", null, ProjectionType.ALL, null, null)));

            assertValidation(() -> dynamo.updateTable(b -> b.tableName(name).billingMode(BillingMode.PROVISIONED)
                            .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L))),
                    INVALID + "ProvisionedThroughput must be specified for index: ByGenre");
            TableDescription provisioned = dynamo.updateTable(updateIndex(name, "ByGenre", 3L, 3L).toBuilder()
                    .billingMode(BillingMode.PROVISIONED)
                    .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L)).build()).tableDescription();
            assertThat(provisioned.globalSecondaryIndexes().get(0).provisionedThroughput().readCapacityUnits()).isEqualTo(3);
        }

        @Test
        void capacityBeyondDynamoDbsBoundIsBlocked() {
            String name = createMusicTable();

            assertValidation(() -> dynamo.updateTable(updateIndex(name, "Nope", 1_000_000_000_001L, 1L)),
                    "This operation cannot be performed with given input values. Please contact DynamoDB service team "
                            + "for more info: Action Blocked: IndexUpdate");
        }
    }

    @Nested
    class GlobalSecondaryIndexUpdatesRules {

        @Test
        void oneOnlineIndexChangePerRequest() {
            String name = createMusicTable(b -> b.globalSecondaryIndexes(gsi("ByGenre", "Genre", null, ProjectionType.ALL, 1L, 1L)));

            LimitExceededException e = assertThrows(LimitExceededException.class, () -> dynamo.updateTable(b -> b
                    .tableName(name).attributeDefinitions(attribute("Year"))
                    .globalSecondaryIndexUpdates(createIndex(name, "ByYear", "Year", 1L, 1L).globalSecondaryIndexUpdates().get(0),
                            GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName("ByGenre")).build())));
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
        }

        @Test
        void anotherIndexChangeWaitsUntilTheCreatedIndexIsActive() {
            String name = createMusicTable();
            dynamo.updateTable(createIndex(name, "ByGenre", "Genre", 1L, 1L));

            LimitExceededException e = assertThrows(LimitExceededException.class,
                    () -> dynamo.updateTable(createIndex(name, "ByYear", "Year", 1L, 1L)));
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");

            itemService.finishBackfill(name, "ByGenre", 0, 0);
            dynamo.updateTable(createIndex(name, "ByYear", "Year", 1L, 1L));
        }

        @Test
        void indexBeingCreatedMayBeDeleted() {
            String name = createMusicTable();
            dynamo.updateTable(createIndex(name, "ByGenre", "Genre", 1L, 1L));

            TableDescription deleting = dynamo.updateTable(deleteIndex(name, "ByGenre")).tableDescription();

            assertThat(deleting.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.DELETING);
            assertThat(describe(name).globalSecondaryIndexes()).isEmpty();
        }

        @Test
        void streamCannotChangeWhileAnIndexIsCreated() {
            String name = createMusicTable();
            dynamo.updateTable(createIndex(name, "ByGenre", "Genre", 1L, 1L));

            ResourceInUseException e = assertThrows(ResourceInUseException.class, () -> dynamo.updateTable(b -> b
                    .tableName(name).streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY))));
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Attempt to change a resource which is still in use: "
                    + "Can't change stream status when an index is being created");
        }

        @Test
        void eachElementHoldsOneActionForOneIndex() {
            String name = createMusicTable();

            assertValidation(() -> dynamo.updateTable(b -> b.tableName(name)
                            .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().build())),
                    INVALID + "One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, "
                            + "GlobalSecondaryIndexUpdate.Delete must not be null");
            assertValidation(() -> dynamo.updateTable(b -> b.tableName(name).globalSecondaryIndexUpdates(u -> u
                            .delete(d -> d.indexName("ByGenre"))
                            .update(x -> x.indexName("ByGenre").provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))))),
                    INVALID + "Only one global secondary index action is allowed per GlobalSecondaryIndexUpdate object");
            assertValidation(() -> dynamo.updateTable(b -> b.tableName(name).globalSecondaryIndexUpdates(
                            u -> u.delete(d -> d.indexName("ByGenre")), u -> u.delete(d -> d.indexName("ByGenre")))),
                    INVALID + "Only one global secondary index update per index is allowed simultaneously. Index: ByGenre");
        }

        @Test
        void emptyListIsNoChangeAloneAndRefusedBesideAnotherChange() {
            String name = createMusicTable();

            assertValidation(() -> dynamo.updateTable(b -> b.tableName(name).globalSecondaryIndexUpdates(List.of())),
                    "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates, "
                            + "SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn, "
                            + "MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or "
                            + "TableClass is required");
            assertValidation(() -> dynamo.updateTable(b -> b.tableName(name).globalSecondaryIndexUpdates(List.of())
                            .billingMode(BillingMode.PROVISIONED)),
                    INVALID + "List of GlobalSecondaryIndexUpdates is empty");
        }

        @Test
        void indexCreateOrDeleteComesAlone() {
            String name = createMusicTable();

            assertValidation(() -> dynamo.updateTable(createIndex(name, "ByGenre", "Genre", 1L, 1L).toBuilder()
                            .provisionedThroughput(t -> t.readCapacityUnits(9L).writeCapacityUnits(9L)).build()),
                    INVALID + "You cannot create or delete index while updating table IOPS");
            assertValidation(() -> dynamo.updateTable(createIndex(name, "ByGenre", "Genre", 1L, 1L).toBuilder()
                            .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)).build()),
                    INVALID + "You cannot create or delete index while changing stream status");
            assertValidation(() -> dynamo.updateTable(createIndex(name, "ByGenre", "Genre", 1L, 1L).toBuilder()
                            .deletionProtectionEnabled(true).build()),
                    INVALID + "DeletionProtection modification must be the only operation in the request");
        }
    }

    // --- helpers

    private String createMusicTable() {
        return createMusicTable(b -> {
        });
    }

    private String createMusicTable(Consumer<CreateTableRequest.Builder> customizer) {
        String name = uniqueName("Music");
        dynamo.createTable(musicTable(name, customizer));
        return name;
    }

    private TableDescription describe(String name) {
        return dynamo.describeTable(b -> b.tableName(name)).table();
    }

    /**
     * Artist/Song table, provisioned 5/5. Unless the customizer sets AttributeDefinitions, the key
     * attributes of its indexes are defined too (as S).
     */
    private static CreateTableRequest musicTable(String name, Consumer<CreateTableRequest.Builder> customizer) {
        CreateTableRequest.Builder builder = CreateTableRequest.builder().tableName(name)
                .keySchema(key("Artist", KeyType.HASH), key("Song", KeyType.RANGE))
                .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L));
        customizer.accept(builder);
        CreateTableRequest request = builder.build();
        if (request.hasAttributeDefinitions()) {
            return request;
        }
        Set<String> keys = new LinkedHashSet<>(List.of("Artist", "Song"));
        request.localSecondaryIndexes().forEach(index -> index.keySchema().forEach(k -> keys.add(k.attributeName())));
        request.globalSecondaryIndexes().forEach(index -> index.keySchema().forEach(k -> keys.add(k.attributeName())));
        return request.toBuilder().attributeDefinitions(keys.stream().map(TableServiceSdkTest::attribute).toList()).build();
    }

    private static GlobalSecondaryIndex gsi(String indexName, String hashKey, String rangeKey, ProjectionType projection,
                                            Long read, Long write) {
        GlobalSecondaryIndex.Builder builder = GlobalSecondaryIndex.builder().indexName(indexName)
                .keySchema(rangeKey == null ? List.of(key(hashKey, KeyType.HASH))
                        : List.of(key(hashKey, KeyType.HASH), key(rangeKey, KeyType.RANGE)))
                .projection(p -> p.projectionType(projection));
        if (read != null) {
            builder.provisionedThroughput(t -> t.readCapacityUnits(read).writeCapacityUnits(write));
        }
        return builder.build();
    }

    private static LocalSecondaryIndex lsi(String indexName, String rangeKey, Projection projection) {
        return LocalSecondaryIndex.builder().indexName(indexName)
                .keySchema(key("Artist", KeyType.HASH), key(rangeKey, KeyType.RANGE)).projection(projection).build();
    }

    private static UpdateTableRequest createIndex(String table, String indexName, String hashKey, Long read, Long write) {
        return UpdateTableRequest.builder().tableName(table).attributeDefinitions(attribute(hashKey))
                .globalSecondaryIndexUpdates(u -> u.create(c -> {
                    c.indexName(indexName).keySchema(key(hashKey, KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.ALL));
                    if (read != null) {
                        c.provisionedThroughput(t -> t.readCapacityUnits(read).writeCapacityUnits(write));
                    }
                })).build();
    }

    private static UpdateTableRequest deleteIndex(String table, String indexName) {
        return UpdateTableRequest.builder().tableName(table)
                .globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName(indexName))).build();
    }

    private static UpdateTableRequest updateIndex(String table, String indexName, long read, long write) {
        return UpdateTableRequest.builder().tableName(table).globalSecondaryIndexUpdates(u -> u.update(x -> x
                .indexName(indexName).provisionedThroughput(t -> t.readCapacityUnits(read).writeCapacityUnits(write)))).build();
    }

    private static void assertValidation(Runnable call, String message) {
        DynamoDbException e = assertThrows(DynamoDbException.class, call::run);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        assertThat(e.statusCode()).isEqualTo(400);
    }

    /** The TableDescription as sent on the wire: shows which members are absent, which the SDK's model cannot. */
    private JsonNode describeJson(String table) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .timeout(Duration.ofSeconds(10))
                .header("X-Amz-Target", "DynamoDB_20120810.DescribeTable")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{\"TableName\":\"" + table + "\"}")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return Json.read(response.body()).get("Table");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
