package dev.ddb.standalone.hardening;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Whether every table and every item in it is still usable: valid PutItem, GetItem, Query and Scan
 * work on each table, and each item Scan finds reads back equal with GetItem, can be written again
 * with PutItem and deleted with DeleteItem. A poisoned item fails one of these.
 */
final class StackHealth {

    private StackHealth() {
    }

    /** Problems found, empty when every table scans and every item reads, writes and deletes. */
    static List<String> everyItemReadableWritableDeletable(DynamoDbClient client, int threads) {
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        List<String> tables = new ArrayList<>();
        try {
            client.listTablesPaginator(b -> b.limit(100)).tableNames().forEach(tables::add);
        } catch (RuntimeException e) {
            problems.add("ListTables failed: " + e);
            return problems;
        }
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            int checked = 0;
            for (String table : tables) {
                TableDescription description;
                try {
                    description = client.describeTable(b -> b.tableName(table)).table();
                } catch (RuntimeException e) {
                    problems.add("DescribeTable " + table + " failed: " + e);
                    continue;
                }
                if (description.tableStatus() != TableStatus.ACTIVE) {
                    continue;
                }
                List<String> keyNames = description.keySchema().stream().map(KeySchemaElement::attributeName).toList();
                validOperationsWork(client, description, problems);
                List<Map<String, AttributeValue>> items = new ArrayList<>();
                try {
                    Map<String, AttributeValue> start = null;
                    do {
                        Map<String, AttributeValue> from = start;
                        ScanResponse page = client.scan(b -> b.tableName(table).exclusiveStartKey(from));
                        items.addAll(page.items());
                        start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
                    } while (start != null);
                } catch (RuntimeException e) {
                    problems.add("Scan of " + table + " failed after " + items.size() + " items: " + e);
                }
                List<Future<?>> checks = new ArrayList<>();
                for (Map<String, AttributeValue> item : items) {
                    checks.add(executor.submit(() -> checkItem(client, table, keyNames, item, problems)));
                }
                for (Future<?> check : checks) {
                    check.get(5, TimeUnit.MINUTES);
                }
                checked += items.size();
            }
            System.out.printf("StackHealth: %d tables, %d items read, written and deleted, %d problems%n",
                    tables.size(), checked, problems.size());
        } catch (Exception e) {
            problems.add("health check itself failed: " + e);
        } finally {
            executor.shutdownNow();
        }
        return problems;
    }

    /** A valid PutItem, GetItem, Query and Scan on the table work and see the item written. */
    static void validOperationsWork(DynamoDbClient client, TableDescription table, List<String> problems) {
        String name = table.tableName();
        Map<String, AttributeValue> key = new HashMap<>();
        String hash = null;
        for (KeySchemaElement element : table.keySchema()) {
            ScalarAttributeType type = table.attributeDefinitions().stream()
                    .filter(d -> d.attributeName().equals(element.attributeName())).findFirst().orElseThrow().attributeType();
            key.put(element.attributeName(), switch (type) {
                case N -> AttributeValue.fromN("4711");
                case B -> AttributeValue.fromB(SdkBytes.fromUtf8String("health-check"));
                default -> AttributeValue.fromS("health-check");
            });
            if (element.keyType() == KeyType.HASH) {
                hash = element.attributeName();
            }
        }
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("healthCheck", AttributeValue.fromS("ok"));
        String hashName = hash;
        try {
            client.putItem(b -> b.tableName(name).item(item));
            Map<String, AttributeValue> read = client.getItem(b -> b.tableName(name).key(key).consistentRead(true)).item();
            if (!item.equals(read)) {
                problems.add("GetItem on " + name + " after a valid PutItem gave " + read);
            }
            int found = client.query(b -> b.tableName(name).keyConditionExpression("#h = :h")
                    .expressionAttributeNames(Map.of("#h", hashName)).expressionAttributeValues(Map.of(":h", key.get(hashName)))
                    .consistentRead(true)).count();
            if (found < 1) {
                problems.add("Query on " + name + " did not find the item a valid PutItem wrote");
            }
            boolean scanned = client.scanPaginator(b -> b.tableName(name)).items().stream().anyMatch(item::equals);
            if (!scanned) {
                problems.add("Scan of " + name + " did not find the item a valid PutItem wrote");
            }
        } catch (RuntimeException e) {
            problems.add("valid PutItem/GetItem/Query/Scan on " + name + " failed: " + e);
        }
    }

    private static void checkItem(DynamoDbClient client, String table, List<String> keyNames, Map<String, AttributeValue> item,
            List<String> problems) {
        Map<String, AttributeValue> key = new HashMap<>();
        for (String name : keyNames) {
            key.put(name, item.get(name));
        }
        String where = table + " " + describeKey(key);
        try {
            GetItemResponse read = client.getItem(b -> b.tableName(table).key(key).consistentRead(true));
            if (!read.hasItem() || !item.equals(read.item())) {
                problems.add("GetItem " + where + " gave " + (read.hasItem() ? read.item() : "no item") + " but Scan gave " + item);
            }
        } catch (RuntimeException e) {
            problems.add("GetItem " + where + " failed: " + e);
        }
        try {
            client.putItem(b -> b.tableName(table).item(item));
        } catch (RuntimeException e) {
            problems.add("PutItem (rewrite) " + where + " failed: " + e);
        }
        try {
            client.deleteItem(b -> b.tableName(table).key(key));
            if (client.getItem(b -> b.tableName(table).key(key).consistentRead(true)).hasItem()) {
                problems.add("DeleteItem " + where + " left the item in place");
            }
        } catch (RuntimeException e) {
            problems.add("DeleteItem " + where + " failed: " + e);
        }
    }

    static String describeKey(Map<String, AttributeValue> key) {
        StringBuilder out = new StringBuilder("{");
        key.forEach((name, value) -> {
            out.append(JsonTree.describe(name)).append('=');
            if (value == null) {
                out.append("null");
            } else if (value.s() != null) {
                out.append("S:").append(JsonTree.describe(value.s()));
            } else if (value.n() != null) {
                out.append("N:").append(value.n());
            } else if (value.b() != null) {
                out.append("B:").append(value.b().asByteArray().length).append(" bytes");
            }
            out.append(' ');
        });
        return out.append('}').toString();
    }

    /**
     * Whether a change to the item whose partition key {@code hashName} is the string {@code marker}
     * shows up in GetRecords (read from TRIM_HORIZON on every shard) within {@code wait}. A change
     * record the pipeline cannot carry would hold back everything after it.
     */
    static boolean changeReachesStream(DynamoDbStreamsClient streams, String streamArn, String hashName, String marker,
            Duration wait) {
        Map<String, String> iterators = new LinkedHashMap<>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            List<Shard> shards;
            try {
                shards = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards();
            } catch (ResourceNotFoundException notYet) {
                // stream-service learns of a new stream a moment after the table event
                shards = List.of();
            }
            for (Shard shard : shards) {
                if (!iterators.containsKey(shard.shardId())) {
                    iterators.put(shard.shardId(), streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                            .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
                }
            }
            for (Map.Entry<String, String> entry : iterators.entrySet()) {
                while (entry.getValue() != null) {
                    GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(entry.getValue()).limit(1000));
                    for (Record record : page.records()) {
                        AttributeValue key = record.dynamodb().keys().get(hashName);
                        if (key != null && marker.equals(key.s())) {
                            return true;
                        }
                    }
                    entry.setValue(page.nextShardIterator());
                    if (page.records().isEmpty()) {
                        break;
                    }
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
