package dev.ddb.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import dev.ddb.table.support.FakeItemService;
import dev.ddb.table.support.RecordingEventPublisher;
import dev.ddb.table.support.RecordingEvents;
import dev.ddb.table.support.TestSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Endpoint;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * TagResource, UntagResource, ListTagsOfResource (and Tags on CreateTable), DescribeLimits and
 * DescribeEndpoints through the real AWS SDK for Java v2: DynamoDB's limits and errors.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=table-service",
        "spring.kafka.bootstrap-servers=127.0.0.1:1",
        "spring.kafka.producer.properties.max.block.ms=2000",
        "spring.kafka.admin.auto-create=false",
        "spring.kafka.admin.operation-timeout=1s",
        "spring.kafka.admin.properties.default.api.timeout.ms=1000",
        "spring.kafka.admin.properties.request.timeout.ms=900",
        "ddb.table.stream-event-wait=50ms",
})
@Import({FakeItemService.class, RecordingEvents.class})
@DirtiesContext
class TagsSdkTest {

    private static final String ACCOUNT = "000000000000";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ddb.table.data-dir", () -> dataDir.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    RecordingEventPublisher events;

    DynamoDbClient dynamo;

    @BeforeEach
    void connect() {
        dynamo = TestSettings.dynamoDb(port);
    }

    @AfterEach
    void disconnect() {
        dynamo.close();
    }

    @Test
    void tagsAreAddedListedUpdatedAndRemoved() {
        String arn = createTable();
        assertThat(dynamo.listTagsOfResource(r -> r.resourceArn(arn)).tags()).isEmpty();

        dynamo.tagResource(r -> r.resourceArn(arn).tags(tag("team", "storage"), tag("env", "")));
        dynamo.tagResource(r -> r.resourceArn(arn).tags(tag("team", "platform"), tag("cost-center", "42")));

        assertThat(listAll(arn)).containsExactly(tag("team", "platform"), tag("env", ""), tag("cost-center", "42"));

        dynamo.untagResource(r -> r.resourceArn(arn).tagKeys("env", "not-there"));

        assertThat(listAll(arn)).containsExactly(tag("team", "platform"), tag("cost-center", "42"));
    }

    @Test
    void tagChangesAreAnnouncedAsUpdatedTableEventsCarryingTheTags() {
        String arn = createTable();
        String name = arn.substring(arn.lastIndexOf('/') + 1);

        dynamo.tagResource(r -> r.resourceArn(arn).tags(tag("team", "storage")));
        TableEvent tagged = lastEvent(name);
        assertThat(tagged.eventType()).isEqualTo(TableEvent.Type.UPDATED);
        assertThat(tagged.table().tags()).containsExactly(java.util.Map.entry("team", "storage"));

        dynamo.untagResource(r -> r.resourceArn(arn).tagKeys("team"));
        assertThat(lastEvent(name).table().tags()).isEmpty();
    }

    @Test
    void listingPagesTenTagsAtATimeWithANextToken() {
        String arn = createTable();
        List<Tag> tags = IntStream.range(0, 25).mapToObj(i -> tag("k" + i, "v" + i)).toList();
        dynamo.tagResource(r -> r.resourceArn(arn).tags(tags));

        ListTagsOfResourceResponse first = dynamo.listTagsOfResource(r -> r.resourceArn(arn));
        assertThat(first.tags()).hasSize(10);
        assertThat(first.nextToken()).isNotNull();
        ListTagsOfResourceResponse second = dynamo.listTagsOfResource(r -> r.resourceArn(arn).nextToken(first.nextToken()));
        assertThat(second.tags()).hasSize(10);
        ListTagsOfResourceResponse third = dynamo.listTagsOfResource(r -> r.resourceArn(arn).nextToken(second.nextToken()));
        assertThat(third.tags()).hasSize(5);
        assertThat(third.nextToken()).isNull();
        assertThat(listAll(arn)).containsExactlyElementsOf(tags);

        assertValidation(() -> dynamo.listTagsOfResource(r -> r.resourceArn(arn).nextToken("garbage!")), "Invalid NextToken");
    }

