package dev.ddb.standalone.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.Await;
import dev.ddb.standalone.GatewayAuth;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import dev.ddb.standalone.security.RawSignedRequests.Answer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * The stack in {@code verify} mode, driven by the real AWS SDK clients and by raw HTTP signed with the
 * SDK's signer: the right keys work for every operation family, and every way a signature can be
 * wrong gets DynamoDB's error.
 */
class SignatureVerificationEndToEndTest {

    private static final String ALICE_KEY = "AKIAALICE";
    private static final String ALICE_SECRET = "alice-secret/with+odd=chars";
    private static final String BOB_KEY = "AKIABOB";
    private static final String BOB_SECRET = "bob-secret";
    /** May manage rules (events:*) and list event source mappings, and do nothing in DynamoDB. */
    private static final String BOB_ENTRY = "{\"name\": \"bob\", \"accessKeyId\": \"" + BOB_KEY
            + "\", \"secretAccessKey\": \"" + BOB_SECRET + "\", \"policies\": [{\"Version\": \"2012-10-17\", \"Statement\": "
            + "[{\"Effect\": \"Allow\", \"Action\": \"events:*\", \"Resource\": \"arn:aws:events:*:*:rule/*\"}, "
            + "{\"Effect\": \"Allow\", \"Action\": \"lambda:ListEventSourceMappings\", \"Resource\": \"*\"}]}]}";
    private static final String ALLOW_ALL = """
            [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*"}]}]""";
    private static final String MISMATCH = "The request signature we calculated does not match the signature you provided. "
            + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
    private static final String TABLE = "Signed";

    @TempDir
    static Path dir;

    private static Path principals;
    private static LocalStack stack;
    private static DynamoDbClient alice;
    private static RawSignedRequests raw;

    @BeforeAll
    static void startStackInVerifyMode() throws IOException {
        principals = dir.resolve("principals.json");
        writePrincipals(principal("alice", ALICE_KEY, ALICE_SECRET) + ",\n" + BOB_ENTRY);
        stack = LocalStack.start(StackSettings.ephemeral(dir.resolve("data")).withAuth(GatewayAuth.verify(principals)));
        alice = dynamoDb(ALICE_KEY, ALICE_SECRET);
        raw = new RawSignedRequests(stack.gatewayUrl());
        alice.createTable(b -> b.tableName(TABLE)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    @AfterAll
    static void stopStack() {
        if (alice != null) {
            alice.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void lambdasEventSourceMappingApiTakesSignaturesScopedToLambdaAndIsCheckedAgainstPolicies() {
        try (LambdaClient lambda = lambda(ALICE_KEY, ALICE_SECRET); LambdaClient mallory = lambda(ALICE_KEY, "wrong")) {
            // alice may do dynamodb:* only
            assertThatThrownBy(lambda::listEventSourceMappings)
                    .isInstanceOfSatisfying(LambdaException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::123456789012:user/alice "
                                + "is not authorized to perform: lambda:ListEventSourceMappings on resource: * because no "
                                + "identity-based policy allows the lambda:ListEventSourceMappings action");
                    });
            assertThatThrownBy(() -> lambda.getEventSourceMapping(b -> b.uuid("6e4a2c1f-0b8d-4d5e-9f3a-2b1c0d9e8f7a")))
                    .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .contains("lambda:GetEventSourceMapping on resource: arn:aws:lambda:us-east-1:123456789012:"
                                    + "event-source-mapping:6e4a2c1f-0b8d-4d5e-9f3a-2b1c0d9e8f7a"));
            assertThatThrownBy(mallory::listEventSourceMappings)
                    .isInstanceOfSatisfying(LambdaException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                    });
        }
        try (LambdaClient lambda = lambda(BOB_KEY, BOB_SECRET)) {
            assertThat(lambda.listEventSourceMappings().eventSourceMappings()).isEmpty();
        }
    }

