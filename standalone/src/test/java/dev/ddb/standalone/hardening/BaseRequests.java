package dev.ddb.standalone.hardening;

import static dev.ddb.standalone.hardening.JsonTree.arr;
import static dev.ddb.standalone.hardening.JsonTree.num;
import static dev.ddb.standalone.hardening.JsonTree.obj;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.ddb.standalone.hardening.JsonTree.Obj;
import dev.ddb.standalone.hardening.RequestMutator.Base;

/**
 * Valid requests of every implemented operation against the fuzz tables: the starting points the
 * mutator breaks. Each call of {@link #any} builds a fresh one with randomly chosen keys.
 *
 * <ul>
 *   <li>{@value #HASH_S}: partition key {@code pk} (S), stream NEW_AND_OLD_IMAGES</li>
 *   <li>{@value #HASH_N_RANGE_B}: partition key {@code h} (N), sort key {@code r} (B)</li>
 *   <li>{@value #HASH_B_RANGE_S}: partition key {@code hb} (B), sort key {@code rs} (S)</li>
 *   <li>scratch tables {@code ScratchT}, {@code ScratchP}, {@code ScratchI} that the fuzz creates, updates and deletes</li>
 * </ul>
 *
 * No table name is a prefix of another and no mutation value is a core table's name, so a mutated
 * DeleteTable or UpdateTable never hits a core table (which also have deletion protection).
 */
final class BaseRequests {

    static final String HASH_S = "FuzzA_S";
    static final String HASH_N_RANGE_B = "FuzzB_NB";
    static final String HASH_B_RANGE_S = "FuzzC_BS";
    static final List<String> CORE_TABLES = List.of(HASH_S, HASH_N_RANGE_B, HASH_B_RANGE_S);
    static final List<String> SCRATCH_TABLES = List.of("ScratchT", "ScratchP", "ScratchI");

    /** What the Streams requests need: a real stream, shard, iterator and sequence number. */
    record StreamFixture(String streamArn, String shardId, String shardIterator, String sequenceNumber) {
    }

    private final Random random;
    private final StreamFixture stream;

    BaseRequests(Random random, StreamFixture stream) {
        this.random = random;
        this.stream = stream;
    }

    /** The operations covered, in the order {@link #any} cycles through them. */
    static final List<String> OPERATIONS = List.of("CreateTable", "DescribeTable", "ListTables", "UpdateTable", "DeleteTable",
            "PutItem", "GetItem", "UpdateItem", "DeleteItem", "Query", "Scan", "BatchGetItem", "BatchWriteItem",
            "ListStreams", "DescribeStream", "GetShardIterator", "GetRecords");

    /** A valid request of operation {@code index % OPERATIONS.size()}, a random variant of it. */
    Base any(int index) {
        String operation = OPERATIONS.get(Math.floorMod(index, OPERATIONS.size()));
        return switch (operation) {
            case "CreateTable" -> dynamodb(operation, createTable());
            case "DescribeTable" -> dynamodb(operation, obj("TableName", anyTableName()));
            case "ListTables" -> dynamodb(operation, oneOf(obj("Limit", num(3)),
                    obj("ExclusiveStartTableName", HASH_S, "Limit", num(100)), obj()));
            case "UpdateTable" -> dynamodb(operation, updateTable());
            case "DeleteTable" -> dynamodb(operation, obj("TableName", oneOf(SCRATCH_TABLES)));
            case "PutItem" -> dynamodb(operation, putItem(coreTable()));
            case "GetItem" -> dynamodb(operation, getItem(coreTable()));
            case "UpdateItem" -> dynamodb(operation, updateItem(coreTable()));
            case "DeleteItem" -> dynamodb(operation, deleteItem(coreTable()));
            case "Query" -> dynamodb(operation, query(coreTable()));
            case "Scan" -> dynamodb(operation, scan(coreTable()));
            case "BatchGetItem" -> dynamodb(operation, batchGetItem());
            case "BatchWriteItem" -> dynamodb(operation, batchWriteItem());
            case "ListStreams" -> streams(operation, oneOf(obj("TableName", HASH_S, "Limit", num(10)), obj(),
                    obj("ExclusiveStartStreamArn", stream.streamArn(), "Limit", num(1))));
            case "DescribeStream" -> streams(operation, oneOf(obj("StreamArn", stream.streamArn()),
                    obj("StreamArn", stream.streamArn(), "Limit", num(2), "ExclusiveStartShardId", stream.shardId())));
            case "GetShardIterator" -> streams(operation, getShardIterator());
            case "GetRecords" -> streams(operation, obj("ShardIterator", stream.shardIterator(), "Limit", num(100)));
            default -> throw new IllegalStateException(operation);
        };
    }