    @Test
    void createTableTakesTagsWhichDescribeTableDoesNotShow() {
        String name = "Tags" + UUID.randomUUID().toString().substring(0, 8);
        String arn = dynamo.createTable(table(name).tags(tag("team", "storage"), tag("env", "test")).build())
                .tableDescription().tableArn();

        assertThat(listAll(arn)).containsExactly(tag("team", "storage"), tag("env", "test"));
        assertThat(events.events.get(events.events.size() - 1).table().tags()).hasSize(2);
        assertThat(dynamo.describeTable(r -> r.tableName(name)).table().tableArn()).isEqualTo(arn);
    }

    @Test
    void createTableRefusesTagsBreakingTheRulesAndCreatesNothing() {
        String name = "Tags" + UUID.randomUUID().toString().substring(0, 8);
        assertValidation(() -> dynamo.createTable(table(name).tags(tag("aws:owner", "me")).build()),
                "One or more parameter values were invalid: Tag keys starting with 'aws:' are reserved for system use: aws:owner");
        assertValidation(() -> dynamo.createTable(table(name).tags(tags(51)).build()),
                "One or more parameter values were invalid: The number of tags for a resource exceeds the limit of 50");
        assertThat(dynamo.listTables().tableNames()).doesNotContain(name);
    }

    @Test
    void aTableHasAtMostFiftyTagsCountingThoseItHas() {
        String arn = createTable();
        dynamo.tagResource(r -> r.resourceArn(arn).tags(tags(50)));
        // a present key only takes a new value
        dynamo.tagResource(r -> r.resourceArn(arn).tags(tag("k0", "new")));

        assertValidation(() -> dynamo.tagResource(r -> r.resourceArn(arn).tags(tag("one-more", "x"))),
                "One or more parameter values were invalid: The number of tags for a resource exceeds the limit of 50");
        assertThat(listAll(arn)).hasSize(50).contains(tag("k0", "new"));
    }

    @Test
    void keysAndValuesHaveDynamoDbsLengthsAndCharacters() {
        String arn = createTable();
        String longestKey = "k".repeat(128);
        String longestValue = "v".repeat(256);
        dynamo.tagResource(r -> r.resourceArn(arn).tags(tag(longestKey, longestValue),
                tag("Ünïcødé 1_.:/=+-@", "été 2 _.:/=+-@")));
        assertThat(listAll(arn)).contains(tag(longestKey, longestValue), tag("Ünïcødé 1_.:/=+-@", "été 2 _.:/=+-@"));

        assertValidationContaining(() -> dynamo.tagResource(r -> r.resourceArn(arn).tags(tag("k".repeat(129), "v"))),
                "Member must have length less than or equal to 128");
        assertValidationContaining(() -> dynamo.tagResource(r -> r.resourceArn(arn).tags(tag("", "v"))),
                "Member must have length greater than or equal to 1");
        assertValidationContaining(() -> dynamo.tagResource(r -> r.resourceArn(arn).tags(tag("k", "v".repeat(257)))),
                "Member must have length less than or equal to 256");
        assertValidation(() -> dynamo.tagResource(r -> r.resourceArn(arn).tags(tag("bad#key", "v"))),
                "One or more parameter values were invalid: Invalid characters in tag key: bad#key");
        assertValidation(() -> dynamo.tagResource(r -> r.resourceArn(arn).tags(tag("key", "bad*value"))),
                "One or more parameter values were invalid: Invalid characters in tag value: bad*value");
        assertValidation(() -> dynamo.tagResource(r -> r.resourceArn(arn).tags(List.of())),
                "Atleast one Tag needs to be provided as Input.");
        assertValidation(() -> dynamo.untagResource(r -> r.resourceArn(arn).tagKeys(List.of())),
                "Atleast one Tag Key needs to be provided as Input.");
        assertThat(listAll(arn)).hasSize(2);
    }

