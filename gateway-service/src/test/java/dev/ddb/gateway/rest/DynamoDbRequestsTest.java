package dev.ddb.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.ddb.common.json.Json;

class DynamoDbRequestsTest {

    private static final KeySchema SCHEMA = KeySchema.of(Json.MAPPER.readTree("""
            {"TableName": "Orders",
             "AttributeDefinitions": [{"AttributeName": "customer", "AttributeType": "S"},
                                      {"AttributeName": "at", "AttributeType": "N"},
                                      {"AttributeName": "status", "AttributeType": "S"},
                                      {"AttributeName": "blob", "AttributeType": "B"}],
             "KeySchema": [{"AttributeName": "customer", "KeyType": "HASH"}, {"AttributeName": "at", "KeyType": "RANGE"}],
             "GlobalSecondaryIndexes": [{"IndexName": "ByStatus",
                 "KeySchema": [{"AttributeName": "status", "KeyType": "HASH"}]},
                 {"IndexName": "ByBlob", "KeySchema": [{"AttributeName": "blob", "KeyType": "HASH"}]}]}"""));
    private static final KeySchema.Keys KEYS = SCHEMA.table();

    private static JsonNode json(String text) {
        return Json.MAPPER.readTree(text);
    }

    private static ObjectNode document(String text) {
        return PlainItems.readDocument(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void pathKeyValuesAreTypedByTheKeySchema() {
        assertThat(DynamoDbRequests.key(KEYS, "alice", "42.0"))
                .isEqualTo(json("{\"customer\": {\"S\": \"alice\"}, \"at\": {\"N\": \"42.0\"}}"));
        // base64url in a path is DynamoDB's standard base64
        assertThat(DynamoDbRequests.key(SCHEMA.keysOf("ByBlob", "Orders"), "-_8", null))
                .isEqualTo(json("{\"blob\": {\"B\": \"+/8=\"}}"));
        assertThatThrownBy(() -> DynamoDbRequests.key(KEYS, "alice", null)).isInstanceOf(RestProblem.class)
                .hasMessageContaining("has a sort key (at)");
        assertThatThrownBy(() -> DynamoDbRequests.key(SCHEMA.keysOf("ByStatus", "Orders"), "x", "y"))
                .isInstanceOf(RestProblem.class).hasMessageContaining("no sort key");
        assertThatThrownBy(() -> SCHEMA.keysOf("NoSuchIndex", "Orders")).isInstanceOf(RestProblem.class)
                .hasMessage("The table does not have the specified index: NoSuchIndex");
    }

    @Test
    void putTakesTheKeyFromThePathAndRefusesAnotherOne() {
        ObjectNode key = DynamoDbRequests.key(KEYS, "alice", "1");
        ObjectNode put = DynamoDbRequests.putItem("Orders", KEYS, key, document("{\"total\": 5, \"at\": 1.0}"),
                Precondition.NOT_EXISTS);
        assertThat(put).isEqualTo(json("""
                {"TableName": "Orders",
                 "Item": {"total": {"N": "5"}, "at": {"N": "1"}, "customer": {"S": "alice"}},
                 "ReturnValues": "ALL_OLD", "ConditionExpression": "attribute_not_exists(#key)",
                 "ExpressionAttributeNames": {"#key": "customer"}}"""));
        assertThatThrownBy(() -> DynamoDbRequests.putItem("Orders", KEYS, key, document("{\"customer\": \"bob\"}"),
                Precondition.NONE)).isInstanceOf(RestProblem.class).hasMessageContaining("customer is not the one in the path");
    }

    @Test
    void aMergePatchSetsAttributesAndRemovesNulls() {
        ObjectNode key = DynamoDbRequests.key(KEYS, "alice", "1");
        ObjectNode update = DynamoDbRequests.updateItem("Orders", KEYS, key,
                document("{\"status\": \"SHIPPED\", \"note\": null, \"customer\": \"alice\", \"tags\": {\"$ss\": [\"x\"]}}"),
                Precondition.EXISTS);
        assertThat(update).isEqualTo(json("""
                {"TableName": "Orders", "Key": {"customer": {"S": "alice"}, "at": {"N": "1"}},
                 "UpdateExpression": "SET #a0 = :v0, #a2 = :v2 REMOVE #a1",
                 "ExpressionAttributeNames": {"#a0": "status", "#a1": "note", "#a2": "tags", "#key": "customer"},
                 "ExpressionAttributeValues": {":v0": {"S": "SHIPPED"}, ":v2": {"SS": ["x"]}},
                 "ReturnValues": "ALL_NEW", "ConditionExpression": "attribute_exists(#key)"}"""));
    }

    @Test
    void aQueryBecomesAKeyConditionExpression() {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("partitionKey", "alice");
        parameters.add("sk_between", "10");
        parameters.add("sk_between", "20");
        parameters.add("limit", "2");
        parameters.add("order", "desc");
        parameters.add("next", PagingToken.ofKey(json("{\"customer\": {\"S\": \"alice\"}, \"at\": {\"N\": \"12\"}}")));
        ObjectNode query = DynamoDbRequests.query("Orders", KEYS, ItemQuery.of(parameters));
        assertThat(query).isEqualTo(json("""
                {"TableName": "Orders", "KeyConditionExpression": "#pk = :pk AND #sk BETWEEN :sk0 AND :sk1",
                 "ExpressionAttributeNames": {"#pk": "customer", "#sk": "at"},
                 "ExpressionAttributeValues": {":pk": {"S": "alice"}, ":sk0": {"N": "10"}, ":sk1": {"N": "20"}},
                 "Limit": 2, "ExclusiveStartKey": {"customer": {"S": "alice"}, "at": {"N": "12"}},
                 "ScanIndexForward": false}"""));

        MultiValueMap<String, String> onIndex = new LinkedMultiValueMap<>();
        onIndex.add("partitionKey", "NEW");
        onIndex.add("index", "ByStatus");
        ItemQuery byStatus = ItemQuery.of(onIndex);
        assertThat(DynamoDbRequests.query("Orders", SCHEMA.keysOf(byStatus.index(), "Orders"), byStatus)).isEqualTo(json("""
                {"TableName": "Orders", "IndexName": "ByStatus", "KeyConditionExpression": "#pk = :pk",
                 "ExpressionAttributeNames": {"#pk": "status"}, "ExpressionAttributeValues": {":pk": {"S": "NEW"}}}"""));
    }

    @Test
    void everySortKeyConditionHasItsComparator() {
        String[][] expected = {{"sk_eq", "#sk = :sk0"}, {"sk_lt", "#sk < :sk0"}, {"sk_le", "#sk <= :sk0"},
            {"sk_gt", "#sk > :sk0"}, {"sk_ge", "#sk >= :sk0"}, {"sk_begins_with", "begins_with(#sk, :sk0)"}};
        for (String[] condition : expected) {
            MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
            parameters.add("partitionKey", "alice");
            parameters.add(condition[0], "5");
            assertThat(DynamoDbRequests.query("Orders", KEYS, ItemQuery.of(parameters))
                    .get("KeyConditionExpression").stringValue()).isEqualTo("#pk = :pk AND " + condition[1]);
        }
    }

    @Test
    void badQueryParametersAreBadRequests() {
        String[][] bad = {{"sk_gt", "1"}, {"partitionKey", "a", "sk_between", "1"}, {"partitionKey", "a", "skgt", "1"},
            {"partitionKey", "a", "order", "up"}, {"partitionKey", "a", "limit", "ten"},
            {"partitionKey", "a", "sk_gt", "1", "sk_lt", "2"}};
        for (String[] pairs : bad) {
            MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                parameters.add(pairs[i], pairs[i + 1]);
            }
            assertThatThrownBy(() -> ItemQuery.of(parameters)).isInstanceOf(RestProblem.class);
        }
        assertThatThrownBy(() -> PagingToken.keyOf("not*a*token")).isInstanceOf(RestProblem.class)
                .hasMessageContaining("next token");
    }

    @Test
    void preconditionsComeFromIfMatchAndIfNoneMatch() {
        HttpHeaders headers = new HttpHeaders();
        assertThat(Precondition.of(headers)).isEqualTo(Precondition.NONE);
        headers.set(HttpHeaders.IF_NONE_MATCH, "*");
        assertThat(Precondition.of(headers)).isEqualTo(Precondition.NOT_EXISTS);
        HttpHeaders ifMatch = new HttpHeaders();
        ifMatch.set(HttpHeaders.IF_MATCH, "*");
        assertThat(Precondition.of(ifMatch)).isEqualTo(Precondition.EXISTS);
        ifMatch.set(HttpHeaders.IF_MATCH, "\"v1\"");
        assertThatThrownBy(() -> Precondition.of(ifMatch)).isInstanceOf(RestProblem.class);
    }
}
