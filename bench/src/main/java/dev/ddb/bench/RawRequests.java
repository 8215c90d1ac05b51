package dev.ddb.bench;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The raw client's requests: for each workload the same operation, table, keys and values (from
 * {@link Dataset}, drawn the same way) as {@link Workload} sends through the SDK, written as the AWS
 * JSON 1.0 body the SDK would send, with the check of the answer that Workload makes on the SDK's
 * parsed response, done here on the body's bytes without a JSON parse.
 */
final class RawRequests {

    static final String TARGET_PREFIX = "DynamoDB_20120810.";

    /** One request: the operation (X-Amz-Target's suffix), its JSON body, and what a DynamoDB-like answer holds. */
    record RawRequest(String operation, byte[] body, AnswerCheck check) {
        String target() {
            return TARGET_PREFIX + operation;
        }
    }

    /** Checks a 200 answer's body; null when it is what DynamoDB would give, else what is wrong. */
    @FunctionalInterface
    interface AnswerCheck {
        String problem(byte[] body);

        AnswerCheck ANY = body -> null;
    }

    private RawRequests() {
    }

    static RawRequest next(Workload workload, Dataset data, ThreadLocalRandom random) {
        return switch (workload) {
            case PUT -> putItem(Dataset.KV_TABLE, data.kvItem(random.nextInt(data.items()), random));
            case PUT_GSI -> putItem(Dataset.GSI_TABLE, data.gsiItem(random.nextInt(data.items()), random));
            case GET -> getItem(data, random);
            case UPDATE -> updateItem(data, random);
            case QUERY -> query(data, random);
            case YCSB_A -> random.nextBoolean() ? getItem(data, random) : updateItem(data, random);
            case BATCH_WRITE -> batchWrite(data, random);
            case TRANSACT_WRITE -> transactWrite(data, random);
        };
    }

    static RawRequest putItem(String table, Map<String, AttributeValue> item) {
        StringBuilder json = new StringBuilder(320).append("{\"TableName\":\"").append(table).append("\",\"Item\":");
        attributes(json, item).append('}');
        return new RawRequest("PutItem", bytes(json), AnswerCheck.ANY);
    }

    static RawRequest getItem(Dataset data, ThreadLocalRandom random) {
        return getItem(data, random.nextInt(data.items()));
    }

    /** GetItem of bench_kv's i-th key. */
    static RawRequest getItem(Dataset data, int index) {
        StringBuilder json = new StringBuilder(80).append("{\"TableName\":\"").append(Dataset.KV_TABLE).append("\",\"Key\":");
        attributes(json, data.kvKey(index)).append('}');
        return new RawRequest("GetItem", bytes(json),
                body -> JsonScan.nonEmptyObject(body, "Item") ? null : "GetItem found no item for key " + index);
    }

    static RawRequest updateItem(Dataset data, ThreadLocalRandom random) {
        int index = random.nextInt(data.items());
        StringBuilder json = new StringBuilder(200).append("{\"TableName\":\"").append(Dataset.KV_TABLE).append("\",\"Key\":");
        attributes(json, data.kvKey(index))
                .append(",\"UpdateExpression\":\"SET f = :v\",\"ConditionExpression\":\"attribute_exists(pk)\""
                        + ",\"ExpressionAttributeValues\":");
        attributes(json, Map.of(":v", data.field(random))).append('}');
        return new RawRequest("UpdateItem", bytes(json), AnswerCheck.ANY);
    }

    static RawRequest query(Dataset data, ThreadLocalRandom random) {
        int partitions = data.items() / Dataset.PARTITION_SIZE;
        int partition = partitions == 0 ? 0 : random.nextInt(partitions); // only full partitions, as Workload.QUERY
        int expected = Math.min(Dataset.PARTITION_SIZE, data.items());
        StringBuilder json = new StringBuilder(140).append("{\"TableName\":\"").append(Dataset.QUERY_TABLE)
                .append("\",\"KeyConditionExpression\":\"pk = :p\",\"ExpressionAttributeValues\":");
        attributes(json, Map.of(":p", data.partitionKey(partition))).append('}');
        return new RawRequest("Query", bytes(json), body -> {
            long count = JsonScan.number(body, "Count");
            return count == expected ? null : "Query returned " + (count < 0 ? "no Count" : count + " items") + ", not " + expected;
        });
    }

    static RawRequest batchWrite(Dataset data, ThreadLocalRandom random) {
        int size = Math.min(25, data.items());
        Set<Integer> keys = new HashSet<>();
        StringBuilder json = new StringBuilder(size * 300).append("{\"RequestItems\":{\"").append(Dataset.KV_TABLE).append("\":[");
        while (keys.size() < size) {
            int index = random.nextInt(data.items());
            if (keys.add(index)) { // DynamoDB rejects a batch that names one key twice
                json.append(keys.size() == 1 ? "" : ",").append("{\"PutRequest\":{\"Item\":");
                attributes(json, data.kvItem(index, random)).append("}}");
            }
        }
        json.append("]}}");
        return new RawRequest("BatchWriteItem", bytes(json),
                body -> JsonScan.emptyObjectOrAbsent(body, "UnprocessedItems") ? null : "BatchWriteItem left items unprocessed");
    }

    static RawRequest transactWrite(Dataset data, ThreadLocalRandom random) {
        int size = Math.min(4, data.items());
        Set<Integer> keys = new HashSet<>();
        StringBuilder json = new StringBuilder(size * 320).append("{\"TransactItems\":[");
        while (keys.size() < size) {
            int index = random.nextInt(data.items());
            if (keys.add(index)) { // DynamoDB rejects a transaction that names one item twice
                json.append(keys.size() == 1 ? "" : ",").append("{\"Put\":{\"TableName\":\"").append(Dataset.KV_TABLE)
                        .append("\",\"Item\":");
                attributes(json, data.kvItem(index, random)).append("}}");
            }
        }
        json.append("]}");
        return new RawRequest("TransactWriteItems", bytes(json), AnswerCheck.ANY);
    }

    /** {"name":{"S":"..."},...}: the data set has only strings and numbers. */
    static StringBuilder attributes(StringBuilder json, Map<String, AttributeValue> attributes) {
        json.append('{');
        boolean first = true;
        for (Map.Entry<String, AttributeValue> e : attributes.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            string(json, e.getKey()).append(':');
            AttributeValue value = e.getValue();
            if (value.s() != null) {
                string(json.append("{\"S\":"), value.s()).append('}');
            } else if (value.n() != null) {
                string(json.append("{\"N\":"), value.n()).append('}');
            } else {
                throw new IllegalArgumentException("The raw client writes only S and N attributes, not " + value);
            }
        }
        return json.append('}');
    }

    private static StringBuilder string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"');
    }

    private static byte[] bytes(StringBuilder json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