    @Test
    void theAwsPrefixIsReservedForAddingAndRemoving() {
        String arn = createTable();

        assertValidation(() -> dynamo.tagResource(r -> r.resourceArn(arn).tags(tag("aws:cloudformation:stack", "s"))),
                "One or more parameter values were invalid: Tag keys starting with 'aws:' are reserved for system use: "
                        + "aws:cloudformation:stack");
        assertValidation(() -> dynamo.untagResource(r -> r.resourceArn(arn).tagKeys("aws:cloudformation:stack")),
                "One or more parameter values were invalid: Tag keys starting with 'aws:' are reserved for system use: "
                        + "aws:cloudformation:stack");
        // in any letter case
        assertValidation(() -> dynamo.tagResource(r -> r.resourceArn(arn).tags(tag("AWS:Owner", "s"))),
                "One or more parameter values were invalid: Tag keys starting with 'aws:' are reserved for system use: AWS:Owner");
        // only at the start of the key
        dynamo.tagResource(r -> r.resourceArn(arn).tags(tag("AWS-like", "x"), tag("my:aws:key", "y")));
        assertThat(listAll(arn)).hasSize(2);
    }

    @Test
    void anUnknownTableIsResourceNotFound() {
        String arn = "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/NoSuchTable";
        String message = "Requested resource not found: ResourcArn: " + arn + " not found";

        assertNotFound(() -> dynamo.tagResource(r -> r.resourceArn(arn).tags(tag("k", "v"))), message);
        assertNotFound(() -> dynamo.untagResource(r -> r.resourceArn(arn).tagKeys("k")), message);
        assertNotFound(() -> dynamo.listTagsOfResource(r -> r.resourceArn(arn)), message);
    }

    @Test
    void aDeletedTableIsResourceNotFound() {
        String arn = createTable();
        dynamo.deleteTable(r -> r.tableName(arn.substring(arn.lastIndexOf('/') + 1)));

        assertNotFound(() -> dynamo.listTagsOfResource(r -> r.resourceArn(arn)),
                "Requested resource not found: ResourcArn: " + arn + " not found");
    }

    @Test
    void aMalformedArnOrOneOfAnIndexOrStreamIsAValidationError() {
        String arn = createTable();
        for (String invalid : List.of("abcd", "a:b:c:d:e:f/g", "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/ab",
                arn + "/index/ByGenre", arn + "/stream/2026-11-30T16:00:00.000",
                "arn:aws:s3:us-east-1:" + ACCOUNT + ":table/Music")) {
            assertValidation(() -> dynamo.listTagsOfResource(r -> r.resourceArn(invalid)),
                    "Invalid TableArn: Invalid ResourceArn provided as input " + invalid);
            assertValidation(() -> dynamo.tagResource(r -> r.resourceArn(invalid).tags(tag("k", "v"))),
                    "Invalid TableArn: Invalid ResourceArn provided as input " + invalid);
            assertValidation(() -> dynamo.untagResource(r -> r.resourceArn(invalid).tagKeys("k")),
                    "Invalid TableArn: Invalid ResourceArn provided as input " + invalid);
        }
    }

    @Test
    void theArnOfAnotherRegionOrAccountNamesNoTableHere() {
        String arn = createTable();
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        String otherRegion = "arn:aws:dynamodb:eu-west-1:" + ACCOUNT + ":table/" + name;
        String otherAccount = "arn:aws:dynamodb:us-east-1:123456789012:table/" + name;

        assertNotFound(() -> dynamo.listTagsOfResource(r -> r.resourceArn(otherRegion)),
                "Requested resource not found: ResourcArn: " + otherRegion + " not found");
        assertNotFound(() -> dynamo.tagResource(r -> r.resourceArn(otherAccount).tags(tag("k", "v"))),
                "Requested resource not found: ResourcArn: " + otherAccount + " not found");
    }