    private static Base dynamodb(String operation, Obj body) {
        return new Base(Wire.dynamodb(operation), operation, body);
    }

    private static Base streams(String operation, Obj body) {
        return new Base(Wire.streams(operation), operation, body);
    }

    // ---- tables ----

    private Obj createTable() {
        return switch (random.nextInt(3)) {
            case 0 -> obj("TableName", "ScratchT",
                    "AttributeDefinitions", arr(attribute("k", "S"), attribute("r", "N")),
                    "KeySchema", arr(keyElement("k", "HASH"), keyElement("r", "RANGE")),
                    "BillingMode", "PAY_PER_REQUEST");
            case 1 -> obj("TableName", "ScratchP",
                    "AttributeDefinitions", arr(attribute("k", "B")),
                    "KeySchema", arr(keyElement("k", "HASH")),
                    "ProvisionedThroughput", obj("ReadCapacityUnits", num(5), "WriteCapacityUnits", num(5)),
                    "StreamSpecification", obj("StreamEnabled", true, "StreamViewType", "KEYS_ONLY"),
                    "Tags", arr(obj("Key", "team", "Value", "fuzz")),
                    "DeletionProtectionEnabled", false,
                    "TableClass", "STANDARD",
                    "SSESpecification", obj("Enabled", false));
            default -> obj("TableName", "ScratchI",
                    "AttributeDefinitions", arr(attribute("k", "S"), attribute("r", "N"), attribute("g", "S")),
                    "KeySchema", arr(keyElement("k", "HASH"), keyElement("r", "RANGE")),
                    "GlobalSecondaryIndexes", arr(obj("IndexName", "gsi",
                            "KeySchema", arr(keyElement("g", "HASH")),
                            "Projection", obj("ProjectionType", "INCLUDE", "NonKeyAttributes", arr("x")))),
                    "LocalSecondaryIndexes", arr(obj("IndexName", "lsi",
                            "KeySchema", arr(keyElement("k", "HASH"), keyElement("g", "RANGE")),
                            "Projection", obj("ProjectionType", "KEYS_ONLY"))),
                    "BillingMode", "PAY_PER_REQUEST");
        };
    }

    private Obj updateTable() {
        return switch (random.nextInt(6)) {
            case 0 -> obj("TableName", "ScratchT", "StreamSpecification", obj("StreamEnabled", true, "StreamViewType", "NEW_IMAGE"));
            case 1 -> obj("TableName", "ScratchP", "BillingMode", "PAY_PER_REQUEST");
            case 2 -> obj("TableName", "ScratchT", "BillingMode", "PROVISIONED",
                    "ProvisionedThroughput", obj("ReadCapacityUnits", num(1), "WriteCapacityUnits", num(1)));
            case 3 -> obj("TableName", "ScratchP", "StreamSpecification", obj("StreamEnabled", false));
            case 4 -> obj("TableName", HASH_N_RANGE_B, "BillingMode", "PAY_PER_REQUEST");
            default -> obj("TableName", "ScratchI", "DeletionProtectionEnabled", false);
        };
    }

    private static Obj attribute(String name, String type) {
        return obj("AttributeName", name, "AttributeType", type);
    }

    private static Obj keyElement(String name, String type) {
        return obj("AttributeName", name, "KeyType", type);
    }

    // ---- items ----

    private String coreTable() {
        return oneOf(CORE_TABLES);
    }

    private String anyTableName() {
        return random.nextInt(4) == 0 ? oneOf(SCRATCH_TABLES) : coreTable();
    }

    static String hashName(String table) {
        return switch (table) {
            case HASH_S -> "pk";
            case HASH_N_RANGE_B -> "h";
            default -> "hb";
        };
    }

    static String rangeName(String table) {
        return switch (table) {
            case HASH_S -> null;
            case HASH_N_RANGE_B -> "r";
            default -> "rs";
        };
    }

    /** A key among a few per table, so that valid writes mostly overwrite. */
    Obj key(String table) {
        return switch (table) {
            case HASH_S -> obj("pk", obj("S", oneOf("a", "b", "c", "ü-ß", "\uD834\uDD1E")));
            case HASH_N_RANGE_B -> obj("h", obj("N", oneOf("1", "-2.5", "1E+10")), "r", obj("B", oneOf("AA==", "AQID", "/w==")));
            default -> obj("hb", obj("B", oneOf("AA==", "AQID")), "rs", obj("S", oneOf("x", "y#1", "é")));
        };
    }

    /** A key's hash part alone, as the key condition of a Query needs it. */
    private Obj hashValue(Obj key, String table) {
        return (Obj) JsonTree.copy(key.get(hashName(table)));
    }

