package dev.ddb.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The fixed key space: a hash-key table {@code bench_kv} with keys {@code user0000000000..} and a
 * hash+range table {@code bench_query} with partitions of {@value #PARTITION_SIZE} items. Every item
 * is about 200 bytes as DynamoDB counts them (attribute names + values):
 * <ul>
 *   <li>bench_kv: pk (2 + 14) + f (1 + 10) + d (1 + 172) = 200</li>
 *   <li>bench_query: pk (2 + 12) + sk (2 + 2, a one-digit number) + f (1 + 10) + d (1 + 170) = 200</li>
 *   <li>bench_gsi: pk (2 + 14) + g1 (2 + 12) + g2 (2 + 12) + f (1 + 10) + d (1 + 144) = 200</li>
 * </ul>
 * bench_gsi has the keys of bench_kv and two global secondary indexes, {@code by_g1} (hash key g1, about
 * ten items a value) and {@code by_g2} (hash key g2, about one item a value); every item has both
 * attributes, drawn afresh on every write, so an overwrite moves the item in both indexes.
 */
final class Dataset {

    static final String KV_TABLE = "bench_kv";
    static final String QUERY_TABLE = "bench_query";
    static final String GSI_TABLE = "bench_gsi";
    static final int PARTITION_SIZE = 10;

    private static final int KV_PAYLOAD = 172;
    private static final int QUERY_PAYLOAD = 170;
    private static final int GSI_PAYLOAD = 144;
    private static final int FIELD = 10;
    private static final int VARIANTS = 256;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final int items;
    private final AttributeValue[] kvPayloads = new AttributeValue[VARIANTS];
    private final AttributeValue[] queryPayloads = new AttributeValue[VARIANTS];
    private final AttributeValue[] gsiPayloads = new AttributeValue[VARIANTS];
    private final AttributeValue[] fields = new AttributeValue[VARIANTS];

    Dataset(int items) {
        this.items = items;
        Random random = new Random(42);
        for (int i = 0; i < VARIANTS; i++) {
            kvPayloads[i] = AttributeValue.fromS(randomText(random, KV_PAYLOAD));
            queryPayloads[i] = AttributeValue.fromS(randomText(random, QUERY_PAYLOAD));
            gsiPayloads[i] = AttributeValue.fromS(randomText(random, GSI_PAYLOAD));
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

    /** The GSI table's item with bench_kv's i-th key, both index keys drawn at random. */
    Map<String, AttributeValue> gsiItem(int index, RandomGenerator random) {
        Map<String, AttributeValue> item = new HashMap<>(8);
        item.put("pk", AttributeValue.fromS(kvPk(index)));
        item.put("g1", AttributeValue.fromS("grp" + zeroPadded(random.nextInt(Math.max(1, items / PARTITION_SIZE)), 9)));
        item.put("g2", AttributeValue.fromS("val" + zeroPadded(random.nextInt(items), 9)));
        item.put("f", field(random));
        item.put("d", gsiPayloads[random.nextInt(VARIANTS)]);
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

    static CreateTableRequest gsiTable(ProjectionType projection) {
        return CreateTableRequest.builder()
                .tableName(GSI_TABLE)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("g1").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("g2").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .globalSecondaryIndexes(gsi("by_g1", "g1", projection), gsi("by_g2", "g2", projection))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .build();
    }

    private static GlobalSecondaryIndex gsi(String name, String hashKey, ProjectionType projection) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(KeySchemaElement.builder().attributeName(hashKey).keyType(KeyType.HASH).build())
                .projection(Projection.builder().projectionType(projection).build())
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
