package dev.ddb.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The YCSB-like operations. Keys are drawn uniformly from the loaded key space, so every write
 * overwrites an existing item and the data set keeps its size. An answer that is not what DynamoDB
 * would give (a missing item, a short Query page, unprocessed batch items) counts as an error.
 */
enum Workload {

    PUT("PutItem") {
        @Override
        CompletableFuture<?> issue(DynamoDbAsyncClient client, Dataset data, ThreadLocalRandom random) {
            int index = random.nextInt(data.items());
            return client.putItem(r -> r.tableName(Dataset.KV_TABLE).item(data.kvItem(index, random)));
        }
    },
    /** PutItem on bench_gsi: the same ~200-byte items as PUT's, plus the keys of two GSIs. */
    PUT_GSI("PutItem (2 GSIs)") {
        @Override
        CompletableFuture<?> issue(DynamoDbAsyncClient client, Dataset data, ThreadLocalRandom random) {
            int index = random.nextInt(data.items());
            return client.putItem(r -> r.tableName(Dataset.GSI_TABLE).item(data.gsiItem(index, random)));
        }
    },
    GET("GetItem") {
        @Override
        CompletableFuture<?> issue(DynamoDbAsyncClient client, Dataset data, ThreadLocalRandom random) {
            return get(client, data, random);
        }
    },
    UPDATE("UpdateItem (conditional)") {
        @Override
        CompletableFuture<?> issue(DynamoDbAsyncClient client, Dataset data, ThreadLocalRandom random) {
            return update(client, data, random);
        }
    },
    QUERY("Query (10 items)") {
        @Override
        CompletableFuture<?> issue(DynamoDbAsyncClient client, Dataset data, ThreadLocalRandom random) {
            int partitions = data.items() / Dataset.PARTITION_SIZE;
            int partition = partitions == 0 ? 0 : random.nextInt(partitions); // only full partitions
            int expected = Math.min(Dataset.PARTITION_SIZE, data.items());
            return client.query(r -> r.tableName(Dataset.QUERY_TABLE)
                            .keyConditionExpression("pk = :p")
                            .expressionAttributeValues(Map.of(":p", data.partitionKey(partition))))
                    .thenApply(response -> {
                        if (response.count() != expected) {
                            throw new UnexpectedAnswer("Query returned " + response.count() + " items, not " + expected);
                        }
                        return response;
                    });
        }
    },
    YCSB_A("YCSB A (50% get, 50% update)") {
        @Override
        CompletableFuture<?> issue(DynamoDbAsyncClient client, Dataset data, ThreadLocalRandom random) {
            return random.nextBoolean() ? get(client, data, random) : update(client, data, random);
        }
    },
    BATCH_WRITE("BatchWriteItem (25 puts)") {
        @Override
        CompletableFuture<?> issue(DynamoDbAsyncClient client, Dataset data, ThreadLocalRandom random) {
            int size = Math.min(25, data.items());
            Set<Integer> keys = new HashSet<>();
            List<WriteRequest> writes = new ArrayList<>(size);
            while (writes.size() < size) {
                int index = random.nextInt(data.items());
                if (keys.add(index)) { // DynamoDB rejects a batch that names one key twice
                    writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(data.kvItem(index, random)).build()).build());
                }
            }
            return client.batchWriteItem(r -> r.requestItems(Map.of(Dataset.KV_TABLE, writes)))
                    .thenApply(response -> {
                        if (response.hasUnprocessedItems() && !response.unprocessedItems().isEmpty()) {
                            throw new UnexpectedAnswer("BatchWriteItem left items unprocessed");
                        }
                        return response;
                    });
        }
    },
    /** TransactWriteItems of 4 puts on distinct keys: compare with 4 PUTs (one commit and durability wait instead of four). */
    TRANSACT_WRITE("TransactWriteItems (4 puts)") {
        @Override
        CompletableFuture<?> issue(DynamoDbAsyncClient client, Dataset data, ThreadLocalRandom random) {
            int size = Math.min(4, data.items());
            Set<Integer> keys = new HashSet<>();
            List<TransactWriteItem> puts = new ArrayList<>(size);
            while (puts.size() < size) {
                int index = random.nextInt(data.items());
                if (keys.add(index)) { // DynamoDB rejects a transaction that names one item twice
                    puts.add(TransactWriteItem.builder().put(p -> p.tableName(Dataset.KV_TABLE).item(data.kvItem(index, random))).build());
                }
            }
            return client.transactWriteItems(r -> r.transactItems(puts));
        }
    };

    private final String title;

    Workload(String title) {
        this.title = title;
    }

    String title() {
        return title;
    }

    /** Sends one request; the future completes when the answer is in (exceptionally on an error). */
    abstract CompletableFuture<?> issue(DynamoDbAsyncClient client, Dataset data, ThreadLocalRandom random);

    private static CompletableFuture<?> get(DynamoDbAsyncClient client, Dataset data, ThreadLocalRandom random) {
        int index = random.nextInt(data.items());
        return client.getItem(r -> r.tableName(Dataset.KV_TABLE).key(data.kvKey(index)))
                .thenApply(response -> {
                    if (!response.hasItem() || response.item().isEmpty()) {
                        throw new UnexpectedAnswer("GetItem found no item for key " + index);
                    }
                    return response;
                });
    }

    private static CompletableFuture<?> update(DynamoDbAsyncClient client, Dataset data, ThreadLocalRandom random) {
        int index = random.nextInt(data.items());
        AttributeValue value = data.field(random);
        return client.updateItem(r -> r.tableName(Dataset.KV_TABLE)
                .key(data.kvKey(index))
                .updateExpression("SET f = :v")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":v", value)));
    }

    static Workload parse(String name) {
        String wanted = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Workload w : values()) {
            if (w.name().equals(wanted) || w.title().toUpperCase(Locale.ROOT).startsWith(wanted)) {
                return w;
            }
        }
        throw new BenchOptions.UsageException("Unknown workload " + name + "; known: " + names());
    }

    static List<Workload> parseList(String names) {
        List<Workload> list = new ArrayList<>();
        for (String name : names.split(",")) {
            if (!name.isBlank()) {
                list.add(parse(name));
            }
        }
        return List.copyOf(list);
    }

    static String names() {
        List<String> names = new ArrayList<>();
        for (Workload w : values()) {
            names.add(w.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return String.join(",", names);
    }

    /** The server answered, but not as DynamoDB would have. */
    static final class UnexpectedAnswer extends RuntimeException {
        UnexpectedAnswer(String message) {
            super(message, null, false, false);
        }
    }
}
