package dev.ddb.standalone.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.Clients;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.enhanced.dynamodb.Document;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactGetItemsEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * TransactWriteItems and TransactGetItems through the whole stack with the AWS SDK for Java v2
 * (low-level and enhanced clients): all or nothing across tables, cancellation reasons,
 * DynamoDB's validation messages, idempotent retries by ClientRequestToken, one consistent
 * snapshot for reads, and doubled ConsumedCapacity per table and index.
 */
class TransactionsEndToEndTest {

    @TempDir
    static Path dataDir;

    static LocalStack stack;
    static DynamoDbClient client;
    private static final AtomicInteger TABLES = new AtomicInteger();

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

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    /** A table keyed by "id" (S), with a global index on "owner" (S) and "balance" (N). */
    static String newTable(String prefix) {
        String name = prefix + TABLES.incrementAndGet();
        client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("owner").attributeType(ScalarAttributeType.S).build())
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .globalSecondaryIndexes(g -> g.indexName("ByOwner").keySchema(k -> k.attributeName("owner").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
        return name;
    }

    static Map<String, AttributeValue> key(String id) {
        return Map.of("id", s(id));
    }

    static Map<String, AttributeValue> get(String table, String id) {
        var response = client.getItem(b -> b.tableName(table).key(key(id)).consistentRead(true));
        return response.hasItem() ? response.item() : null;
    }

    static TransactWriteItem put(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build();
    }

    static TransactWriteItem add(String table, String id, String amount) {
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(key(id)).updateExpression("ADD balance :a")
                .expressionAttributeValues(Map.of(":a", n(amount)))).build();
    }