    @Test
    void eventBridgesRuleApiTakesSignaturesScopedToEventsAndIsCheckedAgainstPolicies() {
        try (EventBridgeClient events = events(ALICE_KEY, ALICE_SECRET); EventBridgeClient mallory = events(ALICE_KEY, "wrong")) {
            // alice may do dynamodb:* only
            assertThatThrownBy(() -> events.describeRule(b -> b.name("orders")))
                    .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::123456789012:user/alice "
                                + "is not authorized to perform: events:DescribeRule on resource: "
                                + "arn:aws:events:us-east-1:123456789012:rule/orders because no identity-based policy "
                                + "allows the events:DescribeRule action");
                    });
            assertThatThrownBy(() -> mallory.listRules(b -> { }))
                    .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                    });
        }
        try (EventBridgeClient events = events(BOB_KEY, BOB_SECRET)) {
            assertThat(events.listRules(b -> { }).rules()).isEmpty();
        }
    }

    private static EventBridgeClient events(String accessKey, String secret) {
        return EventBridgeClient.builder()
                .endpointOverride(URI.create(stack.gatewayUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private static LambdaClient lambda(String accessKey, String secret) {
        return LambdaClient.builder()
                .endpointOverride(URI.create(stack.gatewayUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Test
    void rightKeysWorkForEveryOperationFamily() {
        String table = "Families";
        alice.createTable(b -> b.tableName(table)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        assertThat(alice.describeTable(b -> b.tableName(table)).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);

        alice.putItem(b -> b.tableName(table).item(item("a", "1")));
        assertThat(alice.getItem(b -> b.tableName(table).key(item("a", "1"))).item()).containsKey("pk");
        alice.batchWriteItem(b -> b.requestItems(Map.of(table, List.of(
                WriteRequest.builder().putRequest(PutRequest.builder().item(item("a", "2")).build()).build(),
                WriteRequest.builder().putRequest(PutRequest.builder().item(item("b", "1")).build()).build()))));
        alice.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(table).item(item("a", "3"))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName(table).key(item("b", "1"))).build()));
        assertThat(alice.query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("a")))).count()).isEqualTo(3);

        try (DynamoDbStreamsClient streams = streams(ALICE_KEY, ALICE_SECRET)) {
            String streamArn = alice.describeTable(b -> b.tableName(table)).table().latestStreamArn();
            await("stream listed", () -> streams.listStreams(b -> b.tableName(table)).streams().stream()
                    .anyMatch(s -> s.streamArn().equals(streamArn)));
            String shardId = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards().get(0).shardId();
            String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            AtomicReference<String> next = new AtomicReference<>(iterator);
            AtomicReference<Integer> seen = new AtomicReference<>(0);
            await("stream records", () -> {
                var records = streams.getRecords(b -> b.shardIterator(next.get()));
                seen.set(seen.get() + records.records().size());
                next.set(records.nextShardIterator());
                return seen.get() >= 5;
            });
        }

        String backupArn = alice.createBackup(b -> b.tableName(table).backupName("signed-backup"))
                .backupDetails().backupArn();
        assertThat(alice.listBackups(b -> b.tableName(table)).backupSummaries())
                .anyMatch(summary -> summary.backupArn().equals(backupArn));
        await("backup available", () -> alice.describeBackup(b -> b.backupArn(backupArn))
                .backupDescription().backupDetails().backupStatus() == BackupStatus.AVAILABLE);
    }

    @Test
    void wrongSecretIsAnInvalidSignature() {
        try (DynamoDbClient wrong = dynamoDb(ALICE_KEY, "not-alices-secret")) {
            assertThatThrownBy(() -> wrong.listTables())
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(MISMATCH);
                    });
        }
    }

    @Test
    void unknownAccessKeyIsAnUnrecognizedClient() {
        try (DynamoDbClient mallory = dynamoDb("AKIAMALLORY", ALICE_SECRET)) {
            assertThatThrownBy(() -> mallory.getItem(b -> b.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS("x")))))
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("The security token included in the request is invalid.");
                    });
        }
    }

    @Test
    void sdkRequestWithATamperedBodyIsRejected() {
        Captured put = capturePutItem("{\"S\":\"Music\"}");
        String tampered = put.body().replace("Music", "Salsa"); // same length: only the content differs

        assertThat(raw.send(put.request(), put.body()).status()).isEqualTo(200); // replayed as signed: fine
        assertError(raw.send(put.request(), tampered), "InvalidSignatureException", MISMATCH);
    }

    @Test
    void sdkRequestWithATamperedSignedHeaderIsRejected() {
        Captured put = capturePutItem("{\"S\":\"Header\"}");
        SdkHttpRequest otherTarget = put.request().toBuilder()
                .putHeader("X-Amz-Target", "DynamoDB_20120810.DeleteItem").build();

        assertError(raw.send(otherTarget, put.body()), "InvalidSignatureException", MISMATCH);
    }

    @Test
    void requestSignedTwentyMinutesAgoHasExpired() {
        Instant twentyMinutesAgo = Instant.now().minus(Duration.ofMinutes(20));
        SdkHttpRequest old = raw.sign(ALICE_KEY, ALICE_SECRET, "DynamoDB_20120810.ListTables", "{}", twentyMinutesAgo);

        Answer answer = raw.send(old, "{}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorType()).isEqualTo("com.amazon.coral.service#InvalidSignatureException");
        assertThat(answer.message()).matches("Signature expired: \\d{8}T\\d{6}Z is now earlier than \\d{8}T\\d{6}Z "
                + "\\(\\d{8}T\\d{6}Z - 15 min\\.\\)").startsWith("Signature expired: " + old.firstMatchingHeader("X-Amz-Date").orElseThrow());
    }

    @Test
    void requestWithoutSignatureIsMissingAnAuthenticationToken() {
        assertError(raw.sendUnsigned("DynamoDB_20120810.ListTables", "{}"),
                "MissingAuthenticationTokenException", "Request is missing Authentication Token");
    }

    @Test
    void presignedPostWorks() {
        String body = "{\"TableName\":\"" + TABLE + "\",\"Item\":{\"pk\":{\"S\":\"presigned\"}}}";
        SdkHttpRequest presigned = raw.presign(ALICE_KEY, ALICE_SECRET, "DynamoDB_20120810.PutItem", body,
                Instant.now(), Duration.ofMinutes(5));

        assertThat(presigned.getUri().getRawQuery()).contains("X-Amz-Signature=").contains("X-Amz-Expires=300");
        assertThat(presigned.firstMatchingHeader("Authorization")).isEmpty();
        assertThat(raw.send(presigned, body).status()).isEqualTo(200);
        assertThat(alice.getItem(b -> b.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS("presigned")))).item())
                .isNotEmpty();
    }

    @Test
    void expiredPresignedPostIsRejected() {
        String body = "{\"TableName\":\"" + TABLE + "\"}";
        SdkHttpRequest presigned = raw.presign(ALICE_KEY, ALICE_SECRET, "DynamoDB_20120810.DescribeTable", body,
                Instant.now().minus(Duration.ofMinutes(10)), Duration.ofMinutes(5));

        Answer answer = raw.send(presigned, body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorType()).isEqualTo("com.amazon.coral.service#InvalidSignatureException");
        assertThat(answer.message()).startsWith("Signature expired: ").endsWith(" - 5 min.)");
    }

    @Test
    void principalAddedToTheFileAtRunTimeIsRecognizedWithoutARestart() throws IOException {
        try (DynamoDbClient carol = dynamoDb("AKIACAROL", "carol-secret")) {
            assertThatThrownBy(carol::listTables).isInstanceOfSatisfying(DynamoDbException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));

            writePrincipals(principal("alice", ALICE_KEY, ALICE_SECRET) + ",\n" + BOB_ENTRY + ",\n"
                    + principal("carol", "AKIACAROL", "carol-secret"));

            await("carol recognized", () -> {
                try {
                    carol.listTables();
                    return true;
                } catch (DynamoDbException e) {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
                    return false;
                }
            });
            assertThat(alice.listTables().tableNames()).contains(TABLE);
        }
    }

    /** A PutItem as the real client sends it, caught after signing. */
    private static Captured capturePutItem(String note) {
        AtomicReference<Captured> captured = new AtomicReference<>();
        ExecutionInterceptor capture = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                String body = context.requestBody().map(b -> {
                    try (var in = b.contentStreamProvider().newStream()) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).orElse("");
                captured.set(new Captured(context.httpRequest(), body));
            }
        };
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(URI.create(stack.gatewayUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ALICE_KEY, ALICE_SECRET)))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()).addExecutionInterceptor(capture))
                .build()) {
            client.putItem(b -> b.tableName(TABLE).item(Map.of("pk", AttributeValue.fromS("captured"),
                    "note", AttributeValue.fromS(note))));
        }
        return captured.get();
    }

    private record Captured(SdkHttpRequest request, String body) {
    }

    private static Map<String, AttributeValue> item(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN(sk));
    }

    private static void assertError(Answer answer, String code, String message) {
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorType()).isEqualTo("com.amazon.coral.service#" + code);
        assertThat(answer.message()).isEqualTo(message);
    }

    private static String principal(String name, String key, String secret) {
        return "{\"name\": \"" + name + "\", \"accessKeyId\": \"" + key + "\", \"secretAccessKey\": \"" + secret
                + "\", \"policies\": " + ALLOW_ALL + "}";
    }

    /** Written beside and moved into place, as a careful operator would, so the gateway never reads half a file. */
    private static void writePrincipals(String entries) throws IOException {
        Path next = dir.resolve("principals.json.next");
        Files.writeString(next, "{\"accountId\": \"123456789012\", \"principals\": [\n" + entries + "\n]}");
        Files.move(next, principals, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static DynamoDbClient dynamoDb(String accessKeyId, String secret) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(stack.gatewayUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static DynamoDbStreamsClient streams(String accessKeyId, String secret) {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(URI.create(stack.gatewayUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private static void await(String what, BooleanSupplier condition) {
        Await.until(what, Duration.ofSeconds(20), condition);
    }
}
