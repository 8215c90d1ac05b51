package dev.ddb.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.item.support.RunningItemService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * UpdateItem creates a missing item, except when the update only removes attributes (REMOVE,
 * DELETE from a set, a legacy DELETE): there is nothing to remove from, so DynamoDB creates no
 * item, answers no attributes and records no change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpdateOfMissingItemTest {

    @TempDir
    static Path dataDir;

    private RunningItemService service;
    private DynamoDbClient client;

    @BeforeAll
    void start() {
        service = RunningItemService.start(dataDir);
        client = service.client();
        service.provision("Things", "id", "S", null, null);
    }

    @AfterAll
    void stop() {
        service.close();
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }

    private boolean exists(String id) {
        return client.getItem(r -> r.tableName("Things").key(key(id))).hasItem();
    }

    @Test
    void removeOnlyUpdatesOfAMissingItemCreateNoItemAndNoChangeRecord() {
        int changes = service.store().outboxSize();
        for (ReturnValue returnValue : new ReturnValue[] {ReturnValue.NONE, ReturnValue.ALL_OLD, ReturnValue.UPDATED_OLD,
                ReturnValue.ALL_NEW, ReturnValue.UPDATED_NEW}) {
            UpdateItemResponse removed = client.updateItem(r -> r.tableName("Things").key(key("removed"))
                    .updateExpression("REMOVE a, b.c").returnValues(returnValue));
            assertThat(removed.hasAttributes()).isFalse();
        }
        UpdateItemResponse deleted = client.updateItem(r -> r.tableName("Things").key(key("deleted"))
                .updateExpression("DELETE tags :t").expressionAttributeValues(Map.of(":t", AttributeValue.fromSs(List.of("x"))))
                .returnValues(ReturnValue.ALL_NEW).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(deleted.hasAttributes()).isFalse();
        assertThat(deleted.consumedCapacity().capacityUnits()).isEqualTo(1.0);
        client.updateItem(r -> r.tableName("Things").key(key("legacy"))
                .attributeUpdates(Map.of("a", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build())));

        assertThat(exists("removed")).isFalse();
        assertThat(exists("deleted")).isFalse();
        assertThat(exists("legacy")).isFalse();
        assertThat(service.store().outboxSize()).isEqualTo(changes);
    }

    @Test
    void updatesThatSetOrDoNothingStillCreateTheItem() {
        client.updateItem(r -> r.tableName("Things").key(key("set"))
                .updateExpression("SET a = :v REMOVE b").expressionAttributeValues(Map.of(":v", AttributeValue.fromN("1"))));
        client.updateItem(r -> r.tableName("Things").key(key("empty")).attributeUpdates(Map.of()));
        client.updateItem(r -> r.tableName("Things").key(key("bare")));
        assertThat(client.getItem(r -> r.tableName("Things").key(key("set"))).item())
                .isEqualTo(Map.of("id", AttributeValue.fromS("set"), "a", AttributeValue.fromN("1")));
        assertThat(exists("empty")).isTrue();
        assertThat(exists("bare")).isTrue();
    }

    @Test
    void removeOnlyUpdatesOfAnExistingItemStillRemove() {
        client.putItem(r -> r.tableName("Things").item(Map.of("id", AttributeValue.fromS("there"), "a", AttributeValue.fromN("1"))));
        UpdateItemResponse removed = client.updateItem(r -> r.tableName("Things").key(key("there"))
                .updateExpression("REMOVE a").returnValues(ReturnValue.ALL_NEW));
        assertThat(removed.attributes()).isEqualTo(key("there"));
        assertThat(client.getItem(r -> r.tableName("Things").key(key("there"))).item()).isEqualTo(key("there"));
    }
}