    static void assertValidation(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
            assertThat(e.statusCode()).isEqualTo(400);
        });
    }

    @Test
    void writesToSeveralTablesAreAppliedTogether() {
        String a = newTable("TxA");
        String b = newTable("TxB");
        client.putItem(r -> r.tableName(a).item(Map.of("id", s("gone"), "balance", n("1"))));
        client.putItem(r -> r.tableName(b).item(Map.of("id", s("checked"), "balance", n("7"))));

        client.transactWriteItems(r -> r.transactItems(
                put(a, Map.of("id", s("new"), "owner", s("ann"), "balance", n("10"))),
                add(b, "counter", "5"),
                TransactWriteItem.builder().delete(d -> d.tableName(a).key(key("gone"))
                        .conditionExpression("attribute_exists(id)")).build(),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName(b).key(key("checked"))
                        .conditionExpression("balance = :seven").expressionAttributeValues(Map.of(":seven", n("7")))).build()));

        assertThat(get(a, "new")).containsEntry("balance", n("10"));
        assertThat(get(b, "counter")).containsEntry("balance", n("5"));
        assertThat(get(a, "gone")).isNull();
        assertThat(get(b, "checked")).containsEntry("balance", n("7"));
        // the index follows the transaction's item
        assertThat(client.query(q -> q.tableName(a).indexName("ByOwner").keyConditionExpression("#o = :o")
                .expressionAttributeNames(Map.of("#o", "owner")).expressionAttributeValues(Map.of(":o", s("ann")))).items())
                .extracting(item -> item.get("id")).containsExactly(s("new"));
    }

    @Test
    void aFailedConditionCancelsTheWholeTransactionWithReasonsInOrder() {
        String a = newTable("TxCancel");
        client.putItem(r -> r.tableName(a).item(Map.of("id", s("poor"), "balance", n("3"))));

        assertThatThrownBy(() -> client.transactWriteItems(r -> r.transactItems(
                add(a, "rich", "100"),
                TransactWriteItem.builder().update(u -> u.tableName(a).key(key("poor"))
                        .updateExpression("SET balance = balance - :a").conditionExpression("balance >= :a")
                        .expressionAttributeValues(Map.of(":a", n("50")))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build(),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName(a).key(key("nobody"))
                        .conditionExpression("attribute_exists(id)")).build())))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Transaction cancelled, please refer cancellation "
                            + "reasons for specific reasons [None, ConditionalCheckFailed, ConditionalCheckFailed]");
                    List<CancellationReason> reasons = e.cancellationReasons();
                    assertThat(reasons).extracting(CancellationReason::code)
                            .containsExactly("None", "ConditionalCheckFailed", "ConditionalCheckFailed");
                    assertThat(reasons.get(0).message()).isNull();
                    assertThat(reasons.get(1).message()).isEqualTo("The conditional request failed");
                    assertThat(reasons.get(1).item()).isEqualTo(Map.of("id", s("poor"), "balance", n("3")));
                    assertThat(reasons.get(2).hasItem()).isFalse(); // no ALL_OLD asked, and no item anyway
                });
        assertThat(get(a, "rich")).isNull();
        assertThat(get(a, "poor")).containsEntry("balance", n("3"));
    }

    @Test
    void aBadIndexKeyInsideAnItemIsAValidationErrorReason() {
        String a = newTable("TxIndexKey");
        assertThatThrownBy(() -> client.transactWriteItems(r -> r.transactItems(
                put(a, Map.of("id", s("x"), "owner", n("1"))),
                add(a, "y", "1"))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.cancellationReasons()).extracting(CancellationReason::code).containsExactly("ValidationError", "None");
                    assertThat(e.cancellationReasons().get(0).message()).isEqualTo("One or more parameter values were invalid: "
                            + "Type mismatch for Index Key owner Expected: S Actual: N IndexName: ByOwner");
                    assertThat(e.awsErrorDetails().errorMessage()).endsWith("[ValidationError, None]");
                });
        assertThat(get(a, "y")).isNull();
    }

    @Test
    void requestsDynamoDbRejectsGetItsValidationMessages() {
        String a = newTable("TxInvalid");
        assertValidation(() -> client.transactWriteItems(r -> r.transactItems(add(a, "same", "1"), add(a, "same", "2"))),
                "Transaction request cannot include multiple operations on one item");
        assertValidation(() -> client.transactWriteItems(r -> r.transactItems(List.of())),
                "1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1");
        List<TransactWriteItem> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(add(a, "item" + i, "1"));
        }
        assertThatThrownBy(() -> client.transactWriteItems(r -> r.transactItems(tooMany)))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("1 validation error detected: Value '[")
                            .endsWith("at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100");
                });
        String big = "x".repeat(400 * 1024);
        assertValidation(() -> client.transactWriteItems(r -> r.transactItems(put(a, Map.of("id", s("big"), "data", s(big))))),
                "Item size has exceeded the maximum allowed size");
        assertValidation(() -> client.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder().build())),
                "TransactItems can only contain one of Check, Put, Update or Delete");
        // a key that does not fit the schema cancels the transaction, with a ValidationError for its action
        assertThatThrownBy(() -> client.transactWriteItems(r -> r.transactItems(add(a, "fine", "1"),
                        TransactWriteItem.builder().delete(d -> d.tableName(a).key(Map.of("id", n("1")))).build())))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                            "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ValidationError]");
                    assertThat(e.cancellationReasons().get(1).message()).isEqualTo("The provided key element does not match the schema");
                });
        assertThatThrownBy(() -> client.transactWriteItems(r -> r.transactItems(put(a, Map.of("id", n("5"))))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.cancellationReasons()).extracting(CancellationReason::code).containsExactly("ValidationError");
                    assertThat(e.cancellationReasons().get(0).message())
                            .isEqualTo("One or more parameter values were invalid: Type mismatch for key id expected: S actual: N");
                });
        assertThatThrownBy(() -> client.transactGetItems(r -> r.transactItems(
                        TransactGetItem.builder().get(g -> g.tableName(a).key(Map.of())).build())))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.cancellationReasons()).extracting(CancellationReason::code).containsExactly("ValidationError");
                    assertThat(e.cancellationReasons().get(0).message()).isEqualTo("The provided key element does not match the schema");
                });
        // an empty key value is refused for the whole request
        assertValidation(() -> client.transactWriteItems(r -> r.transactItems(put(a, Map.of("id", s(""))))),
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty "
                        + "string value. Key: id");
        assertValidation(() -> client.transactWriteItems(r -> r.transactItems(
                        TransactWriteItem.builder().update(u -> u.tableName(a).key(key("k")).updateExpression("SET id = :v")
                                .expressionAttributeValues(Map.of(":v", s("other")))).build())),
                "One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key");
        assertThatThrownBy(() -> client.transactWriteItems(r -> r.transactItems(add("NoSuchTable", "k", "1"))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertValidation(() -> client.transactGetItems(r -> r.transactItems(
                        TransactGetItem.builder().get(g -> g.tableName(a).key(key("k"))).build(),
                        TransactGetItem.builder().get(g -> g.tableName(a).key(key("k"))).build())),
                "Transaction request cannot include multiple operations on one item");
        // nothing of any of it was written
        assertThat(client.scan(r -> r.tableName(a)).count()).isZero();
    }

    @Test
    void aRetryWithTheSameClientRequestTokenWritesOnceAndAnotherRequestWithItIsRejected() {
        String a = newTable("TxToken");
        String token = UUID.randomUUID().toString();
        TransactWriteItemsRequest request = TransactWriteItemsRequest.builder().clientRequestToken(token)
                .transactItems(add(a, "counter", "1")).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        TransactWriteItemsResponse first = client.transactWriteItems(request);
        TransactWriteItemsResponse retry = client.transactWriteItems(request);
        assertThat(get(a, "counter")).containsEntry("balance", n("1"));
        assertThat(first.consumedCapacity()).extracting(ConsumedCapacity::capacityUnits).containsExactly(2.0);
        assertThat(retry.consumedCapacity()).extracting(ConsumedCapacity::tableName).containsExactly(a);

        assertThatThrownBy(() -> client.transactWriteItems(request.toBuilder().transactItems(add(a, "counter", "2")).build()))
                .isInstanceOfSatisfying(IdempotentParameterMismatchException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThat(get(a, "counter")).containsEntry("balance", n("1"));

        // the SDK sends a fresh token with each call: two calls are two transactions
        client.transactWriteItems(r -> r.transactItems(add(a, "counter", "1")));
        assertThat(get(a, "counter")).containsEntry("balance", n("2"));
    }

    @Test
    void transactGetItemsReadsSeveralTablesWithProjections() {
        String a = newTable("TxGetA");
        String b = newTable("TxGetB");
        client.putItem(r -> r.tableName(a).item(Map.of("id", s("1"), "owner", s("ann"), "balance", n("10"), "note", s("x"))));
        client.putItem(r -> r.tableName(b).item(Map.of("id", s("2"), "balance", n("20"))));

        TransactGetItemsResponse response = client.transactGetItems(r -> r.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .transactItems(
                        TransactGetItem.builder().get(g -> g.tableName(a).key(key("1")).projectionExpression("#o, balance")
                                .expressionAttributeNames(Map.of("#o", "owner"))).build(),
                        TransactGetItem.builder().get(g -> g.tableName(b).key(key("missing"))).build(),
                        TransactGetItem.builder().get(g -> g.tableName(b).key(key("2"))).build()));

        assertThat(response.responses()).hasSize(3);
        assertThat(response.responses().get(0).item()).isEqualTo(Map.of("owner", s("ann"), "balance", n("10")));
        assertThat(response.responses().get(1).hasItem()).isFalse();
        assertThat(response.responses().get(2).item()).isEqualTo(Map.of("id", s("2"), "balance", n("20")));
        // a transactional read costs two strongly consistent reads, a missing item too
        assertThat(response.consumedCapacity()).extracting(ConsumedCapacity::tableName, ConsumedCapacity::capacityUnits)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(a, 2.0), org.assertj.core.groups.Tuple.tuple(b, 4.0));
    }

    @Test
    void transactionalWritesCountDoublePerTableAndIndex() {
        String a = newTable("TxCapacity");
        String b = newTable("TxCapacityB");
        TransactWriteItemsResponse response = client.transactWriteItems(r -> r.returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .transactItems(put(a, Map.of("id", s("1"), "owner", s("ann"))), put(a, Map.of("id", s("2"))), add(b, "3", "1")));
        assertThat(response.consumedCapacity()).hasSize(2);
        ConsumedCapacity onA = response.consumedCapacity().get(0);
        assertThat(onA.tableName()).isEqualTo(a);
        assertThat(onA.table().capacityUnits()).isEqualTo(4.0); // two 1 KB writes, doubled
        assertThat(onA.globalSecondaryIndexes().get("ByOwner").capacityUnits()).isEqualTo(2.0); // one index entry, doubled
        assertThat(onA.capacityUnits()).isEqualTo(6.0);
        ConsumedCapacity onB = response.consumedCapacity().get(1);
        assertThat(onB.tableName()).isEqualTo(b);
        assertThat(onB.capacityUnits()).isEqualTo(2.0);
        assertThat(onB.hasGlobalSecondaryIndexes()).isFalse();
    }

    @DynamoDbBean
    public static class Account {
        private String id;
        private String owner;
        private Long balance;

        @DynamoDbPartitionKey
        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getOwner() {
            return owner;
        }

        public void setOwner(String owner) {
            this.owner = owner;
        }

        public Long getBalance() {
            return balance;
        }

        public void setBalance(Long balance) {
            this.balance = balance;
        }

        static Account of(String id, String owner, long balance) {
            Account account = new Account();
            account.setId(id);
            account.setOwner(owner);
            account.setBalance(balance);
            return account;
        }
    }

    @Test
    void theEnhancedClientWritesAndReadsTransactionally() {
        String a = newTable("TxEnhancedA");
        String b = newTable("TxEnhancedB");
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        DynamoDbTable<Account> first = enhanced.table(a, TableSchema.fromBean(Account.class));
        DynamoDbTable<Account> second = enhanced.table(b, TableSchema.fromBean(Account.class));
        first.putItem(Account.of("old", "bob", 5));

        enhanced.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(first, Account.of("1", "ann", 10))
                .addPutItem(second, Account.of("2", "ann", 20))
                .addDeleteItem(first, Key.builder().partitionValue("old").build())
                .build());

        List<Document> documents = enhanced.transactGetItems(TransactGetItemsEnhancedRequest.builder()
                .addGetItem(first, Key.builder().partitionValue("1").build())
                .addGetItem(second, Key.builder().partitionValue("2").build())
                .addGetItem(first, Key.builder().partitionValue("old").build())
                .build());
        assertThat(documents.get(0).getItem(first).getBalance()).isEqualTo(10L);
        assertThat(documents.get(1).getItem(second).getBalance()).isEqualTo(20L);
        assertThat(documents.get(2).getItem(first)).isNull();

        Expression richEnough = Expression.builder().expression("balance >= :min")
                .expressionValues(Map.of(":min", n("1000"))).build();
        assertThatThrownBy(() -> enhanced.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                .addConditionCheck(first, ConditionCheck.builder().key(Key.builder().partitionValue("1").build())
                        .conditionExpression(richEnough).build())
                .addPutItem(second, Account.of("3", "carl", 1))
                .build()))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(e.cancellationReasons())
                        .extracting(CancellationReason::code).containsExactly("ConditionalCheckFailed", "None"));
        assertThat(second.getItem(Key.builder().partitionValue("3").build())).isNull();
    }
}