    Obj item(String table) {
        Obj item = key(table);
        item.put("s", obj("S", "text"));
        item.put("n", obj("N", "42"));
        item.put("b", obj("B", "AAEC"));
        item.put("t", obj("BOOL", true));
        item.put("z", obj("NULL", true));
        item.put("l", obj("L", arr(obj("S", "x"), obj("N", "1"), obj("M", obj("k", obj("S", "v"))))));
        item.put("m", obj("M", obj("inner", obj("L", arr(obj("N", "2"))), "s", obj("S", "y"))));
        item.put("ss", obj("SS", arr("a", "b")));
        item.put("ns", obj("NS", arr("1", "2.5")));
        item.put("bs", obj("BS", arr("AQ==", "Ag==")));
        return item;
    }

    Obj putItem(String table) {
        return switch (random.nextInt(3)) {
            case 0 -> obj("TableName", table, "Item", item(table));
            case 1 -> obj("TableName", table, "Item", item(table),
                    "ConditionExpression", "attribute_not_exists(#k) OR #n < :max",
                    "ExpressionAttributeNames", obj("#k", hashName(table), "#n", "n"),
                    "ExpressionAttributeValues", obj(":max", obj("N", "100")),
                    "ReturnValues", "ALL_OLD", "ReturnConsumedCapacity", "TOTAL", "ReturnItemCollectionMetrics", "SIZE",
                    "ReturnValuesOnConditionCheckFailure", "ALL_OLD");
            default -> obj("TableName", table, "Item", item(table),
                    "Expected", obj("n", obj("ComparisonOperator", "LE", "AttributeValueList", arr(obj("N", "100")))),
                    "ReturnValues", "ALL_OLD");
        };
    }

    Obj getItem(String table) {
        return switch (random.nextInt(3)) {
            case 0 -> obj("TableName", table, "Key", key(table));
            case 1 -> obj("TableName", table, "Key", key(table), "ProjectionExpression", "#s, l[0], m.inner, ss",
                    "ExpressionAttributeNames", obj("#s", "s"), "ConsistentRead", true, "ReturnConsumedCapacity", "INDEXES");
            default -> obj("TableName", table, "Key", key(table), "AttributesToGet", arr("s", "n"));
        };
    }

    private Obj updateItem(String table) {
        if (random.nextInt(3) == 0) {
            return obj("TableName", table, "Key", key(table),
                    "AttributeUpdates", obj("s", obj("Action", "PUT", "Value", obj("S", "v")),
                            "cnt", obj("Action", "ADD", "Value", obj("N", "1")),
                            "z", obj("Action", "DELETE")),
                    "ReturnValues", "UPDATED_NEW");
        }
        return obj("TableName", table, "Key", key(table),
                "UpdateExpression", "SET #s = :s, cnt = if_not_exists(cnt, :zero) + :one, l = list_append(if_not_exists(l, :empty), :l)"
                        + " REMOVE z ADD ss :ss DELETE ns :ns",
                "ConditionExpression", "attribute_not_exists(#s) OR size(#s) < :max",
                "ExpressionAttributeNames", obj("#s", "s"),
                "ExpressionAttributeValues", obj(":s", obj("S", "u"), ":zero", obj("N", "0"), ":one", obj("N", "1"),
                        ":empty", obj("L", arr()), ":l", obj("L", arr(obj("S", "x"))), ":ss", obj("SS", arr("c")),
                        ":ns", obj("NS", arr("1")), ":max", obj("N", "1000")),
                "ReturnValues", oneOf("ALL_NEW", "UPDATED_OLD", "NONE"));
    }

    private Obj deleteItem(String table) {
        return random.nextBoolean()
                ? obj("TableName", table, "Key", key(table))
                : obj("TableName", table, "Key", key(table), "ConditionExpression", "attribute_exists(#k)",
                        "ExpressionAttributeNames", obj("#k", hashName(table)), "ReturnValues", "ALL_OLD");
    }

