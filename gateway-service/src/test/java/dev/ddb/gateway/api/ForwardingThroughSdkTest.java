package dev.ddb.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;

import dev.ddb.common.protocol.AwsJsonProtocol;
import dev.ddb.gateway.support.FakeDownstream.Answer;
import dev.ddb.gateway.support.FakeDownstream.Received;
import dev.ddb.gateway.support.GatewayTestBase;
import dev.ddb.gateway.support.SdkClients;

class ForwardingThroughSdkTest extends GatewayTestBase {

    private final SdkClients.SentBodies sent = new SdkClients.SentBodies();
    private DynamoDbClient dynamoDb;

    @BeforeEach
    void connect() {
        dynamoDb = SdkClients.dynamoDb(port, sent);
    }

    @AfterEach
    void disconnect() {
        dynamoDb.close();
    }

    @Test
    void putItemReachesItemServiceWithTheBodyAndTargetTheSdkSent() {
        dynamoDb.putItem(b -> b.tableName("Music").item(Map.of(
                "Artist", AttributeValue.fromS("No One You Know"),
                "Year", AttributeValue.fromN("2024"))));

        Received received = ITEMS.lastReceived();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/");
        assertThat(received.target()).isEqualTo("DynamoDB_20120810.PutItem");
        assertThat(received.contentType()).isEqualTo(AwsJsonProtocol.CONTENT_TYPE);
        assertThat(received.body()).isEqualTo(sent.last());
        assertThat(received.region()).as("the region of the signature, forwarded").isEqualTo("us-east-1");
        assertThat(TABLES.received()).isEmpty();
    }

    @Test
    void sdkAcceptsTheRelayedAnswerAndItsRequestId() {
        ITEMS.answerAlways(Answer.json(200, "{\"Item\":{\"Artist\":{\"S\":\"Acme Band\"},\"Price\":{\"N\":\"1.50\"}}}")
                .withRequestId("DOWNSTREAMREQUESTID0000000000000000000000000000000001"));

        GetItemResponse response = dynamoDb.getItem(b -> b.tableName("Music")
                .key(Map.of("Artist", AttributeValue.fromS("Acme Band"))));

        assertThat(response.item()).containsEntry("Artist", AttributeValue.fromS("Acme Band"))
                .containsEntry("Price", AttributeValue.fromN("1.50"));
        assertThat(response.responseMetadata().requestId())
                .isEqualTo("DOWNSTREAMREQUESTID0000000000000000000000000000000001");
        assertThat(ITEMS.lastReceived().target()).isEqualTo("DynamoDB_20120810.GetItem");
    }

    @Test
    void downstreamErrorReachesTheSdkAsItsException() {
        TABLES.answerAlways(Answer.json(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
                + "\"message\":\"Requested resource not found: Table: Missing not found\"}"));

        assertThatThrownBy(() -> dynamoDb.describeTable(b -> b.tableName("Missing")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Requested resource not found: Table: Missing not found");
                });
        assertThat(TABLES.lastReceived().target()).isEqualTo("DynamoDB_20120810.DescribeTable");
    }

    @Test
    void eachOperationGoesToTheServiceThatOwnsIt() {
        TABLES.answerAlways(Answer.json(200, "{\"TableNames\":[\"Music\"]}"));
        STREAMS.answerAlways(Answer.json(200, "{\"Streams\":[{\"StreamArn\":\"arn:aws:dynamodb:us-east-1:000000000000:"
                + "table/Music/stream/2025-01-01T00:00:00.000\",\"TableName\":\"Music\"}]}"));

        ListTablesResponse tables = dynamoDb.listTables();
        dynamoDb.createBackup(b -> b.tableName("Music").backupName("nightly"));
        ListStreamsResponse streams;
        try (DynamoDbStreamsClient streamsClient = SdkClients.streams(port)) {
            streams = streamsClient.listStreams(b -> b.tableName("Music"));
        }

        assertThat(tables.tableNames()).containsExactly("Music");
        assertThat(TABLES.lastReceived().target()).isEqualTo("DynamoDB_20120810.ListTables");
        assertThat(BACKUPS.lastReceived().target()).isEqualTo("DynamoDB_20120810.CreateBackup");
        assertThat(streams.streams()).singleElement().satisfies(s -> assertThat(s.tableName()).isEqualTo("Music"));
        assertThat(STREAMS.lastReceived().target()).isEqualTo("DynamoDBStreams_20120810.ListStreams");
        assertThat(ITEMS.received()).isEmpty();
    }

    @Test
    void answersLargerThanTheDefaultBufferAreRelayedWhole() {
        String big = "x".repeat(2 * 1024 * 1024);
        ITEMS.answerAlways(Answer.json(200, "{\"Items\":[{\"Blob\":{\"S\":\"" + big + "\"}}],\"Count\":1,\"ScannedCount\":1}"));

        ScanResponse scan = dynamoDb.scan(b -> b.tableName("Music"));

        assertThat(scan.items()).singleElement().satisfies(item -> assertThat(item.get("Blob").s()).isEqualTo(big));
    }

    @Test
    void requestsLargerThanTheDefaultBufferAreForwardedWhole() {
        String big = "y".repeat(1024 * 1024);

        dynamoDb.putItem(b -> b.tableName("Music").item(Map.of("Artist", AttributeValue.fromS(big))));

        assertThat(ITEMS.lastReceived().body()).isEqualTo(sent.last());
        assertThat(ITEMS.lastReceived().bodyText()).contains(big);
    }

    @Test
    void bodyIsForwardedByteForByteNotReserialized() {
        // Spacing, key order and a unicode escape that any re-serialization would normalise.
        String body = "{ \"TableName\" : \"Music\",\n  \"Key\":{\"Artist\":{\"S\":\"Caf\\u00e9\"}} , \"ConsistentRead\":true }";

        HttpResponse<byte[]> response = raw().post("DynamoDB_20120810.GetItem", body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ITEMS.lastReceived().body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
    }
}
