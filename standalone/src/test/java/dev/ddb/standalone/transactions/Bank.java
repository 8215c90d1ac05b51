package dev.ddb.standalone.transactions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * 100 accounts in two tables (50 each, streams on), money moved between them by conditional
 * TransactWriteItems, all balances read at once by one TransactGetItems (100 gets).
 */
final class Bank {

    static final List<String> TABLES = List.of("AccountsA", "AccountsB");
    static final int ACCOUNTS_PER_TABLE = 50;
    static final long INITIAL_BALANCE = 1_000;
    static final long TOTAL = INITIAL_BALANCE * ACCOUNTS_PER_TABLE * TABLES.size();

    /** One account: its table and id. */
    record Account(String table, String id) {
        Map<String, AttributeValue> key() {
            return Map.of("id", AttributeValue.fromS(id));
        }
    }

    private Bank() {
    }

    static List<Account> accounts() {
        List<Account> accounts = new ArrayList<>();
        for (String table : TABLES) {
            for (int i = 0; i < ACCOUNTS_PER_TABLE; i++) {
                accounts.add(new Account(table, "acct-" + i));
            }
        }
        return accounts;
    }

    /** Both tables with NEW_AND_OLD_IMAGES streams, and every account with its initial balance. */
    static void open(DynamoDbClient client) {
        for (String table : TABLES) {
            client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(d -> d.attributeName("id").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        }
        List<Account> accounts = accounts();
        for (int from = 0; from < accounts.size(); from += 25) {
            List<Account> chunk = accounts.subList(from, from + 25);
            String table = chunk.get(0).table();
            List<WriteRequest> puts = chunk.stream().map(account -> WriteRequest.builder().putRequest(PutRequest.builder()
                    .item(Map.of("id", AttributeValue.fromS(account.id()),
                            "balance", AttributeValue.fromN(Long.toString(INITIAL_BALANCE)))).build()).build()).toList();
            client.batchWriteItem(b -> b.requestItems(Map.of(table, puts)));
        }
    }

    /** Moves amount from one account to another, only if the first keeps a balance >= 0. */
    static TransactWriteItemsRequest transfer(Account from, Account to, long amount, String token) {
        AttributeValue value = AttributeValue.fromN(Long.toString(amount));
        return TransactWriteItemsRequest.builder().clientRequestToken(token).transactItems(
                TransactWriteItem.builder().update(u -> u.tableName(from.table()).key(from.key())
                        .updateExpression("SET balance = balance - :amount").conditionExpression("balance >= :amount")
                        .expressionAttributeValues(Map.of(":amount", value))).build(),
                TransactWriteItem.builder().update(u -> u.tableName(to.table()).key(to.key())
                        .updateExpression("SET balance = balance + :amount")
                        .expressionAttributeValues(Map.of(":amount", value))).build()).build();
    }

    /** Every balance, from one TransactGetItems (one consistent snapshot of both tables), in accounts() order. */
    static List<Long> balances(DynamoDbClient client) {
        List<TransactGetItem> gets = accounts().stream().map(account -> TransactGetItem.builder()
                .get(g -> g.tableName(account.table()).key(account.key()).projectionExpression("balance")).build()).toList();
        List<Long> balances = new ArrayList<>();
        for (ItemResponse response : client.transactGetItems(b -> b.transactItems(gets)).responses()) {
            balances.add(Long.parseLong(response.item().get("balance").n()));
        }
        return balances;
    }

    /** Every balance, by Scan of both tables (another read path, after the writers stopped). */
    static long scannedTotal(DynamoDbClient client) {
        long total = 0;
        for (String table : TABLES) {
            for (Map<String, AttributeValue> item : client.scanPaginator(b -> b.tableName(table).consistentRead(true)).items()) {
                total += Long.parseLong(item.get("balance").n());
            }
        }
        return total;
    }
}