    private Obj query(String table) {
        Obj key = key(table);
        String hash = hashName(table);
        String range = rangeName(table);
        int variant = random.nextInt(4);
        if (variant == 0) {
            Obj conditions = obj(hash, obj("ComparisonOperator", "EQ", "AttributeValueList", arr(hashValue(key, table))));
            if (range != null) {
                conditions.put(range, obj("ComparisonOperator", "GE", "AttributeValueList", arr(JsonTree.copy(key.get(range)))));
            }
            return obj("TableName", table, "KeyConditions", conditions,
                    "QueryFilter", obj("n", obj("ComparisonOperator", "GT", "AttributeValueList", arr(obj("N", "0")))),
                    "ConditionalOperator", "AND", "Limit", num(5));
        }
        if (variant == 1) {
            return obj("TableName", "ScratchI", "IndexName", "gsi", "KeyConditionExpression", "g = :g",
                    "ExpressionAttributeValues", obj(":g", obj("S", "x")));
        }
        Obj names = obj("#h", hash);
        Obj values = obj(":h", hashValue(key, table), ":lo", obj("N", "0"), ":hi", obj("N", "100"));
        String condition = "#h = :h";
        if (HASH_N_RANGE_B.equals(table)) {
            condition += " AND #r BETWEEN :a AND :b";
            names.put("#r", range);
            values.put(":a", obj("B", "AA=="));
            values.put(":b", obj("B", "/w=="));
        } else if (HASH_B_RANGE_S.equals(table)) {
            condition += " AND begins_with(#r, :p)";
            names.put("#r", range);
            values.put(":p", obj("S", "x"));
        }
        Obj query = obj("TableName", table, "KeyConditionExpression", condition,
                "FilterExpression", "attribute_exists(s) AND n BETWEEN :lo AND :hi",
                "ExpressionAttributeNames", names, "ExpressionAttributeValues", values,
                "Limit", num(5), "ScanIndexForward", false, "ReturnConsumedCapacity", "TOTAL", "ConsistentRead", true);
        if (variant == 2) {
            query.put("ProjectionExpression", "s, n, m.inner");
            query.put("ExclusiveStartKey", key);
        } else {
            query.put("Select", "COUNT");
        }
        return query;
    }

    private Obj scan(String table) {
        return switch (random.nextInt(4)) {
            case 0 -> obj("TableName", table, "Limit", num(10), "Segment", num(0), "TotalSegments", num(2),
                    "FilterExpression", "#n > :z", "ExpressionAttributeNames", obj("#n", "n"),
                    "ExpressionAttributeValues", obj(":z", obj("N", "0")), "ProjectionExpression", "s, l[1], #n",
                    "Select", "SPECIFIC_ATTRIBUTES");
            case 1 -> obj("TableName", table, "ExclusiveStartKey", key(table), "Limit", num(3), "Select", "ALL_ATTRIBUTES");
            case 2 -> obj("TableName", table,
                    "ScanFilter", obj("s", obj("ComparisonOperator", "BEGINS_WITH", "AttributeValueList", arr(obj("S", "t")))),
                    "AttributesToGet", arr("s", "n"), "ReturnConsumedCapacity", "TOTAL");
            default -> obj("TableName", oneOf(table, "ScratchI"), "Select", "COUNT");
        };
    }

    private Obj batchGetItem() {
        return obj("RequestItems", obj(
                HASH_S, obj("Keys", arr(key(HASH_S), obj("pk", obj("S", "other"))), "ProjectionExpression", "#s, n",
                        "ExpressionAttributeNames", obj("#s", "s"), "ConsistentRead", true),
                HASH_N_RANGE_B, obj("Keys", arr(key(HASH_N_RANGE_B)), "AttributesToGet", arr("h", "r", "s")),
                HASH_B_RANGE_S, obj("Keys", arr(key(HASH_B_RANGE_S)))),
                "ReturnConsumedCapacity", "TOTAL");
    }

    private Obj batchWriteItem() {
        List<Object> writesA = new ArrayList<>();
        writesA.add(obj("PutRequest", obj("Item", item(HASH_S))));
        writesA.add(obj("DeleteRequest", obj("Key", obj("pk", obj("S", "batch-delete")))));
        return obj("RequestItems", obj(
                HASH_S, arr(writesA.toArray()),
                HASH_N_RANGE_B, arr(obj("PutRequest", obj("Item", item(HASH_N_RANGE_B)))),
                HASH_B_RANGE_S, arr(obj("DeleteRequest", obj("Key", key(HASH_B_RANGE_S))))),
                "ReturnConsumedCapacity", "TOTAL", "ReturnItemCollectionMetrics", "SIZE");
    }

    private Obj getShardIterator() {
        return switch (random.nextInt(4)) {
            case 0 -> obj("StreamArn", stream.streamArn(), "ShardId", stream.shardId(), "ShardIteratorType", "TRIM_HORIZON");
            case 1 -> obj("StreamArn", stream.streamArn(), "ShardId", stream.shardId(), "ShardIteratorType", "LATEST");
            case 2 -> obj("StreamArn", stream.streamArn(), "ShardId", stream.shardId(), "ShardIteratorType", "AT_SEQUENCE_NUMBER",
                    "SequenceNumber", stream.sequenceNumber());
            default -> obj("StreamArn", stream.streamArn(), "ShardId", stream.shardId(), "ShardIteratorType", "AFTER_SEQUENCE_NUMBER",
                    "SequenceNumber", stream.sequenceNumber());
        };
    }

    @SafeVarargs
    private <T> T oneOf(T... values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
