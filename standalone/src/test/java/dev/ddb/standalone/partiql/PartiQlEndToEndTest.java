package dev.ddb.standalone.partiql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.Clients;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import dev.ddb.standalone.streams.StreamApiReader;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * PartiQL through the whole stack with the AWS SDK for Java v2: ExecuteStatement's SELECT (as a
 * Query or a Scan, paged by NextToken), INSERT, UPDATE and DELETE with DynamoDB's answers and
 * errors; BatchExecuteStatement's per-statement errors; ExecuteTransaction's all or nothing; the
 * stream records of statements, read with the DynamoDB Streams API.
 */
class PartiQlEndToEndTest {

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

    /** A table keyed by "pk" (S) and "sk" (N), with two global indexes on "genre" (S): one of all attributes, one of keys. */
    static String newTable() {
        String name = "Songs" + TABLES.incrementAndGet();
        client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build(),
                        AttributeDefinition.builder().attributeName("genre").attributeType(ScalarAttributeType.S).build())
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName("ByGenre").keySchema(k -> k.attributeName("genre").keyType(KeyType.HASH))
                                .projection(p -> p.projectionType(ProjectionType.ALL)),
                        g -> g.indexName("GenreKeys").keySchema(k -> k.attributeName("genre").keyType(KeyType.HASH))
                                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
        return name;
    }

    static ExecuteStatementResponse execute(String statement, AttributeValue... parameters) {
        return client.executeStatement(r -> r.statement(statement).parameters(parameters.length == 0 ? null : List.of(parameters)));
    }

    static Map<String, AttributeValue> get(String table, String pk, int sk) {
        var response = client.getItem(b -> b.tableName(table).key(Map.of("pk", s(pk), "sk", n(Integer.toString(sk)))).consistentRead(true));
        return response.hasItem() ? response.item() : null;
    }

    static void assertValidation(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    @Test
    void insertThenSelectByKeyWithFiltersProjectionsAndParameters() {
        String t = newTable();
        assertThat(execute("INSERT INTO \"" + t + "\" VALUE {'pk': 'band', 'sk': 1, 'title': 'One', 'genre': 'rock',"
                + " 'plays': 10, 'tags': <<'a', 'b'>>, 'info': {'year': 1999, 'live': true}, 'parts': [1, 'x']}").items()).isEmpty();
        execute("INSERT INTO \"" + t + "\" VALUE {'pk': ?, 'sk': ?, 'title': ?, 'genre': 'jazz', 'plays': 3}",
                s("band"), n("2"), s("Two"));
        execute("INSERT INTO " + t + " VALUE {'pk': 'other', 'sk': 1, 'genre': 'rock'}");

        Map<String, AttributeValue> stored = get(t, "band", 1);
        assertThat(stored).containsEntry("tags", AttributeValue.fromSs(List.of("a", "b")))
                .containsEntry("info", AttributeValue.fromM(Map.of("year", n("1999"), "live", AttributeValue.fromBool(true))))
                .containsEntry("parts", AttributeValue.fromL(List.of(n("1"), s("x"))));

        assertThat(execute("SELECT * FROM \"" + t + "\" WHERE pk = 'band'").items()).extracting(i -> i.get("title"))
                .containsExactly(s("One"), s("Two"));
        assertThat(execute("SELECT * FROM \"" + t + "\" WHERE pk = 'band' ORDER BY sk DESC").items()).extracting(i -> i.get("sk"))
                .containsExactly(n("2"), n("1"));
        assertThat(execute("SELECT title, info.\"year\" FROM \"" + t + "\" WHERE pk = ? AND sk >= ? AND plays > 5",
                s("band"), n("1"), n("0")).items())
                .containsExactly(Map.of("title", s("One"), "year", n("1999"))); // a nested path's value under its own name
        assertThat(execute("SELECT parts[1] FROM \"" + t + "\" WHERE pk = 'band' AND sk = 1").items())
                .containsExactly(Map.of("parts", s("x")));
        // no partition key condition: a Scan with the whole WHERE as its filter
        assertThat(execute("SELECT pk FROM \"" + t + "\" WHERE genre = 'rock' AND begins_with(pk, 'o')").items())
                .containsExactly(Map.of("pk", s("other")));
        assertThat(execute("SELECT sk FROM \"" + t + "\" WHERE pk IN ['band', 'nobody'] AND title IS NOT MISSING").items())
                .hasSize(2);
        assertThat(execute("SELECT pk FROM \"" + t + "\".\"ByGenre\" WHERE genre = 'jazz'").items())
                .containsExactly(Map.of("pk", s("band")));

        assertThatThrownBy(() -> execute("INSERT INTO \"" + t + "\" VALUE {'pk': 'band', 'sk': 1}"))
                .isInstanceOfSatisfying(DuplicateItemException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Duplicate primary key exists in table"));
        assertThat(get(t, "band", 1)).containsEntry("title", s("One"));
    }

    @Test
    void updateAndDeleteNameTheWholeKeyAndTheRestOfTheWhereIsTheirCondition() {
        String t = newTable();
        execute("INSERT INTO \"" + t + "\" VALUE {'pk': 'a', 'sk': 1, 'plays': 1, 'tags': <<'x'>>, 'old': 'yes'}");

        ExecuteStatementResponse updated = execute("UPDATE \"" + t + "\" SET plays = plays + 1 SET tags = set_add(tags, <<'y'>>)"
                + " REMOVE old WHERE pk = 'a' AND sk = 1 AND plays = 1 RETURNING ALL NEW *");
        assertThat(updated.items()).containsExactly(Map.of("pk", s("a"), "sk", n("1"), "plays", n("2"),
                "tags", AttributeValue.fromSs(List.of("x", "y"))));
        assertThat(execute("UPDATE \"" + t + "\" SET plays = 7 WHERE pk = 'a' AND sk = 1 RETURNING MODIFIED OLD *").items())
                .containsExactly(Map.of("plays", n("2")));
        execute("FROM \"" + t + "\" WHERE pk = 'a' AND sk = 1 SET note = 'from first'");
        assertThat(get(t, "a", 1)).containsEntry("note", s("from first"));

        // a condition that does not hold, and an item that does not exist: nothing is written
        assertThatThrownBy(() -> execute("UPDATE \"" + t + "\" SET plays = 0 WHERE pk = 'a' AND sk = 1 AND plays = 100"))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThatThrownBy(() -> execute("UPDATE \"" + t + "\" SET plays = 0 WHERE pk = 'none' AND sk = 1"))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(get(t, "none", 1)).isNull();
        assertValidation(() -> execute("UPDATE \"" + t + "\" SET plays = 0 WHERE pk = 'a'"),
                "Where clause does not contain a mandatory equality on all key attributes");

        // deleting an item that is not there is no error
        assertThat(execute("DELETE FROM \"" + t + "\" WHERE pk = 'none' AND sk = 1").items()).isEmpty();
        assertThatThrownBy(() -> execute("DELETE FROM \"" + t + "\" WHERE pk = 'a' AND sk = 1 AND plays = 0"))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertValidation(() -> execute("DELETE FROM \"" + t + "\" WHERE pk = 'a' AND sk = 1 RETURNING ALL NEW *"),
                "Invalid returning clause: RETURNING ALL NEW *. Only RETURNING ALL OLD * is allowed in DELETE statements.");
        assertThat(execute("DELETE FROM \"" + t + "\" WHERE pk = 'a' AND sk = 1 RETURNING ALL OLD *").items())
                .singleElement().satisfies(old -> assertThat(old).containsEntry("plays", n("7")));
        assertThat(get(t, "a", 1)).isNull();
    }

    @Test
    void aSelectIsPagedByNextTokenAndCharged() {
        String t = newTable();
        for (int i = 0; i < 25; i++) {
            execute("INSERT INTO \"" + t + "\" VALUE {'pk': ?, 'sk': ?, 'genre': 'pop'}", s("p" + (i % 3)), n(Integer.toString(i)));
        }
        List<Map<String, AttributeValue>> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String from = token;
            ExecuteStatementResponse page = client.executeStatement(r -> r.statement("SELECT * FROM \"" + t + "\"")
                    .limit(10).nextToken(from).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            assertThat(page.consumedCapacity().tableName()).isEqualTo(t);
            all.addAll(page.items());
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(all).hasSize(25);
        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertValidation(() -> client.executeStatement(r -> r.statement("SELECT * FROM \"" + t + "\"").nextToken("not-a-token")),
                "Invalid NextToken");

        // a partition key IN a list: a Query per value, in the list's order, paged across them
        List<Map<String, AttributeValue>> listed = new ArrayList<>();
        String next = null;
        do {
            String from = next;
            ExecuteStatementResponse page = client.executeStatement(r -> r.statement(
                    "SELECT pk, sk FROM \"" + t + "\" WHERE pk IN ['p2', 'p0', 'p2'] AND sk >= 0").limit(3).nextToken(from));
            assertThat(page.items().size()).isLessThanOrEqualTo(3);
            listed.addAll(page.items());
            next = page.nextToken();
        } while (next != null);
        assertThat(listed).extracting(item -> item.get("pk").s())
                .containsExactlyElementsOf(java.util.stream.Stream.concat(java.util.Collections.nCopies(8, "p2").stream(),
                        java.util.Collections.nCopies(9, "p0").stream()).toList());
        assertThat(listed.subList(0, 8)).extracting(item -> Integer.parseInt(item.get("sk").n())).isSorted();
    }

    @Test
    void badStatementsGetDynamoDbsErrors() {
        String t = newTable();
        assertValidation(() -> execute("SELECT * FROM \"" + t + "\" WHERE pk = 'a' foo"),
                "Statement wasn't well formed, can't be processed: Unexpected token after expression");
        assertValidation(() -> execute("SELECT * FROM \"" + t + "\" WHERE"),
                "Statement wasn't well formed, can't be processed: Unexpected term");
        assertValidation(() -> execute("SELECT * FROM \"" + t + "\" WHERE pk = ? AND sk = ?", s("a")),
                "Number of parameters in request and statement don't match.");
        assertValidation(() -> execute("INSERT INTO \"" + t + "\" VALUE {'pk': 'a'}"),
                "Key attribute should be present in the item: Key sk");
        assertValidation(() -> execute("UPDATE \"" + t + "\" SET tags = set_add(tags, <<>>) WHERE pk = 'a' AND sk = 1"),
                "Empty bags are not supported");
        assertValidation(() -> execute("SELECT * FROM \"" + t + "\" ORDER BY sk"),
                "Must have WHERE clause in the statement when using ORDER BY clause.");
        assertThatThrownBy(() -> execute("SELECT * FROM \"NoSuchTable\" WHERE pk = 'a'"))
                .isInstanceOf(ResourceNotFoundException.class);
        assertValidation(() -> execute("SELECT title, pk, plays FROM \"" + t + "\".\"GenreKeys\" WHERE genre = 'rock'"),
                "One or more parameter values were invalid: Global secondary index GenreKeys does not project [title, plays]");
        // the expressions a statement is run as do not show in its messages
        assertValidation(() -> execute("SELECT * FROM \"" + t + "\" WHERE plays < true"),
                "Incorrect operand type for operator or function; operator or function: <, operand type: BOOL");
        assertValidation(() -> execute("SELECT * FROM \"" + t + "\" WHERE pk = 'a' AND EXISTS(plays)"),
                "Unrecognized function: exists at 1:" + (("SELECT * FROM \"" + t + "\" WHERE pk = 'a' AND ").length() + 1) + ":6");
        assertValidation(() -> execute("SELECT * FROM \"" + t + "\" WHERE pk = ?", AttributeValue.fromN("1e99999999999")),
                "The parameter cannot be converted to a numeric value: 1e99999999999");
        execute("INSERT INTO \"" + t + "\" VALUE {'pk': 'flags', 'sk': 1, 'seen': true}");
        assertThat(execute("SELECT sk FROM \"" + t + "\" WHERE pk = 'flags' AND attribute_exists(seen) = true").items()).hasSize(1);
    }

    @Test
    void aBatchAnswersEachStatementInItsPlace() {
        String t = newTable();
        execute("INSERT INTO \"" + t + "\" VALUE {'pk': 'taken', 'sk': 1}");

        BatchExecuteStatementResponse writes = client.batchExecuteStatement(r -> r.statements(
                batch("INSERT INTO \"" + t + "\" VALUE {'pk': 'b1', 'sk': 1, 'v': 1}"),
                batch("INSERT INTO \"" + t + "\" VALUE {'pk': 'taken', 'sk': 1}"),
                batch("UPDATE \"" + t + "\" SET v = 2 WHERE pk = 'taken' AND sk = 1"),
                batch("DELETE FROM \"NoSuchTable\" WHERE pk = 'x' AND sk = 1")));
        assertThat(writes.responses()).hasSize(4);
        assertThat(writes.responses().get(0).error()).isNull();
        assertThat(writes.responses().get(0).tableName()).isEqualTo(t);
        assertThat(writes.responses().get(1).error().codeAsString()).isEqualTo("DuplicateItem");
        assertThat(writes.responses().get(2).error()).isNull();
        assertThat(writes.responses().get(3).error().codeAsString()).isEqualTo("ResourceNotFound");
        assertThat(get(t, "b1", 1)).containsEntry("v", n("1"));
        assertThat(get(t, "taken", 1)).containsEntry("v", n("2"));

        BatchExecuteStatementResponse reads = client.batchExecuteStatement(r -> r.statements(
                batch("SELECT v FROM \"" + t + "\" WHERE pk = 'b1' AND sk = 1"),
                batch("SELECT * FROM \"" + t + "\" WHERE pk = 'absent' AND sk = 1"),
                batch("SELECT * FROM \"" + t + "\" WHERE pk = 'b1'")));
        assertThat(reads.responses().get(0).item()).isEqualTo(Map.of("v", n("1")));
        assertThat(reads.responses().get(1).hasItem()).isFalse();
        assertThat(reads.responses().get(2).error().codeAsString()).isEqualTo("ValidationError");
        assertThat(reads.responses().get(2).error().message())
                .isEqualTo("Select statements within BatchExecuteStatement must specify the primary key in the where clause.");

        assertValidation(() -> client.batchExecuteStatement(r -> r.statements(
                        batch("SELECT * FROM \"" + t + "\" WHERE pk = 'b1' AND sk = 1"),
                        batch("DELETE FROM \"" + t + "\" WHERE pk = 'b1' AND sk = 1"))),
                "Read and write requests together in the same batch is not supported.");
    }

    @Test
    void aTransactionIsAllOrNothing() {
        String t = newTable();
        execute("INSERT INTO \"" + t + "\" VALUE {'pk': 'acct', 'sk': 1, 'balance': 10}");

        ExecuteTransactionResponse done = client.executeTransaction(r -> r.transactStatements(
                tx("UPDATE \"" + t + "\" SET balance = balance - 5 WHERE pk = 'acct' AND sk = 1 AND balance >= 5"),
                tx("INSERT INTO \"" + t + "\" VALUE {'pk': 'acct', 'sk': 2, 'balance': 5}")));
        assertThat(done.responses()).isEmpty();
        assertThat(get(t, "acct", 1)).containsEntry("balance", n("5"));

        assertThatThrownBy(() -> client.executeTransaction(r -> r.transactStatements(
                tx("UPDATE \"" + t + "\" SET balance = balance - 5 WHERE pk = 'acct' AND sk = 1"),
                tx("INSERT INTO \"" + t + "\" VALUE {'pk': 'acct', 'sk': 2}"))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.cancellationReasons()).extracting(reason -> reason.code()).containsExactly("None", "DuplicateItem");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                            "Transaction cancelled, please refer cancellation reasons for specific reasons [None, DuplicateItem]");
                });
        assertThat(get(t, "acct", 1)).containsEntry("balance", n("5"));

        // EXISTS: a condition on another item, which cancels the whole transaction when it does not hold
        assertThatThrownBy(() -> client.executeTransaction(r -> r.transactStatements(
                tx("EXISTS(SELECT * FROM \"" + t + "\" WHERE pk = 'acct' AND sk = 2 AND balance > 100)"),
                tx("UPDATE \"" + t + "\" SET balance = 0 WHERE pk = 'acct' AND sk = 1"))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(e.cancellationReasons())
                        .extracting(reason -> reason.code()).containsExactly("ConditionalCheckFailed", "None"));
        client.executeTransaction(r -> r.transactStatements(
                tx("EXISTS(SELECT * FROM \"" + t + "\" WHERE pk = 'acct' AND sk = 2 AND balance = 5)"),
                tx("UPDATE \"" + t + "\" SET balance = 1 WHERE pk = 'acct' AND sk = 1")));
        assertThat(get(t, "acct", 1)).containsEntry("balance", n("1"));
        client.executeTransaction(r -> r.transactStatements(tx("UPDATE \"" + t + "\" SET balance = 5 WHERE pk = 'acct' AND sk = 1")));

        ExecuteTransactionResponse read = client.executeTransaction(r -> r.transactStatements(
                tx("SELECT balance FROM \"" + t + "\" WHERE pk = 'acct' AND sk = 1"),
                tx("SELECT * FROM \"" + t + "\" WHERE pk = 'acct' AND sk = 3")));
        assertThat(read.responses()).hasSize(2);
        assertThat(read.responses().get(0).item()).isEqualTo(Map.of("balance", n("5")));
        assertThat(read.responses().get(1).hasItem()).isFalse();

        assertValidation(() -> client.executeTransaction(r -> r.transactStatements(
                        tx("SELECT * FROM \"" + t + "\" WHERE pk = 'acct'"))),
                "Validation failed in TransactStatements[0]: Select statements within ExecuteTransaction must specify the primary key in the where clause.");
        assertValidation(() -> client.executeTransaction(r -> r.transactStatements(
                        tx("SELECT * FROM \"" + t + "\" WHERE pk = 'acct' AND sk = 1"),
                        tx("DELETE FROM \"" + t + "\" WHERE pk = 'acct' AND sk = 1"))),
                "ExecuteTransaction API does not support both read and write operations in the same request.");
    }

    @Test
    void statementsWriteTheTablesStreamAsTheOperationsTheyBecome() {
        String t = "Streamed" + TABLES.incrementAndGet();
        client.createTable(b -> b.tableName(t).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .streamSpecification(st -> st.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        execute("INSERT INTO \"" + t + "\" VALUE {'pk': 'a', 'n': 1}");
        execute("UPDATE \"" + t + "\" SET n = n + 1 WHERE pk = 'a'");
        client.executeTransaction(r -> r.transactStatements(tx("DELETE FROM \"" + t + "\" WHERE pk = 'a'")));

        String streamArn = client.describeTable(b -> b.tableName(t)).table().latestStreamArn();
        try (DynamoDbStreamsClient streams = Clients.streams(stack.gatewayUrl())) {
            List<Record> records = new StreamApiReader(streams).readAll(streamArn, 3, Duration.ofSeconds(30)).values().stream()
                    .flatMap(List::stream).toList();
            assertThat(records).extracting(Record::eventNameAsString).containsExactly("INSERT", "MODIFY", "REMOVE");
            assertThat(records.get(1).dynamodb().oldImage()).containsEntry("n", n("1"));
            assertThat(records.get(1).dynamodb().newImage()).containsEntry("n", n("2"));
            assertThat(records.get(2).dynamodb().oldImage()).containsEntry("n", n("2"));
        }
    }

    private static BatchStatementRequest batch(String statement) {
        return BatchStatementRequest.builder().statement(statement).build();
    }

    private static ParameterizedStatement tx(String statement) {
        return ParameterizedStatement.builder().statement(statement).build();
    }
}
