package dev.ddb.standalone.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.GatewayAuth;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The stack in {@code verify} mode with IAM-style policies, driven by the real AWS SDK clients:
 * per-user partitions by {@code dynamodb:LeadingKeys}, attribute-limited access by
 * {@code dynamodb:Attributes}, a read-only principal, the Streams API, and an explicit Deny beating
 * an Allow, {@code aws:SecureTransport} over HTTP and HTTPS. A batch or transaction with one entry
 * the principal may not touch writes nothing.
 */
class AccessPoliciesEndToEndTest {

    /** The suite's own ARNs name account 000000000000 (DDB_ACCOUNT_ID); the principals file says the same. */
    private static final String ACCOUNT = "000000000000";
    private static final String NOTES_ARN = "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/Notes";
    private static final String BOOKS_ARN = "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/Books";

    private static final String ADMIN = """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*"}}""";
    private static final String OWN_NOTES = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "OwnPartitionOnly", "Effect": "Allow",
              "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                         "dynamodb:Query", "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem"],
              "Resource": "arn:aws:dynamodb:*:${aws:PrincipalAccount}:table/Notes",
              "Condition": {"ForAllValues:StringEquals": {"dynamodb:LeadingKeys": ["${aws:username}"]}}}]}""";
    private static final String READ_ONLY = """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
              "Action": ["dynamodb:Get*", "dynamodb:BatchGet*", "dynamodb:Query", "dynamodb:Scan", "dynamodb:Describe*",
                         "dynamodb:List*"],
              "Resource": "*"}}""";
    private static final String TITLES_ONLY = """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
              "Action": ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:UpdateItem"],
              "Resource": "%s",
              "Condition": {
                "ForAllValues:StringEquals": {"dynamodb:Attributes": ["id", "title", "year"]},
                "StringEqualsIfExists": {"dynamodb:Select": "SPECIFIC_ATTRIBUTES",
                                         "dynamodb:ReturnValues": ["NONE", "UPDATED_OLD", "UPDATED_NEW"]}}}}"""
            .formatted(BOOKS_ARN);
    private static final String ALL_BUT_DELETES = ADMIN + ", " + """
            {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "dynamodb:DeleteItem", "Resource": "%s"}}"""
            .formatted(BOOKS_ARN);

    private static final String NOTES_BY_PARTIQL = """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "dynamodb:PartiQLSelect", "Resource": "%s"}}"""
            .formatted(NOTES_ARN);

    private static final String HTTPS_ONLY = ADMIN + ", " + """
            {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "dynamodb:*", "Resource": "*",
              "Condition": {"Bool": {"aws:SecureTransport": "false"}}}}""";

    @TempDir
    static Path dir;

    private static LocalStack stack;
    private static DynamoDbClient admin;
    private static DynamoDbClient alice;
    private static DynamoDbClient reader;
    private static DynamoDbClient carol;
    private static DynamoDbClient dave;

    @BeforeAll
    static void startStackWithPolicies() throws IOException {
        Path principals = dir.resolve("principals.json");
        Files.writeString(principals, "{\"accountId\": \"" + ACCOUNT + "\", \"principals\": ["
                + String.join(",\n", principal("admin", ADMIN), principal("alice", OWN_NOTES), principal("bob", OWN_NOTES),
                principal("reader", READ_ONLY), principal("carol", TITLES_ONLY), principal("dave", ALL_BUT_DELETES), principal("erin", HTTPS_ONLY),
                principal("gina", NOTES_BY_PARTIQL))
                + "]}");
        stack = LocalStack.start(StackSettings.ephemeral(dir.resolve("data")).withAuth(GatewayAuth.verify(principals)));
        admin = dynamoDb("admin");
        alice = dynamoDb("alice");
        reader = dynamoDb("reader");
        carol = dynamoDb("carol");
        dave = dynamoDb("dave");
        admin.createTable(b -> b.tableName("Notes")
                .attributeDefinitions(attribute("owner", ScalarAttributeType.S), attribute("at", ScalarAttributeType.N))
                .keySchema(key("owner", KeyType.HASH), key("at", KeyType.RANGE))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        admin.createTable(b -> b.tableName("Books")
                .attributeDefinitions(attribute("id", ScalarAttributeType.S))
                .keySchema(key("id", KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        admin.putItem(b -> b.tableName("Notes").item(note("bob", 1, "bob's secret")));
        admin.putItem(b -> b.tableName("Books").item(Map.of("id", s("b1"), "title", s("Dune"), "year", n("1965"),
                "price", n("9"))));
    }

    @AfterAll
    static void stopStack() {
        for (DynamoDbClient client : new DynamoDbClient[] {admin, alice, reader, carol, dave}) {
            if (client != null) {
                client.close();
            }
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aPrincipalReadsAndWritesItsOwnPartitionOnly() {
        alice.putItem(b -> b.tableName("Notes").item(note("alice", 1, "mine")));
        assertThat(alice.getItem(b -> b.tableName("Notes").key(noteKey("alice", 1))).item().get("text").s()).isEqualTo("mine");
        alice.updateItem(b -> b.tableName("Notes").key(noteKey("alice", 1)).updateExpression("SET #t = :t")
                .expressionAttributeNames(Map.of("#t", "text")).expressionAttributeValues(Map.of(":t", s("still mine"))));
        assertThat(alice.query(b -> b.tableName("Notes").keyConditionExpression("#o = :me")
                .expressionAttributeNames(Map.of("#o", "owner")).expressionAttributeValues(Map.of(":me", s("alice"))))
                .items()).extracting(i -> i.get("text").s()).containsExactly("still mine");

        assertDenied(() -> alice.getItem(b -> b.tableName("Notes").key(noteKey("bob", 1))),
                "User: arn:aws:iam::" + ACCOUNT + ":user/alice is not authorized to perform: dynamodb:GetItem on resource: "
                        + NOTES_ARN + " because no identity-based policy allows the dynamodb:GetItem action");
        assertDenied(() -> alice.putItem(b -> b.tableName("Notes").item(note("bob", 2, "forged"))),
                "dynamodb:PutItem on resource: " + NOTES_ARN);
        assertDenied(() -> alice.query(b -> b.tableName("Notes").keyConditionExpression("owner = :who")
                .expressionAttributeValues(Map.of(":who", s("bob")))), "dynamodb:Query on resource: " + NOTES_ARN);
        assertDenied(() -> alice.batchGetItem(b -> b.requestItems(Map.of("Notes", KeysAndAttributes.builder()
                .keys(noteKey("alice", 1), noteKey("bob", 1)).build()))), "dynamodb:BatchGetItem");
        assertDenied(() -> alice.scan(b -> b.tableName("Notes")), "dynamodb:Scan");

        assertThat(admin.getItem(b -> b.tableName("Notes").key(noteKey("bob", 1))).item().get("text").s())
                .isEqualTo("bob's secret");
        assertThat(admin.getItem(b -> b.tableName("Notes").key(noteKey("bob", 2))).hasItem()).isFalse();
    }

    @Test
    void aBatchOrTransactionWithOneForeignEntryWritesNothing() {
        assertDenied(() -> alice.batchWriteItem(b -> b.requestItems(Map.of("Notes", List.of(
                WriteRequest.builder().putRequest(PutRequest.builder().item(note("alice", 10, "batch")).build()).build(),
                WriteRequest.builder().putRequest(PutRequest.builder().item(note("bob", 10, "batch")).build()).build())))),
                "dynamodb:BatchWriteItem on resource: " + NOTES_ARN);
        assertDenied(() -> alice.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("Notes").item(note("alice", 11, "tx"))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName("Notes").key(noteKey("bob", 1))).build())),
                "dynamodb:DeleteItem on resource: " + NOTES_ARN);

        for (int at : new int[] {10, 11}) {
            assertThat(admin.getItem(b -> b.tableName("Notes").key(noteKey("alice", at))).hasItem()).isFalse();
        }
        assertThat(admin.getItem(b -> b.tableName("Notes").key(noteKey("bob", 10))).hasItem()).isFalse();
        assertThat(admin.getItem(b -> b.tableName("Notes").key(noteKey("bob", 1))).hasItem()).isTrue();

        alice.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("Notes").item(note("alice", 12, "tx"))).build()));
        assertThat(admin.getItem(b -> b.tableName("Notes").key(noteKey("alice", 12))).hasItem()).isTrue();
    }

    @Test
    void anAttributeLimitedPrincipalReadsAndUpdatesOnlyItsAttributes() {
        assertThat(carol.getItem(b -> b.tableName("Books").key(Map.of("id", s("b1"))).projectionExpression("title, #y")
                .expressionAttributeNames(Map.of("#y", "year"))).item()).containsOnlyKeys("title", "year");
        assertDenied(() -> carol.getItem(b -> b.tableName("Books").key(Map.of("id", s("b1"))).projectionExpression("price")),
                "dynamodb:GetItem on resource: " + BOOKS_ARN);
        assertDenied(() -> carol.getItem(b -> b.tableName("Books").key(Map.of("id", s("b1")))),
                "dynamodb:GetItem on resource: " + BOOKS_ARN);

        carol.updateItem(b -> b.tableName("Books").key(Map.of("id", s("b1"))).updateExpression("SET title = :t")
                .expressionAttributeValues(Map.of(":t", s("Dune Messiah"))));
        assertDenied(() -> carol.updateItem(b -> b.tableName("Books").key(Map.of("id", s("b1")))
                .updateExpression("SET price = :p").expressionAttributeValues(Map.of(":p", n("1")))), "dynamodb:UpdateItem");
        assertDenied(() -> carol.updateItem(b -> b.tableName("Books").key(Map.of("id", s("b1")))
                .updateExpression("SET title = :t").expressionAttributeValues(Map.of(":t", s("x")))
                .returnValues(ReturnValue.ALL_OLD)), "dynamodb:UpdateItem");

        Map<String, AttributeValue> book = admin.getItem(b -> b.tableName("Books").key(Map.of("id", s("b1")))).item();
        assertThat(book.get("title").s()).isEqualTo("Dune Messiah");
        assertThat(book.get("price").n()).isEqualTo("9");
    }

    @Test
    void aReadOnlyPrincipalCannotWriteNorDropTables() {
        assertThat(reader.getItem(b -> b.tableName("Books").key(Map.of("id", s("b1")))).hasItem()).isTrue();
        assertThat(reader.listTables().tableNames()).contains("Books", "Notes");
        assertDenied(() -> reader.putItem(b -> b.tableName("Books").item(Map.of("id", s("b2")))),
                "User: arn:aws:iam::" + ACCOUNT + ":user/reader is not authorized to perform: dynamodb:PutItem on resource: "
                        + BOOKS_ARN + " because no identity-based policy allows the dynamodb:PutItem action");
        assertDenied(() -> reader.deleteTable(b -> b.tableName("Books")), "dynamodb:DeleteTable on resource: " + BOOKS_ARN);
        assertThat(admin.describeTable(b -> b.tableName("Books")).table().tableName()).isEqualTo("Books");
    }

    @Test
    void theStreamsApiIsCoveredByTheSamePolicies() {
        String streamArn = admin.describeTable(b -> b.tableName("Notes")).table().latestStreamArn();
        try (DynamoDbStreamsClient aliceStreams = streams("alice"); DynamoDbStreamsClient readerStreams = streams("reader")) {
            assertThatThrownBy(() -> aliceStreams.describeStream(b -> b.streamArn(streamArn)))
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::" + ACCOUNT
                                + ":user/alice is not authorized to perform: dynamodb:DescribeStream on resource: " + streamArn
                                + " because no identity-based policy allows the dynamodb:DescribeStream action");
                    });
            assertThat(readerStreams.describeStream(b -> b.streamArn(streamArn)).streamDescription().streamArn())
                    .isEqualTo(streamArn);
        }
    }

    @Test
    void anExplicitDenyBeatsAnAllow() {
        dave.putItem(b -> b.tableName("Books").item(Map.of("id", s("d1"))));
        assertThat(dave.getItem(b -> b.tableName("Books").key(Map.of("id", s("d1")))).hasItem()).isTrue();
        assertDenied(() -> dave.deleteItem(b -> b.tableName("Books").key(Map.of("id", s("d1")))),
                "User: arn:aws:iam::" + ACCOUNT + ":user/dave is not authorized to perform: dynamodb:DeleteItem on resource: "
                        + BOOKS_ARN + " with an explicit deny in an identity-based policy");
        assertThat(admin.getItem(b -> b.tableName("Books").key(Map.of("id", s("d1")))).hasItem()).isTrue();
    }

    @Test
    void aPartiQlStatementIsCheckedOnTheTableItRunsOn() {
        try (DynamoDbClient gina = dynamoDb("gina")) {
            assertThat(gina.executeStatement(b -> b.statement("SELECT * FROM Notes WHERE owner = 'bob' AND at = 1")).items())
                    .hasSize(1);
            assertDenied(() -> gina.executeStatement(b -> b.statement("DELETE FROM Notes WHERE owner = 'bob' AND at = 1")),
                    "is not authorized to perform: dynamodb:PartiQLDelete on resource: " + NOTES_ARN);
            // a comment ended by \r: the statement that runs is a DELETE on Books, and that is what is checked
            assertDenied(() -> gina.executeStatement(b -> b.statement(
                            "--\rDELETE FROM \"Books\" WHERE id = 'b1' AND x <> 'y\nSELECT * FROM Notes '")),
                    "is not authorized to perform: dynamodb:PartiQLDelete on resource: " + BOOKS_ARN);
            assertThat(admin.getItem(b -> b.tableName("Books").key(Map.of("id", s("b1")))).hasItem()).isTrue();
            assertThat(admin.getItem(b -> b.tableName("Notes").key(noteKey("bob", 1))).hasItem()).isTrue();
        }
    }

    @Test
    void secureTransportTellsHttpsFromPlainHttp() {
        try (DynamoDbClient overHttp = dynamoDb("erin", stack.gatewayUrl());
                DynamoDbClient overHttps = DynamoDbClient.builder()
                        .endpointOverride(URI.create(stack.gatewayHttpsUrl().orElseThrow()))
                        .region(Region.US_EAST_1)
                        .credentialsProvider(credentials("erin"))
                        .httpClientBuilder(TrustedPem.httpClientTrusting(stack.gatewayCertificatePem().orElseThrow()))
                        .build()) {
            assertDenied(() -> overHttp.describeTable(b -> b.tableName("Books")),
                    "User: arn:aws:iam::" + ACCOUNT + ":user/erin is not authorized to perform: dynamodb:DescribeTable on resource: "
                            + BOOKS_ARN + " with an explicit deny in an identity-based policy");
            assertThat(overHttps.describeTable(b -> b.tableName("Books")).table().tableName()).isEqualTo("Books");
        }
    }

    private static void assertDenied(Executable call, String message) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(e.awsErrorDetails().errorMessage()).contains(message);
        });
    }

    private static String principal(String name, String policies) {
        return """
                {"name": "%s", "accessKeyId": "AKIA%s", "secretAccessKey": "%s-secret", "policies": [%s]}"""
                .formatted(name, name.toUpperCase(), name, policies);
    }

    private static DynamoDbClient dynamoDb(String name) {
        return dynamoDb(name, stack.gatewayUrl());
    }

    private static DynamoDbClient dynamoDb(String name, String endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials(name))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private static DynamoDbStreamsClient streams(String name) {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(URI.create(stack.gatewayUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials(name))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private static StaticCredentialsProvider credentials(String name) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIA" + name.toUpperCase(), name + "-secret"));
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static Map<String, AttributeValue> noteKey(String owner, int at) {
        return Map.of("owner", s(owner), "at", n(Integer.toString(at)));
    }

    private static Map<String, AttributeValue> note(String owner, int at, String text) {
        return Map.of("owner", s(owner), "at", n(Integer.toString(at)), "text", s(text));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
