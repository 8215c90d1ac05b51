package dev.ddb.item.partiql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.ScalarAttributeType;
import dev.ddb.common.table.TableDescription;
import dev.ddb.item.support.TestTables;
import tools.jackson.databind.JsonNode;

/** Which item operation each statement becomes, and the expressions it carries. */
class StatementRequestsTest {

    private static final TableDescription TABLE = TestTables.table("T", "tid",
            new KeySchema("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N));

    private static Statement parse(String text, JsonNode... parameters) {
        return StatementParser.parse(text, List.of(parameters));
    }

    private static ItemRequest select(String text) {
        List<ItemRequest> reads = StatementRequests.select((Statement.Select) parse(text), TABLE);
        assertThat(reads).hasSize(1);
        return reads.get(0);
    }

    @Test
    void aSelectNamingThePartitionKeyIsAQueryWithItsSortKeyConditionAndTheRestAsFilter() {
        ItemRequest query = select("SELECT a, b.c[1] FROM \"T\" WHERE pk = 'x' AND sk BETWEEN 1 AND 5 AND a <> 'y'");
        assertThat(query.operation()).isEqualTo("Query");
        assertThat(query.request().get("KeyConditionExpression").asString()).isEqualTo("#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2");
        assertThat(query.request().get("FilterExpression").asString()).isEqualTo("#n2 <> :v3");
        assertThat(query.request().get("ProjectionExpression").asString()).isEqualTo("#n2, #n3"); // nested: whole attributes
        assertThat(query.request().get("ExpressionAttributeValues").toString())
                .isEqualTo("{\":v0\":{\"S\":\"x\"},\":v1\":{\"N\":\"1\"},\":v2\":{\"N\":\"5\"},\":v3\":{\"S\":\"y\"}}");
    }

    @Test
    void aSelectWithoutThePartitionKeyOrWithASecondConditionOnAKeyIsAScan() {
        assertThat(select("SELECT * FROM T WHERE a = 1").operation()).isEqualTo("Scan");
        assertThat(select("SELECT * FROM T").operation()).isEqualTo("Scan");
        assertThat(select("SELECT * FROM T WHERE pk = 'x' OR a = 1").operation()).isEqualTo("Scan");
        // a Query's filter may not read a key: both sort key conditions go to a Scan's filter
        ItemRequest scan = select("SELECT * FROM T WHERE pk = 'x' AND sk > 1 AND sk < 9");
        assertThat(scan.operation()).isEqualTo("Scan");
        assertThat(scan.request().get("FilterExpression").asString()).isEqualTo("(#n0 = :v0) AND (#n1 > :v1) AND (#n1 < :v2)");
    }

    @Test
    void parametersTakeThePlacesOfTheQuestionMarksInOrder() {
        ItemRequest query = StatementRequests.select((Statement.Select) parse("SELECT * FROM T WHERE pk = ? AND begins_with(x, ?)",
                Json.object().put("S", "p"), Json.object().put("S", "q")), TABLE).get(0);
        assertThat(query.request().get("FilterExpression").asString()).isEqualTo("begins_with(#n1, :v1)");
        assertThat(query.request().get("ExpressionAttributeValues").toString()).isEqualTo("{\":v0\":{\"S\":\"p\"},\":v1\":{\"S\":\"q\"}}");
        assertThatThrownBy(() -> parse("SELECT * FROM T WHERE pk = ?"))
                .hasMessage("Number of parameters in request and statement don't match.");
    }

    @Test
    void anUpdateIsAnUpdateItemOfAnItemThatMustExist() {
        ItemRequest update = StatementRequests.update((Statement.Update) parse(
                "UPDATE T SET n = n + 1, s = set_add(s, <<'a'>>) REMOVE old WHERE sk = 2 AND pk = 'k' AND n < 10 RETURNING ALL NEW *"), TABLE);
        assertThat(update.operation()).isEqualTo("UpdateItem");
        assertThat(update.request().get("Key").toString()).isEqualTo("{\"pk\":{\"S\":\"k\"},\"sk\":{\"N\":\"2\"}}");
        assertThat(update.request().get("UpdateExpression").asString()).isEqualTo("SET #n0 = #n0 + :v0 REMOVE #n2 ADD #n1 :v1");
        assertThat(update.request().get("ConditionExpression").asString()).isEqualTo("attribute_exists(#n3) AND (#n0 < :v2)");
        assertThat(update.request().get("ReturnValues").asString()).isEqualTo("ALL_NEW");
    }

    @Test
    void aDeleteOfNoItemIsNoErrorAndTheRestOfItsWhereHoldsOfAnItemThatIsThere() {
        ItemRequest plain = StatementRequests.delete((Statement.Delete) parse("DELETE FROM T WHERE pk = 'k' AND sk = 1"), TABLE);
        assertThat(plain.request().has("ConditionExpression")).isFalse();
        ItemRequest conditional = StatementRequests.delete((Statement.Delete) parse(
                "DELETE FROM T WHERE pk = 'k' AND sk = 1 AND x IS NOT MISSING"), TABLE);
        assertThat(conditional.request().get("ConditionExpression").asString())
                .isEqualTo("attribute_not_exists(#n0) OR (attribute_exists(#n1))");
    }

    @Test
    void aSelectInABatchOrTransactionIsAGetItemByTheWholeKeyOnly() {
        assertThat(StatementRequests.getItem((Statement.Select) parse("SELECT a FROM T WHERE pk = 'k' AND sk = 1"), TABLE)
                .operation()).isEqualTo("GetItem");
        assertThat(StatementRequests.getItem((Statement.Select) parse("SELECT a FROM T WHERE pk = 'k'"), TABLE)).isNull();
        assertThat(StatementRequests.getItem((Statement.Select) parse("SELECT a FROM T WHERE pk = 'k' AND sk = 1 AND a = 1"), TABLE))
                .isNull();
    }

    @Test
    void literalsAreDynamoDbsAttributeValues() {
        Statement.Insert insert = (Statement.Insert) parse("INSERT INTO T VALUE {'pk': 'it''s', 'sk': -1.5e3, 'm': {'l': [true, null]},"
                + " 'ss': <<'a', 'b'>>, 'ns': <<1, 2>>} -- a comment");
        assertThat(insert.item().toString()).isEqualTo("{\"pk\":{\"S\":\"it's\"},\"sk\":{\"N\":\"-1.5e3\"},"
                + "\"m\":{\"M\":{\"l\":{\"L\":[{\"BOOL\":true},{\"NULL\":true}]}}},\"ss\":{\"SS\":[\"a\",\"b\"]},\"ns\":{\"NS\":[\"1\",\"2\"]}}");
        assertThatThrownBy(() -> parse("INSERT INTO T VALUE {'pk': <<'a', 1>>}"))
                .hasMessage("Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags");
    }

    @Test
    void syntaxErrorsAreDynamoDbsTwo() {
        assertThatThrownBy(() -> parse("SELECT * FROM T WHERE pk = 1 foo")).isInstanceOf(DynamoDbException.class)
                .hasMessage("Statement wasn't well formed, can't be processed: Unexpected token after expression");
        assertThatThrownBy(() -> parse("SELECT * FROM T WHERE"))
                .hasMessage("Statement wasn't well formed, can't be processed: Unexpected term");
        assertThatThrownBy(() -> parse("SELECTT * FROM T"))
                .hasMessageStartingWith("Statement wasn't well formed, can't be processed: ");
        // nesting deep enough to exhaust the parser's stack is refused before parsing
        assertThatThrownBy(() -> parse("SELECT * FROM T WHERE " + "(".repeat(4000) + "a = 1" + ")".repeat(4000)))
                .isInstanceOf(DynamoDbException.class);
        assertThatThrownBy(() -> parse("INSERT INTO T VALUE " + "{'a': ".repeat(2000) + "1" + "}".repeat(2000)))
                .isInstanceOf(DynamoDbException.class);
        assertThat(parse("SELECT * FROM T WHERE " + "(".repeat(50) + "a = '((((('" + ")".repeat(50))).isNotNull();
        assertThat(parse("SELECT * FROM T WHERE a < 1" + " AND a < 1".repeat(200))).isNotNull();
    }

    @Test
    void isTestsAnAttributesTypeAndMissingItsPresence() {
        ItemRequest scan = select("SELECT * FROM T WHERE a IS NOT MISSING AND b IS BOOLEAN AND c IS NOT NULL AND d IS string");
        assertThat(scan.request().get("FilterExpression").asString()).isEqualTo("(attribute_exists(#n0)) AND "
                + "(attribute_type(#n1, :v0)) AND (NOT attribute_type(#n2, :v1)) AND (attribute_type(#n3, :v2))");
        assertThat(scan.request().get("ExpressionAttributeValues").toString())
                .isEqualTo("{\":v0\":{\"S\":\"BOOL\"},\":v1\":{\"S\":\"NULL\"},\":v2\":{\"S\":\"S\"}}");
        assertThatThrownBy(() -> parse("SELECT * FROM T WHERE a IS DATE")).hasMessage("Unsupported data type for IS operator: DATE."
                + " Supported data types are [MISSING, NULL, BOOLEAN, BLOB, STRING, NUMERIC, STRUCT, TUPLE, LIST]");
    }

    @Test
    void existsIsATransactionsConditionCheckOnTheItemItsWhereNames() {
        ItemRequest check = StatementRequests.conditionCheck((Statement.Exists) parse(
                "EXISTS(SELECT * FROM T WHERE pk = 'k' AND sk = 1 AND n > 5)"), TABLE);
        assertThat(check.operation()).isEqualTo("ConditionCheck");
        assertThat(check.request().get("Key").toString()).isEqualTo("{\"pk\":{\"S\":\"k\"},\"sk\":{\"N\":\"1\"}}");
        assertThat(check.request().get("ConditionExpression").asString()).isEqualTo("attribute_exists(#n0) AND (#n1 > :v0)");
        assertThat(StatementRequests.conditionCheck((Statement.Exists) parse("EXISTS(SELECT * FROM T WHERE pk = 'k' AND sk = 1)"),
                TABLE)).isNull();
        assertThatThrownBy(() -> PartiQlOperations.write(parse("EXISTS(SELECT * FROM T WHERE pk = 'k' AND sk = 1 AND n > 5)"), TABLE))
                .hasMessage("EXISTS can only be used in ExecuteTransaction write requests.");
        // exists() in a WHERE is no function of DynamoDB's
        assertThatThrownBy(() -> select("SELECT * FROM T WHERE exists(a)")).hasMessage("Unrecognized function: exists at 1:23:6");
    }

    @Test
    void aliasesAreRefused() {
        assertThatThrownBy(() -> parse("SELECT * FROM T t WHERE t.pk = 'a'")).hasMessage("Aliasing is not supported");
        assertThatThrownBy(() -> parse("UPDATE T AS t SET a = 1 WHERE pk = 'a'")).hasMessage("Aliasing is not supported");
        assertThatThrownBy(() -> parse("DELETE FROM T t WHERE pk = 'a'")).hasMessage("Aliasing is not supported");
    }

    @Test
    void chainsOfAndOrNotAndPlusCostNoStack() throws Exception {
        // run where a request runs: on a thread with a small stack
        String ands = "SELECT * FROM T WHERE a = 1" + " AND a = 1".repeat(800);
        String ors = "SELECT * FROM T WHERE a = 1" + " OR a = 1".repeat(800);
        String nots = "SELECT * FROM T WHERE " + "NOT ".repeat(2000) + "a = 1";
        String[] results = new String[3];
        Thread thread = new Thread(null, () -> {
            results[0] = select(ands).request().get("FilterExpression").asString();
            results[1] = select(ors).request().get("FilterExpression").asString();
            results[2] = select(nots).request().get("FilterExpression").asString();
        }, "small-stack", 256 * 1024);
        thread.start();
        thread.join();
        assertThat(results[0]).startsWith("(#n0 = :v0) AND (#n0 = :v1) AND");
        assertThat(results[1]).startsWith("(#n0 = :v0) OR (#n0 = :v1) OR");
        assertThat(results[2]).isEqualTo("#n0 = :v0"); // an even number of NOTs
        assertThatThrownBy(() -> parse("SELECT * FROM T WHERE a = 1+1+1"))
                .hasMessage("Statement wasn't well formed, can't be processed: Unexpected token after expression");
        // brackets in comments count no more than brackets in strings
        assertThatThrownBy(() -> parse("SELECT * FROM T WHERE /* ' */ " + "(".repeat(150) + "a = 1" + ")".repeat(150)))
                .hasMessage("Statement wasn't well formed, can't be processed: ");
        assertThatThrownBy(() -> parse("SELECT * FROM T WHERE -- '\n " + "(".repeat(150) + "a = 1" + ")".repeat(150)))
                .hasMessage("Statement wasn't well formed, can't be processed: ");
        // a line comment ends at \r too: the brackets after it count
        assertThatThrownBy(() -> parse("SELECT * FROM T WHERE -- c\r" + "(".repeat(1000) + "a = 1" + ")".repeat(1000)))
                .hasMessage("Statement wasn't well formed, can't be processed: ");
    }

    @Test
    void numbersAreCheckedAsPartiQlChecksThem() {
        assertThatThrownBy(() -> parse("SELECT * FROM T WHERE pk = 1e126"))
                .hasMessage("Number overflow. Attempting to store a number with magnitude larger than supported range under root");
        assertThatThrownBy(() -> parse("INSERT INTO T VALUE {'pk': 'a', 'm': {'x': [1, 1e-131]}}"))
                .hasMessage("Number underflow. Attempting to store a number with magnitude smaller than supported range under root.x[1]");
        assertThatThrownBy(() -> parse("SELECT * FROM T WHERE pk = 1.5e-2147483647"))
                .hasMessage("Statement wasn't well formed, can't be processed: ");
        assertThatThrownBy(() -> parse("SELECT * FROM T WHERE pk = 1e2147483648"))
                .hasMessage("Statement wasn't well formed, can't be processed: ");
        assertThatThrownBy(() -> PartiQlOperations.parse(Json.object().put("Statement", "SELECT * FROM T WHERE pk = ?")
                .set("Parameters", Json.array().add(Json.object().put("N", "1e99999999999")))))
                .hasMessage("The parameter cannot be converted to a numeric value: 1e99999999999");
        assertThatThrownBy(() -> PartiQlOperations.parse(Json.object().put("Statement", "SELECT * FROM T WHERE pk = ?")
                .set("Parameters", Json.array().add(Json.object().put("N", "")))))
                .hasMessage("The parameter cannot be converted to a numeric value");
        assertThatThrownBy(() -> PartiQlOperations.parse(Json.object().put("Statement", "SELECT * FROM T WHERE pk = ?")
                .set("Parameters", Json.array().add(Json.object().put("N", "1e-2147483648")))))
                .hasMessage("The parameter cannot be converted to a numeric value: 1e-2147483648");
        // a value nested too deep is reported before a bad number after it
        String deep = "{\"M\": {\"a\": ".repeat(40) + "{\"N\": \"1\"}" + "}}".repeat(40);
        tools.jackson.databind.node.ArrayNode parameters = Json.array().add(Json.read(deep.getBytes()))
                .add(Json.object().put("N", "1e99999999999"));
        assertThatThrownBy(() -> PartiQlOperations.parse(Json.object().put("Statement", "SELECT * FROM T WHERE pk = ? AND a = ?")
                .set("Parameters", parameters)))
                .hasMessage("Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit");
    }

    @Test
    void aTestComparedWithABooleanIsTheTestOrItsNegation() {
        assertThat(select("SELECT * FROM T WHERE attribute_exists(a) = true").request().get("FilterExpression").asString())
                .isEqualTo("attribute_exists(#n0)");
        assertThat(select("SELECT * FROM T WHERE false = begins_with(a, 'x')").request().get("FilterExpression").asString())
                .isEqualTo("NOT begins_with(#n0, :v0)");
    }

    @Test
    void aFromFirstUpdateTakesItsParametersInTheOrderTheyAreWritten() {
        Statement.Update update = (Statement.Update) parse("FROM T WHERE pk = ? AND sk = ? SET c = ?",
                Json.object().put("S", "k"), Json.object().put("N", "1"), Json.object().put("N", "7"));
        ItemRequest request = StatementRequests.update(update, TABLE);
        assertThat(request.request().get("Key").toString()).isEqualTo("{\"pk\":{\"S\":\"k\"},\"sk\":{\"N\":\"1\"}}");
        assertThat(request.request().get("ExpressionAttributeValues").toString()).isEqualTo("{\":v0\":{\"N\":\"7\"}}");
    }

    @Test
    void expressionWrappingIsTakenOffTheOperationsErrors() {
        assertThat(PartiQlOperations.unwrapped(DynamoDbException.validation(
                "Invalid FilterExpression: Incorrect operand type for operator or function; operator or function: <, operand type: BOOL"))
                .getMessage()).isEqualTo("Incorrect operand type for operator or function; operator or function: <, operand type: BOOL");
        assertThat(PartiQlOperations.unwrapped(DynamoDbException.validation("ExpressionAttributeValues contains invalid value: "
                + "One or more parameter values were invalid: Input collection [x, x] contains duplicates. for key :v12")).getMessage())
                .isEqualTo("One or more parameter values were invalid: Input collection [x, x] contains duplicates.");
    }

    @Test
    void functionsMisusedGetDynamoDbsMessagesWithTheirPlaceInTheStatement() {
        assertThatThrownBy(() -> select("SELECT * FROM T WHERE pk = 'a' AND EXISTS(ss)"))
                .hasMessage("Unrecognized function: exists at 1:36:6");
        assertThatThrownBy(() -> select("SELECT * FROM T WHERE attribute_exists()"))
                .hasMessage("Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 0");
        assertThatThrownBy(() -> parse("SELECT attribute_exists(ss) FROM T")).hasMessage("Unexpected path component at 1:8:16");
        assertThatThrownBy(() -> parse("SELECT COUNT(*) FROM T")).hasMessage("Unexpected path component at 1:8:5");
        assertThatThrownBy(() -> update("UPDATE T SET t = set_add(ss, <<'x'>>) WHERE pk = 'k' AND sk = 1"))
                .hasMessage("The first argument to SET_ADD must equal the assignment value at 1:18:7");
        assertThatThrownBy(() -> update("UPDATE T SET ss = set_delete(ss, 'x') WHERE pk = 'k' AND sk = 1"))
                .hasMessage("The second argument to SET_DELETE must be a value with type SET at 1:30:2");
        assertThatThrownBy(() -> update("UPDATE T SET ss = set_add(ss) WHERE pk = 'k' AND sk = 1"))
                .hasMessage("SET_ADD must have exactly two arguments at 1:19:7");
    }

    private static ItemRequest update(String text) {
        return StatementRequests.update((Statement.Update) parse(text), TABLE);
    }

    @Test
    void aPartitionKeyInAListIsAQueryPerDistinctValueInTheListsOrder() {
        List<ItemRequest> queries = StatementRequests.select((Statement.Select) parse(
                "SELECT * FROM T WHERE pk IN ['b', 'a', 'b'] AND sk > 1 AND x = 2"), TABLE);
        assertThat(queries).extracting(ItemRequest::operation).containsExactly("Query", "Query");
        assertThat(queries).extracting(query -> query.request().get("ExpressionAttributeValues").get(":v0").toString())
                .containsExactly("{\"S\":\"b\"}", "{\"S\":\"a\"}");
        assertThat(queries.get(0).request().get("KeyConditionExpression").asString()).isEqualTo("#n0 = :v0 AND #n1 > :v1");
        assertThat(queries.get(0).request().get("FilterExpression").asString()).isEqualTo("#n2 = :v2");
        // more values than MAX_QUERIES, or another condition on the partition key: a Scan
        String many = String.join(", ", java.util.stream.IntStream.rangeClosed(0, StatementRequests.MAX_QUERIES)
                .mapToObj(i -> "'" + i + "'").toList());
        assertThat(select("SELECT * FROM T WHERE pk IN [" + many + "]").operation()).isEqualTo("Scan");
        assertThat(select("SELECT * FROM T WHERE pk IN ['a', 'b'] AND pk <> 'a'").operation()).isEqualTo("Scan");
        // a value of another type than the key's cannot name a partition: the Scan's filter skips it
        assertThat(select("SELECT * FROM T WHERE pk IN ['a', 1]").operation()).isEqualTo("Scan");
        // 1, 1.0 and 1e0 are one number: one Query
        TableDescription numbered = TestTables.table("N", "nid", KeySchema.hashOnly("id", ScalarAttributeType.N));
        assertThat(StatementRequests.select((Statement.Select) parse("SELECT * FROM N WHERE id IN [1, 1.0, 1e0, 2]"), numbered))
                .hasSize(2);
        assertThatThrownBy(() -> parse("SELECT * FROM T WHERE pk IN ['a', 'b')"))
                .hasMessage("Statement wasn't well formed, can't be processed: Unexpected term");
    }

    @Test
    void aNextTokenSaysWhichReadGoesOnAndFromWhere() {
        NextTokens token = new NextTokens(1, Json.object().set("pk", Json.object().put("S", "a")));
        assertThat(NextTokens.of(token.text(), 2)).isEqualTo(token);
        assertThatThrownBy(() -> NextTokens.of(token.text(), 1)).hasMessage("Invalid NextToken");
        assertThatThrownBy(() -> NextTokens.of("not-a-token", 2)).hasMessage("Invalid NextToken");
        assertThatThrownBy(() -> NextTokens.of(new NextTokens(0, Json.object().put("pk", "no value")).text(), 1))
                .hasMessage("Invalid NextToken");
    }
}