    @Test
    void tablesOfAnotherRegionAreTaggedThroughThatRegion() {
        try (DynamoDbClient europe = client(Region.EU_WEST_1)) {
            String name = "Tags" + UUID.randomUUID().toString().substring(0, 8);
            String arn = europe.createTable(table(name).build()).tableDescription().tableArn();
            assertThat(arn).isEqualTo("arn:aws:dynamodb:eu-west-1:" + ACCOUNT + ":table/" + name);

            europe.tagResource(r -> r.resourceArn(arn).tags(tag("region", "eu")));

            assertThat(europe.listTagsOfResource(r -> r.resourceArn(arn)).tags()).containsExactly(tag("region", "eu"));
            assertThatThrownBy(() -> dynamo.listTagsOfResource(r -> r.resourceArn(arn)))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void describeLimitsAnswersDynamoDbsDefaultQuotas() {
        DescribeLimitsResponse limits = dynamo.describeLimits(r -> { });

        assertThat(limits.accountMaxReadCapacityUnits()).isEqualTo(80_000L);
        assertThat(limits.accountMaxWriteCapacityUnits()).isEqualTo(80_000L);
        assertThat(limits.tableMaxReadCapacityUnits()).isEqualTo(40_000L);
        assertThat(limits.tableMaxWriteCapacityUnits()).isEqualTo(40_000L);
    }

    @Test
    void describeEndpointsAnswersTheRegionalEndpointOfTheRequestsRegion() {
        List<Endpoint> endpoints = dynamo.describeEndpoints(r -> { }).endpoints();
        assertThat(endpoints).containsExactly(Endpoint.builder().address("dynamodb.us-east-1.amazonaws.com")
                .cachePeriodInMinutes(1440L).build());

        try (DynamoDbClient europe = client(Region.EU_WEST_1)) {
            assertThat(europe.describeEndpoints(r -> { }).endpoints()).containsExactly(Endpoint.builder()
                    .address("dynamodb.eu-west-1.amazonaws.com").cachePeriodInMinutes(1440L).build());
        }
    }

    private List<Tag> listAll(String arn) {
        List<Tag> all = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListTagsOfResourceResponse page = dynamo.listTagsOfResource(r -> r.resourceArn(arn).nextToken(next));
            all.addAll(page.tags());
            token = page.nextToken();
        } while (token != null);
        return all;
    }

    private TableEvent lastEvent(String tableName) {
        List<TableEvent> matching = events.events.stream().filter(e -> e.tableName().equals(tableName)).toList();
        return matching.get(matching.size() - 1);
    }

    private DynamoDbClient client(Region region) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create("http://localhost:" + port))
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
                .httpClient(Apache5HttpClient.builder().build())
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static List<Tag> tags(int count) {
        return IntStream.range(0, count).mapToObj(i -> tag("k" + i, "v" + i)).toList();
    }

    private String createTable() {
        String name = "Tags" + UUID.randomUUID().toString().substring(0, 8);
        return dynamo.createTable(table(name).build()).tableDescription().tableArn();
    }

    private static software.amazon.awssdk.services.dynamodb.model.CreateTableRequest.Builder table(String name) {
        return software.amazon.awssdk.services.dynamodb.model.CreateTableRequest.builder().tableName(name)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST);
    }

    private static void assertValidation(Runnable call, String message) {
        assertError(call, "ValidationException");
        assertThatThrownBy(call::run).satisfies(e ->
                assertThat(((DynamoDbException) e).awsErrorDetails().errorMessage()).isEqualTo(message));
    }

    private static void assertValidationContaining(Runnable call, String part) {
        assertError(call, "ValidationException");
        assertThatThrownBy(call::run).satisfies(e ->
                assertThat(((DynamoDbException) e).awsErrorDetails().errorMessage()).contains(part));
    }

    private static void assertNotFound(Runnable call, String message) {
        assertError(call, "ResourceNotFoundException");
        assertThatThrownBy(call::run).satisfies(e ->
                assertThat(((DynamoDbException) e).awsErrorDetails().errorMessage()).isEqualTo(message));
    }

    private static void assertError(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOf(DynamoDbException.class).satisfies(e ->
                assertThat(((DynamoDbException) e).awsErrorDetails().errorCode()).isEqualTo(code));
    }
}
