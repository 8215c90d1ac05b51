package dev.ddb.standalone.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.Clients;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.SSEDescription;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.SSEStatus;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SSESpecification and SSEDescription as DynamoDB takes and reports them, through the SDK and raw requests. */
class ServerSideEncryptionSettingsEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ACCOUNT_REGION = "us-east-1:000000000000";

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

    private static CreateTableRequest.Builder table(String name) {
        return CreateTableRequest.builder().tableName(name)
                .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST);
    }

    private static SSEDescription described(String table) {
        return client.describeTable(r -> r.tableName(table)).table().sseDescription();
    }

    @Test
    void theDefaultAwsOwnedKeyIsNotDescribed() {
        assertThat(client.createTable(table("Plain").build()).tableDescription().sseDescription()).isNull();
        assertThat(client.createTable(table("ExplicitlyOwned").sseSpecification(s -> s.enabled(false)).build())
                .tableDescription().sseDescription()).isNull();
        assertThat(described("Plain")).isNull();
    }

    @Test
    void kmsIsDescribedWithTheAwsManagedKeyOrTheGivenOne() {
        SSEDescription managed = client.createTable(table("Managed").sseSpecification(s -> s.enabled(true)).build())
                .tableDescription().sseDescription();
        assertThat(managed.status()).isEqualTo(SSEStatus.ENABLED);
        assertThat(managed.sseType()).isEqualTo(SSEType.KMS);
        assertThat(managed.kmsMasterKeyArn()).matches("arn:aws:kms:" + ACCOUNT_REGION + ":key/[0-9a-f-]{36}");
        assertThat(described("Managed")).isEqualTo(managed);

        client.createTable(table("OwnKey").sseSpecification(s -> s.enabled(true).sseType(SSEType.KMS)
                .kmsMasterKeyId("1234abcd-12ab-34cd-56ef-1234567890ab")).build());
        assertThat(described("OwnKey").kmsMasterKeyArn())
                .isEqualTo("arn:aws:kms:" + ACCOUNT_REGION + ":key/1234abcd-12ab-34cd-56ef-1234567890ab");
        client.createTable(table("Aliased").sseSpecification(s -> s.enabled(true).sseType(SSEType.KMS)
                .kmsMasterKeyId("alias/orders")).build());
        assertThat(described("Aliased").kmsMasterKeyArn()).isEqualTo("arn:aws:kms:" + ACCOUNT_REGION + ":alias/orders");
    }

    @Test
    void updateTableSwitchesBetweenKmsAndTheOwnedKeyAndMustBeAlone() {
        client.createTable(table("Switched").build());
        SSEDescription kms = client.updateTable(r -> r.tableName("Switched").sseSpecification(s -> s.enabled(true)
                .sseType(SSEType.KMS).kmsMasterKeyId("arn:aws:kms:us-east-1:000000000000:key/k1"))).tableDescription().sseDescription();
        assertThat(kms.kmsMasterKeyArn()).isEqualTo("arn:aws:kms:us-east-1:000000000000:key/k1");
        assertThat(described("Switched")).isEqualTo(kms);
        assertThat(client.describeTable(r -> r.tableName("Switched")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);

        assertThatThrownBy(() -> client.updateTable(r -> r.tableName("Switched").deletionProtectionEnabled(true)
                .sseSpecification(s -> s.enabled(false))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: Server-Side Encryption modification must be the only operation in the request");

        assertThat(client.updateTable(r -> r.tableName("Switched").sseSpecification(s -> s.enabled(false)))
                .tableDescription().sseDescription()).isNull();
        assertThat(described("Switched")).isNull();
    }

    @Test
    void aBackupDescribesTheSourceEncryptionAndARestoreTakesTheOverride() {
        client.createTable(table("Source").sseSpecification(s -> s.enabled(true)).build());
        String backupArn = client.createBackup(r -> r.tableName("Source").backupName("sse")).backupDetails().backupArn();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (client.describeBackup(r -> r.backupArn(backupArn)).backupDescription().backupDetails().backupStatus()
                != BackupStatus.AVAILABLE) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            sleep();
        }
        assertThat(client.describeBackup(r -> r.backupArn(backupArn)).backupDescription().sourceTableFeatureDetails()
                .sseDescription()).isEqualTo(described("Source"));

        assertThat(client.restoreTableFromBackup(r -> r.backupArn(backupArn).targetTableName("RestoredOwned"))
                .tableDescription().sseDescription()).isNull();
        SSEDescription overridden = client.restoreTableFromBackup(r -> r.backupArn(backupArn).targetTableName("RestoredKms")
                .sseSpecificationOverride(SSESpecification.builder().enabled(true).sseType(SSEType.KMS)
                        .kmsMasterKeyId("alias/restored").build())).tableDescription().sseDescription();
        assertThat(overridden.kmsMasterKeyArn()).isEqualTo("arn:aws:kms:" + ACCOUNT_REGION + ":alias/restored");
        assertThatThrownBy(() -> client.restoreTableFromBackup(r -> r.backupArn(backupArn).targetTableName("RestoredBad")
                .sseSpecificationOverride(SSESpecification.builder().sseType(SSEType.AES256).build())))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: SSEType AES256 is not supported");
        while (client.describeTable(r -> r.tableName("RestoredKms")).table().tableStatus() != TableStatus.ACTIVE) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            sleep();
        }
        assertThat(described("RestoredKms")).isEqualTo(overridden);
    }

    @Test
    void rawRequestsGetDynamoDbsValidationErrors() throws Exception {
        String base = "{\"TableName\":\"Raw\",\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],\"BillingMode\":\"PAY_PER_REQUEST\",";
        assertValidation(base + "\"SSESpecification\":{\"Enabled\":false,\"SSEType\":\"KMS\"}}",
                "One or more parameter values were invalid: SSEType can not be specified if Enabled is false");
        assertValidation(base + "\"SSESpecification\":{\"Enabled\":false,\"KMSMasterKeyId\":\"k\"}}",
                "One or more parameter values were invalid: KMSMasterKeyId can not be specified if Enabled is false");
        assertValidation(base + "\"SSESpecification\":{\"Enabled\":true,\"SSEType\":\"AES256\"}}",
                "One or more parameter values were invalid: SSEType AES256 is not supported");
        assertValidation(base + "\"SSESpecification\":{\"Enabled\":true,\"KMSMasterKeyId\":\"k\"}}",
                "One or more parameter values were invalid: SSEType KMS is required if KMSMasterKeyId is specified");
        assertValidation(base + "\"SSESpecification\":{\"Enabled\":true,\"SSEType\":\"DES\"}}",
                "1 validation error detected: Value 'DES' at 'sSESpecification.sSEType' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [AES256, KMS]");
    }

    private static void assertValidation(String body, String message) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/"))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810.CreateTable")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, "
                        + "SignedHeaders=host;x-amz-date;x-amz-target, Signature="
                        + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        JsonNode error = JsonMapper.builder().build().readTree(response.body());
        assertThat(error.path("__type").asString()).isEqualTo("com.amazon.coral.validate#ValidationException");
        assertThat(error.path("message").asString()).isEqualTo(message);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
