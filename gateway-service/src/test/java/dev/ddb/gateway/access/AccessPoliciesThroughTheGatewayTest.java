package dev.ddb.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ddb.gateway.support.FakeDownstream.Answer;
import dev.ddb.gateway.support.GatewayTestBase;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The gateway in verify mode in front of live fake services: the key schema for
 * dynamodb:LeadingKeys comes from table-service's DescribeTable, a denied request (or a batch with
 * one denied entry) is answered with DynamoDB's AccessDeniedException and never reaches item-service.
 */
class AccessPoliciesThroughTheGatewayTest extends GatewayTestBase {

    private static final String OWN_ITEMS = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:BatchWriteItem"],
              "Resource": "arn:aws:dynamodb:us-east-1:123456789012:table/*",
              "Condition": {"ForAllValues:StringEquals": {"dynamodb:LeadingKeys": ["${aws:username}"]}}}]}""";
    private static final String ALL_BUT_ROOTS_ITEMS = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*"},
              {"Effect": "Deny", "Action": "dynamodb:*", "Resource": "*",
               "Condition": {"ForAnyValue:StringEquals": {"dynamodb:LeadingKeys": "root"}}}]}""";
    private static final String DESCRIBE_NOTES = """
            {"Table": {"TableName": "Notes", "KeySchema": [{"AttributeName": "owner", "KeyType": "HASH"},
              {"AttributeName": "at", "KeyType": "RANGE"}]}}""";
    private static final Path PRINCIPALS = principalsFile();

    private DynamoDbClient alice;
    private DynamoDbClient broken;
    private DynamoDbClient admin;

    @DynamicPropertySource
    static void verifyMode(DynamicPropertyRegistry registry) {
        registry.add("ddb.gateway.auth.mode", () -> "verify");
        registry.add("ddb.gateway.auth.principals-file", PRINCIPALS::toString);
    }

    private static Path principalsFile() {
        try {
            Path file = Files.createTempFile("principals", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(file, """
                    {"accountId": "123456789012", "principals": [
                      {"name": "alice", "accessKeyId": "AKIAALICE", "secretAccessKey": "alice-secret", "policies": [%s]},
                      {"name": "admin", "accessKeyId": "AKIAADMIN", "secretAccessKey": "admin-secret", "policies": [%s]},
                      {"name": "broken", "accessKeyId": "AKIABROKEN", "secretAccessKey": "broken-secret",
                       "policies": [{"Version": "2012-10-17", "Statement": {"Effect": "Permit", "Action": "*", "Resource": "*"}}]}
                    ]}""".formatted(OWN_ITEMS, ALL_BUT_ROOTS_ITEMS));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DynamoDbClient client(String key, String secret) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create("http://localhost:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @BeforeEach
    void clients() {
        alice = client("AKIAALICE", "alice-secret");
        broken = client("AKIABROKEN", "broken-secret");
        admin = client("AKIAADMIN", "admin-secret");
    }

    @AfterEach
    void closeClients() {
        alice.close();
        broken.close();
        admin.close();
    }

    private static Map<String, AttributeValue> note(String owner) {
        return Map.of("owner", AttributeValue.fromS(owner), "at", AttributeValue.fromN("1"));
    }

    @Test
    void ownPartitionIsForwardedAndTheKeySchemaComesFromDescribeTable() {
        TABLES.answerAlways(Answer.json(200, DESCRIBE_NOTES));
        ITEMS.answerAlways(Answer.json(200, "{}"));

        alice.putItem(b -> b.tableName("Notes").item(note("alice")));
        alice.getItem(b -> b.tableName("Notes").key(note("alice")));

        assertThat(ITEMS.received()).extracting(r -> r.target())
                .containsExactly("DynamoDB_20120810.PutItem", "DynamoDB_20120810.GetItem");
        assertThat(TABLES.received()).as("the key schema is looked up once, then reused").hasSize(1);
        assertThat(TABLES.lastReceived().target()).isEqualTo("DynamoDB_20120810.DescribeTable");
        assertThat(TABLES.lastReceived().bodyText()).contains("\"TableName\":\"Notes\"");
    }

    @Test
    void anotherPartitionIsDeniedWithDynamoDbsMessageAndNeverForwarded() {
        TABLES.answerAlways(Answer.json(200, DESCRIBE_NOTES));

        assertThatThrownBy(() -> alice.getItem(b -> b.tableName("Notes").key(note("bob"))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::123456789012:user/alice "
                            + "is not authorized to perform: dynamodb:GetItem on resource: "
                            + "arn:aws:dynamodb:us-east-1:123456789012:table/Notes because no identity-based policy "
                            + "allows the dynamodb:GetItem action");
                });
        assertThat(ITEMS.received()).isEmpty();
    }

    @Test
    void aBatchWithOneForeignEntryForwardsNothing() {
        TABLES.answerAlways(Answer.json(200, DESCRIBE_NOTES));

        assertThatThrownBy(() -> alice.batchWriteItem(b -> b.requestItems(Map.of("Notes", List.of(
                WriteRequest.builder().putRequest(PutRequest.builder().item(note("alice")).build()).build(),
                WriteRequest.builder().putRequest(PutRequest.builder().item(note("bob")).build()).build())))))
                .isInstanceOfSatisfying(DynamoDbException.class, e ->
                        assertThat(e.awsErrorDetails().errorMessage()).contains("dynamodb:BatchWriteItem"));
        assertThat(ITEMS.received()).isEmpty();
    }

    @Test
    void anUnknownTableLeavesTheLeadingKeysUnknownSoTheRequestIsDenied() {
        TABLES.answerAlways(Answer.json(400, """
                {"__type": "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException",
                 "message": "Requested resource not found: Table: Gone not found"}"""));

        assertThatThrownBy(() -> alice.getItem(b -> b.tableName("Gone").key(note("alice"))))
                .isInstanceOfSatisfying(DynamoDbException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
        assertThat(ITEMS.received()).isEmpty();
    }

    @Test
    void aCreateTableDropsTheCachedKeySchemaOfItsName() {
        TABLES.answerWhen(r -> r.target().endsWith("DescribeTable"), Answer.json(200, DESCRIBE_NOTES.replace("Notes", "Fresh")));
        TABLES.answerWhen(r -> r.target().endsWith("CreateTable"), Answer.json(200, "{}"));
        ITEMS.answerAlways(Answer.json(200, "{}"));

        admin.getItem(b -> b.tableName("Fresh").key(note("alice")));
        admin.getItem(b -> b.tableName("Fresh").key(note("alice")));
        admin.createTable(b -> b.tableName("Fresh"));
        admin.getItem(b -> b.tableName("Fresh").key(note("alice")));
        assertThatThrownBy(() -> admin.deleteItem(b -> b.tableName("Fresh").key(note("root"))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .endsWith("with an explicit deny in an identity-based policy"));

        assertThat(TABLES.received()).extracting(r -> r.target().substring(r.target().indexOf('.') + 1))
                .containsExactly("DescribeTable", "CreateTable", "DescribeTable");
        assertThat(ITEMS.received()).hasSize(3);
    }

    @Test
    void aPrincipalWithAMalformedPolicyIsDeniedNotAServerError() {
        assertThatThrownBy(() -> broken.listTables())
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::123456789012:user/broken "
                            + "is not authorized to perform: dynamodb:ListTables on resource: * because no "
                            + "identity-based policy allows the dynamodb:ListTables action");
                });
        assertThat(TABLES.received()).isEmpty();
    }
}
