package dev.ddb.standalone.hardening;

import static dev.ddb.standalone.hardening.JsonTree.obj;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Issue 8, "no poisoned items", for the change log: an item within DynamoDB's 400 KB limit whose
 * text JSON-escapes to several times its size (U+0000 becomes six bytes, a quote two) gives a
 * change record with old and new image above Kafka's 1 MB message limit. Accepting the write is
 * right; the change must still not block the changes after it (found by the fuzz: the outbox relay
 * retried the record forever and the stream stopped). Each case gets a stack of its own, since a
 * blocked relay would fail every later case.
 */
class EscapeHeavyItemStreamTest {

    @TempDir
    Path dataDir;

    LocalStack stack;
    Wire wire;
    DynamoDbClient client;
    DynamoDbStreamsClient streams;

    @AfterEach
    void stop() {
        if (wire != null) {
            wire.close();
        }
        if (client != null) {
            client.close();
        }
        if (streams != null) {
            streams.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @ParameterizedTest(name = "390,000 x U+{0}")
    @ValueSource(strings = {"0000", "0022"})
    void anUpdateOfAnEscapeHeavyItemDoesNotBlockLaterChanges(String codePoint) {
        stack = LocalStack.start(StackSettings.ephemeral(dataDir));
        wire = new Wire(stack.gatewayUrl(), 2);
        client = HardeningClients.dynamoDb(stack.gatewayUrl());
        streams = HardeningClients.streams(stack.gatewayUrl());
        client.createTable(r -> r.tableName("Escapes")
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        String streamArn = client.describeTable(b -> b.tableName("Escapes")).table().latestStreamArn();
        String text = String.valueOf((char) Integer.parseInt(codePoint, 16)).repeat(390_000);

        Wire.Answer put = wire.send(Wire.dynamodb("PutItem"),
                obj("TableName", "Escapes", "Item", obj("pk", obj("S", "heavy"), "text", obj("S", text))));
        assertThat(put.status()).as("PutItem of a 390 KB item: %s", Wire.summary(put)).isEqualTo(200);
        Wire.Answer update = wire.send(Wire.dynamodb("UpdateItem"), obj("TableName", "Escapes", "Key", obj("pk", obj("S", "heavy")),
                "UpdateExpression", "SET touched = :t", "ExpressionAttributeValues", obj(":t", obj("S", "yes"))));
        assertThat(update.status()).as("UpdateItem of it: %s", Wire.summary(update)).isEqualTo(200);

        client.putItem(b -> b.tableName("Escapes").item(Map.of("pk", AttributeValue.fromS("after"))));
        assertThat(StackHealth.changeReachesStream(streams, streamArn, "pk", "after", Duration.ofSeconds(30)))
                .as("a change made after the escape-heavy item reaches GetRecords within 30 s")
                .isTrue();
        assertThat(client.getItem(b -> b.tableName("Escapes").key(Map.of("pk", AttributeValue.fromS("heavy")))).item().get("text").s())
                .isEqualTo(text);
    }
}
