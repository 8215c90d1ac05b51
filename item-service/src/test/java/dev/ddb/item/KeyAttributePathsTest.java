package dev.ddb.item;

import static dev.ddb.item.support.DynamoDbErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.item.support.RunningItemService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** Key attributes are scalars: a projection (or a Scan filter) may not reach into one with '.' or '[]'. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyAttributePathsTest {

    private static final String NOT_SCALAR =
            "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: ";

    @TempDir
    static Path dataDir;

    private RunningItemService service;
    private DynamoDbClient client;

    @BeforeAll
    void start() {
        service = RunningItemService.start(dataDir);
        client = service.client();
        service.provision("Events", "pk", "S", "sk", "S");
        client.putItem(r -> r.tableName("Events").item(Map.of("pk", s("p"), "sk", s("s"), "a", s("v"))));
    }

    @AfterAll
    void stop() {
        service.close();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    @Test
    void projectionsIntoAKeyAttributeAreRejected() {
        Map<String, AttributeValue> key = Map.of("pk", s("p"), "sk", s("s"));
        assertValidation(() -> client.getItem(r -> r.tableName("Events").key(key).projectionExpression("a, pk.x")),
                NOT_SCALAR + "pk");
        assertValidation(() -> client.getItem(r -> r.tableName("Events").key(key).projectionExpression("#k[0]")
                .expressionAttributeNames(Map.of("#k", "sk"))), NOT_SCALAR + "sk");
        assertValidation(() -> client.query(r -> r.tableName("Events").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("p"))).projectionExpression("sk.x")), NOT_SCALAR + "sk");
        assertValidation(() -> client.scan(r -> r.tableName("Events").projectionExpression("pk[1]")), NOT_SCALAR + "pk");
        assertValidation(() -> client.batchGetItem(r -> r.requestItems(Map.of("Events",
                KeysAndAttributes.builder().keys(key).projectionExpression("pk.x.y").build()))), NOT_SCALAR + "pk");
    }

    @Test
    void aScanFilterIntoAKeyAttributeIsRejected() {
        assertValidation(() -> client.scan(r -> r.tableName("Events").filterExpression("attribute_exists(pk.x)")),
                NOT_SCALAR + "pk");
    }

    @Test
    void keyAttributesThemselvesMayBeProjected() {
        assertThat(client.getItem(r -> r.tableName("Events").key(Map.of("pk", s("p"), "sk", s("s")))
                .projectionExpression("pk, a")).item()).isEqualTo(Map.of("pk", s("p"), "a", s("v")));
    }
}
