package dev.ddb.standalone.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.GatewayAuth;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;

/**
 * The REST API in {@code verify} mode: calls must be SigV4-signed (service {@code dynamodb}) and are
 * authorized by the same policies as DynamoDB requests, on the DynamoDB request they are translated
 * into; here {@code dynamodb:LeadingKeys} confines a principal to its own partition.
 */
class RestApiVerifyModeEndToEndTest {

    private static final String ACCOUNT = "000000000000";
    private static final String ADMIN = """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*"}}""";
    private static final String OWN_NOTES = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query"],
              "Resource": "arn:aws:dynamodb:*:${aws:PrincipalAccount}:table/Notes",
              "Condition": {"ForAllValues:StringEquals": {"dynamodb:LeadingKeys": ["${aws:username}"]}}}]}""";

    @TempDir
    static Path dir;

    private static LocalStack stack;
    private static RestClient admin;
    private static RestClient alice;

    @BeforeAll
    static void startInVerifyMode() throws IOException {
        Path principals = dir.resolve("principals.json");
        Files.writeString(principals, "{\"accountId\": \"" + ACCOUNT + "\", \"principals\": ["
                + principal("admin", ADMIN) + ", " + principal("alice", OWN_NOTES) + "]}");
        stack = LocalStack.start(StackSettings.ephemeral(dir.resolve("data")).withAuth(GatewayAuth.verify(principals)));
        admin = new RestClient(stack.gatewayUrl(), "AKIAADMIN", "admin-secret");
        alice = new RestClient(stack.gatewayUrl(), "AKIAALICE", "alice-secret");
        // The table through the DynamoDB protocol's own request, signed like any other.
        try (var dynamoDb = software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder()
                .endpointOverride(java.net.URI.create(stack.gatewayUrl()))
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIAADMIN", "admin-secret")))
                .build()) {
            dynamoDb.createTable(b -> b.tableName("Notes")
                    .attributeDefinitions(a -> a.attributeName("owner").attributeType("S"))
                    .keySchema(k -> k.attributeName("owner").keyType("HASH"))
                    .billingMode("PAY_PER_REQUEST"));
        }
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void signedCallsAreServedUnsignedOnesRefusedAndThePoliciesDecide() {
        assertThat(admin.put("/v1/tables/Notes/items/bob", "{\"text\": \"bob's\"}").status()).isEqualTo(201);
        assertThat(alice.put("/v1/tables/Notes/items/alice", "{\"text\": \"mine\"}").status()).isEqualTo(201);
        RestClient.Answer own = alice.get("/v1/tables/Notes/items/alice");
        assertThat(own.status()).as("%s", own).isEqualTo(200);
        assertThat(own.body().get("text").asString()).isEqualTo("mine");
        assertThat(alice.get("/v1/tables/Notes/items?partitionKey=alice").body().get("count").asInt()).isEqualTo(1);

        RestClient.Answer unsigned = new RestClient(stack.gatewayUrl()).get("/v1/tables/Notes/items/alice");
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(unsigned.errorType()).isEqualTo("MissingAuthenticationTokenException");
        RestClient.Answer wrongSecret = new RestClient(stack.gatewayUrl(), "AKIAALICE", "not-her-secret")
                .get("/v1/tables/Notes/items/alice");
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.errorType()).isEqualTo("InvalidSignatureException");

        RestClient.Answer foreign = alice.get("/v1/tables/Notes/items/bob");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(foreign.errorType()).isEqualTo("AccessDeniedException");
        assertThat(foreign.body().get("detail").asString()).isEqualTo("User: arn:aws:iam::" + ACCOUNT
                + ":user/alice is not authorized to perform: dynamodb:GetItem on resource: arn:aws:dynamodb:us-east-1:"
                + ACCOUNT + ":table/Notes because no identity-based policy allows the dynamodb:GetItem action");
        assertThat(alice.put("/v1/tables/Notes/items/bob", "{\"text\": \"forged\"}").status()).isEqualTo(403);
        assertThat(alice.get("/v1/tables").status()).isEqualTo(403); // ListTables is not hers
        assertThat(admin.get("/v1/tables/Notes/items/bob").body().get("text").asString()).isEqualTo("bob's");
    }

    private static String principal(String name, String policies) {
        return """
                {"name": "%s", "accessKeyId": "AKIA%s", "secretAccessKey": "%s-secret", "policies": [%s]}"""
                .formatted(name, name.toUpperCase(), name, policies);
    }
}
