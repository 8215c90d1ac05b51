package dev.ddb.standalone.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import dev.ddb.common.protocol.AwsJsonProtocol;
import dev.ddb.standalone.Clients;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;

/**
 * The gateway answers the same whether it calls the services in-process (the launcher's default) or
 * over HTTP (as under docker-compose): the SDK's checks of the services' checksums pass, errors
 * come from the services, a body that is no JSON is the service's SerializationException.
 */
class GatewayForwardingModesTest {

    private static final String SIGNATURE = "AWS4-HMAC-SHA256 Credential=local/20250101/us-east-1/dynamodb/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0000";

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "in-process: {0}")
    @ValueSource(booleans = {true, false})
    void itemsAndErrorsGoThroughEitherWay(boolean inProcess) throws Exception {
        try (LocalStack stack = LocalStack.start(StackSettings.ephemeral(dataDir).withInProcessGateway(inProcess));
             DynamoDbClient client = Clients.dynamoDb(stack.gatewayUrl())) {
            client.createTable(b -> b.tableName("Modes")
                    .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("p"), "v", AttributeValue.fromS("é ✓"));
            client.putItem(r -> r.tableName("Modes").item(item));

            assertThat(client.getItem(r -> r.tableName("Modes").key(Map.of("pk", AttributeValue.fromS("p")))).item())
                    .isEqualTo(item);
            assertThatThrownBy(() -> client.getItem(r -> r.tableName("Missing").key(Map.of("pk", AttributeValue.fromS("p")))))
                    .isInstanceOf(ResourceNotFoundException.class);

            HttpResponse<String> notJson = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl()))
                    .header("Content-Type", AwsJsonProtocol.CONTENT_TYPE)
                    .header("X-Amz-Target", "DynamoDB_20120810.PutItem")
                    .header("X-Amz-Date", "20250101T000000Z")
                    .header("Authorization", SIGNATURE)
                    .POST(HttpRequest.BodyPublishers.ofString("TableName=Modes")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(notJson.statusCode()).isEqualTo(400);
            assertThat(notJson.body()).contains("SerializationException");
            assertThat(notJson.headers().firstValue(AwsJsonProtocol.CRC32_HEADER))
                    .contains(AwsJsonProtocol.crc32(notJson.body().getBytes(StandardCharsets.UTF_8)));
        }
    }
}
