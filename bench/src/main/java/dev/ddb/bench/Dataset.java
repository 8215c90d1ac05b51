package dev.ddb.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The fixed key space: a hash-key table {@code bench_kv} with keys {@code user0000000000..} and a
 * hash+range table {@code bench_query} with partitions of {@value #PARTITION_SIZE} items. Every item
 * is about 200 bytes as DynamoDB counts them (attribute names + values):
 * <ul>
 *   <li>bench_kv: pk (2 + 14) + f (1 + 10) + d (1 + 172) = 200</li>
 *   <li>bench_query: pk (2 + 12) + sk (2 + 2, a one-digit number) + f (1 + 10) + d (1 + 170) = 200</li>
 * </ul>
 */
final class Dataset {

    static final String KV_TABLE = "bench_kv";
    static final String QUERY_TABLE = "bench_query";
    static final int PARTITION_SIZE = 10;

    private static final int KV_PAYLOAD = 172;
    private static final int QUERY_PAYLOAD = 170;
    private static final int FIELD = 10;
    private static final int VARIANTS = 256;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final int items;
    private final AttributeValue[] kvPayloads = new AttributeValue[VARIANTS];
    private final AttributeValue[] queryPayloads = new AttributeValue[VARIANTS];
    private final AttributeValue[] fields = new AttributeValue[VARIANTS];

    Dataset(int items) {
        this.items = items;
        Random random = new Random(42);
        for (int i = 0; i < VARIANTS; i++) {
            kvPayloads[i] = AttributeValue.fromS(randomText(random, KV_PAYLOAD));
            queryPayloads[i] = AttributeValue.fromS(randomText(random, QUERY_PAYLOAD));
            fields[i] = AttributeValue.fromS(randomText(random, FIELD));
        }
    }

    /** Items in each table. */
    int items() {
        return items;
    }

    /** Partitions of the query table (the last one may hold fewer than ten items). */
    int partitions() {
        return Math.max(1, (items + PARTITION_SIZE - 1) / PARTITION_SIZE);
    }

    Map<String, AttributeValue> kvKey(int index) {
        return Map.of("pk", AttributeValue.fromS(kvPk(index)));
    }

    Map<String, AttributeValue> kvItem(int index, RandomGenerator random) {
        Map<String, AttributeValue> item = new HashMap<>(4);
        item.put("pk", AttributeValue.fromS(kvPk(index)));
        item.put("f", field(random));
        item.put("d", kvPayloads[random.nextInt(VARIANTS)]);
        return item;
    }

    /** The query table's i-th item: partition i / 10, sort key i % 10. */
    Map<String, AttributeValue> queryItem(int index, RandomGenerator random) {
        Map<String, AttributeValue> item = new HashMap<>(5);
        item.put("pk", partitionKey(index / PARTITION_SIZE));
        item.put("sk", AttributeValue.fromN(Integer.toString(index % PARTITION_SIZE)));
        item.put("f", field(random));
        item.put("d", queryPayloads[random.nextInt(VARIANTS)]);
        return item;
    }

    AttributeValue partitionKey(int partition) {
        return AttributeValue.fromS("part" + zeroPadded(partition, 8));
    }

    AttributeValue field(RandomGenerator random) {
        return fields[random.nextInt(VARIANTS)];
    }

    static CreateTableRequest kvTable() {
        return CreateTableRequest.builder()
                .tableName(KV_TABLE)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .build();
    }

    static CreateTableRequest queryTable() {
        return CreateTableRequest.builder()
                .tableName(QUERY_TABLE)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build())
                .keySchema(
                        KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .build();
    }

    private static String kvPk(int index) {
        return "user" + zeroPadded(index, 10);
    }

    private static String zeroPadded(int value, int width) {
        String digits = Integer.toString(value);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
