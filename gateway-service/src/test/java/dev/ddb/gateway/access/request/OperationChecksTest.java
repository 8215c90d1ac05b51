package dev.ddb.gateway.access.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.ddb.common.json.Json;
import dev.ddb.gateway.access.policy.EvaluationContext;

/** The action, resource and condition keys each operation family is checked with, from real request JSON. */
class OperationChecksTest {

    private static final DynamoDbArns ARNS = new DynamoDbArns("eu-west-1", "123456789012");
    private static final String BOOKS = "arn:aws:dynamodb:eu-west-1:123456789012:table/Books";
    private static final String NOTES = "arn:aws:dynamodb:eu-west-1:123456789012:table/Notes";
    private static final EvaluationContext BASE = EvaluationContext.builder().put("aws:username", "alice").build();
    private static final Map<String, TableKeys> TABLES = Map.of(
            "Books", new TableKeys("author", Map.of("ByTitle", "title")),
            "Notes", new TableKeys("owner", Map.of()));
    private static final KeySchemas SCHEMAS = table -> Optional.ofNullable(TABLES.get(table));

    private static List<AccessCheck> checks(String operation, String json) {
        return OperationChecks.of(operation, Json.MAPPER.readTree(json), ARNS, SCHEMAS, BASE);
    }

    private static AccessCheck only(String operation, String json) {
        List<AccessCheck> checks = checks(operation, json);
        assertThat(checks).hasSize(1);
        return checks.get(0);
    }

    private static List<String> values(AccessCheck check, String key) {
        return check.context().values(key);
    }

    @Test
    void getItemNeedsGetItemOnTheTableWithItsKeyAndProjection() {
        AccessCheck check = only("GetItem", """
                {"TableName": "Books", "Key": {"author": {"S": "alice"}, "title": {"S": "Dune"}},
                 "ProjectionExpression": "#t, price.amount, tags[0]", "ExpressionAttributeNames": {"#t": "title"},
                 "ReturnConsumedCapacity": "TOTAL"}""");
        assertThat(check.action()).isEqualTo("dynamodb:GetItem");
        assertThat(check.resource()).isEqualTo(BOOKS);
        assertThat(values(check, "dynamodb:LeadingKeys")).containsExactly("alice");
        assertThat(values(check, "dynamodb:Attributes")).containsExactlyInAnyOrder("author", "title", "price", "tags");
        assertThat(values(check, "dynamodb:Select")).containsExactly("SPECIFIC_ATTRIBUTES");
        assertThat(values(check, "dynamodb:ReturnConsumedCapacity")).containsExactly("TOTAL");
        assertThat(values(check, "aws:username")).as("the global keys come along").containsExactly("alice");
    }

    @Test
    void getItemWithoutAProjectionSelectsAllAttributes() {
        AccessCheck check = only("GetItem", "{\"TableName\": \"Books\", \"Key\": {\"author\": {\"N\": \"42\"}}}");
        assertThat(values(check, "dynamodb:Select")).containsExactly("ALL_ATTRIBUTES");
        assertThat(values(check, "dynamodb:LeadingKeys")).containsExactly("42");
        assertThat(values(check, "dynamodb:ReturnConsumedCapacity")).containsExactly("NONE");
    }

    @Test
    void putItemWritesEveryAttributeOfTheItemAndWhatItsConditionReads() {
        AccessCheck check = only("PutItem", """
                {"TableName": "Books", "Item": {"author": {"S": "bob"}, "title": {"S": "Emma"}, "year": {"N": "1815"}},
                 "ConditionExpression": "attribute_not_exists(#a) AND version < :v",
                 "ExpressionAttributeNames": {"#a": "author"}, "ExpressionAttributeValues": {":v": {"N": "3"}},
                 "ReturnValues": "ALL_OLD"}""");
        assertThat(check.action()).isEqualTo("dynamodb:PutItem");
        assertThat(values(check, "dynamodb:LeadingKeys")).containsExactly("bob");
        assertThat(values(check, "dynamodb:Attributes")).containsExactlyInAnyOrder("author", "title", "year", "version");
        assertThat(values(check, "dynamodb:ReturnValues")).containsExactly("ALL_OLD");
    }

    @Test
    void updateItemNamesItsUpdatedPathsAndDefaultsReturnValuesToNone() {
        AccessCheck check = only("UpdateItem", """
                {"TableName": "Books", "Key": {"author": {"S": "alice"}},
                 "UpdateExpression": "SET #s = if_not_exists(#s, :zero) + :one, info.pages = :p REMOVE draft ADD sold :one DELETE tags :t",
                 "ExpressionAttributeNames": {"#s": "score"}}""");
        assertThat(check.action()).isEqualTo("dynamodb:UpdateItem");
        assertThat(values(check, "dynamodb:Attributes")).containsExactlyInAnyOrder("author", "score", "info", "draft",
                "sold", "tags");
        assertThat(values(check, "dynamodb:ReturnValues")).containsExactly("NONE");
    }

    @Test
    void legacyParametersNameTheirAttributesToo() {
        AccessCheck update = only("UpdateItem", """
                {"TableName": "Books", "Key": {"author": {"S": "alice"}},
                 "AttributeUpdates": {"score": {"Action": "PUT", "Value": {"N": "1"}}},
                 "Expected": {"locked": {"Exists": false}}}""");
        assertThat(values(update, "dynamodb:Attributes")).containsExactlyInAnyOrder("author", "score", "locked");
        AccessCheck get = only("GetItem", """
                {"TableName": "Books", "Key": {"author": {"S": "alice"}}, "AttributesToGet": ["title"]}""");
        assertThat(values(get, "dynamodb:Attributes")).containsExactlyInAnyOrder("author", "title");
        assertThat(values(get, "dynamodb:Select")).containsExactly("SPECIFIC_ATTRIBUTES");
    }

    @Test
    void deleteItemNeedsDeleteItemOnItsKey() {
        AccessCheck check = only("DeleteItem", "{\"TableName\": \"Notes\", \"Key\": {\"owner\": {\"S\": \"carol\"}}}");
        assertThat(check.action()).isEqualTo("dynamodb:DeleteItem");
        assertThat(check.resource()).isEqualTo(NOTES);
        assertThat(values(check, "dynamodb:LeadingKeys")).containsExactly("carol");
    }

    @Test
    void queryTakesItsLeadingKeyFromTheKeyConditionsEquality() {
        AccessCheck check = only("Query", """
                {"TableName": "Books", "KeyConditionExpression": "begins_with(title, :p) AND :who = #a",
                 "FilterExpression": "price > :min", "ProjectionExpression": "title",
                 "ExpressionAttributeNames": {"#a": "author"},
                 "ExpressionAttributeValues": {":who": {"S": "alice"}, ":p": {"S": "D"}, ":min": {"N": "1"}}}""");
        assertThat(check.action()).isEqualTo("dynamodb:Query");
        assertThat(check.resource()).isEqualTo(BOOKS);
        assertThat(values(check, "dynamodb:LeadingKeys")).containsExactly("alice");
        assertThat(values(check, "dynamodb:Attributes")).containsExactlyInAnyOrder("title", "author", "price");
        assertThat(values(check, "dynamodb:Select")).containsExactly("SPECIFIC_ATTRIBUTES");
    }

    @Test
    void aQueryOnAnIndexIsOnTheIndexAndItsPartitionKey() {
        AccessCheck check = only("Query", """
                {"TableName": "Books", "IndexName": "ByTitle", "KeyConditionExpression": "title = :t AND author = :a",
                 "ExpressionAttributeValues": {":t": {"S": "Dune"}, ":a": {"S": "alice"}}}""");
        assertThat(check.resource()).isEqualTo(BOOKS + "/index/ByTitle");
        assertThat(values(check, "dynamodb:LeadingKeys")).containsExactly("Dune");
        assertThat(values(check, "dynamodb:Select")).containsExactly("ALL_PROJECTED_ATTRIBUTES");
    }

    @Test
    void legacyKeyConditionsGiveTheLeadingKeyToo() {
        AccessCheck check = only("Query", """
                {"TableName": "Books", "Select": "COUNT", "KeyConditions": {"author": {"ComparisonOperator": "EQ",
                 "AttributeValueList": [{"S": "alice"}]}}}""");
        assertThat(values(check, "dynamodb:LeadingKeys")).containsExactly("alice");
        assertThat(values(check, "dynamodb:Select")).containsExactly("COUNT");
    }

    @Test
    void aQueryWhosePartitionKeyCannotBeFoundHasUnknownLeadingKeys() {
        AccessCheck check = only("Query", """
                {"TableName": "Books", "KeyConditionExpression": "author > :a",
                 "ExpressionAttributeValues": {":a": {"S": "alice"}}}""");
        assertThat(check.context().isUnknown("dynamodb:LeadingKeys")).isTrue();
        AccessCheck unknownTable = only("GetItem", "{\"TableName\": \"Gone\", \"Key\": {\"id\": {\"S\": \"alice\"}}}");
        assertThat(unknownTable.context().isUnknown("dynamodb:LeadingKeys")).isTrue();
    }

    @Test
    void noLeadingKeysAreComputedWhenNoPolicyAsksForThem() {
        AccessCheck check = OperationChecks.of("GetItem", Json.MAPPER.readTree(
                "{\"TableName\": \"Books\", \"Key\": {\"author\": {\"S\": \"alice\"}}}"), ARNS, null, BASE).get(0);
        assertThat(check.context().isPresent("dynamodb:LeadingKeys")).isFalse();
        assertThat(check.context().isUnknown("dynamodb:LeadingKeys")).isFalse();
    }

    @Test
    void aScanHasNoLeadingKeys() {
        AccessCheck check = only("Scan", "{\"TableName\": \"Books\", \"IndexName\": \"ByTitle\", \"FilterExpression\": \"a = :a\"}");
        assertThat(check.action()).isEqualTo("dynamodb:Scan");
        assertThat(check.resource()).isEqualTo(BOOKS + "/index/ByTitle");
        assertThat(check.context().isPresent("dynamodb:LeadingKeys")).isFalse();
        assertThat(values(check, "dynamodb:Attributes")).containsExactly("a");
    }

    @Test
    void batchGetItemChecksEveryKeyOfEveryTable() {
        List<AccessCheck> checks = checks("BatchGetItem", """
                {"RequestItems": {
                  "Books": {"Keys": [{"author": {"S": "alice"}}, {"author": {"S": "bob"}}], "ProjectionExpression": "title"},
                  "Notes": {"Keys": [{"owner": {"S": "alice"}}]}}}""");
        assertThat(checks).extracting(AccessCheck::action).containsOnly("dynamodb:BatchGetItem");
        assertThat(checks).extracting(AccessCheck::resource).containsExactlyInAnyOrder(BOOKS, BOOKS, NOTES);
        assertThat(checks).extracting(c -> values(c, "dynamodb:LeadingKeys"))
                .containsExactlyInAnyOrder(List.of("alice"), List.of("bob"), List.of("alice"));
        assertThat(checks).filteredOn(c -> c.resource().equals(BOOKS))
                .allSatisfy(c -> assertThat(values(c, "dynamodb:Attributes")).containsExactlyInAnyOrder("author", "title"));
    }

    @Test
    void batchWriteItemChecksEveryPutAndDelete() {
        List<AccessCheck> checks = checks("BatchWriteItem", """
                {"RequestItems": {"Books": [
                  {"PutRequest": {"Item": {"author": {"S": "alice"}, "title": {"S": "A"}}}},
                  {"DeleteRequest": {"Key": {"author": {"S": "mallory"}}}}]}}""");
        assertThat(checks).extracting(AccessCheck::action).containsOnly("dynamodb:BatchWriteItem");
        assertThat(checks).extracting(c -> values(c, "dynamodb:LeadingKeys"))
                .containsExactly(List.of("alice"), List.of("mallory"));
        assertThat(values(checks.get(0), "dynamodb:Attributes")).containsExactlyInAnyOrder("author", "title");
    }

    @Test
    void transactWriteItemsChecksEachEntryWithItsOwnAction() {
        List<AccessCheck> checks = checks("TransactWriteItems", """
                {"TransactItems": [
                  {"Put": {"TableName": "Books", "Item": {"author": {"S": "alice"}, "x": {"N": "1"}}}},
                  {"Update": {"TableName": "Books", "Key": {"author": {"S": "alice"}}, "UpdateExpression": "SET y = :y"}},
                  {"Delete": {"TableName": "Notes", "Key": {"owner": {"S": "bob"}}}},
                  {"ConditionCheck": {"TableName": "Notes", "Key": {"owner": {"S": "alice"}},
                                      "ConditionExpression": "attribute_exists(z)"}}]}""");
        assertThat(checks).extracting(AccessCheck::action).containsExactly("dynamodb:PutItem", "dynamodb:UpdateItem",
                "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem");
        assertThat(checks).extracting(AccessCheck::resource).containsExactly(BOOKS, BOOKS, NOTES, NOTES);
        assertThat(checks).extracting(c -> values(c, "dynamodb:LeadingKeys"))
                .containsExactly(List.of("alice"), List.of("alice"), List.of("bob"), List.of("alice"));
        assertThat(values(checks.get(1), "dynamodb:Attributes")).containsExactlyInAnyOrder("author", "y");
        assertThat(values(checks.get(3), "dynamodb:Attributes")).containsExactlyInAnyOrder("owner", "z");
        assertThat(checks).allSatisfy(c ->
                assertThat(values(c, "dynamodb:EnclosingOperation")).containsExactly("TransactWriteItems"));
        assertThat(only("PutItem", "{\"TableName\": \"Books\", \"Item\": {}}").context()
                .isPresent("dynamodb:EnclosingOperation")).isFalse();
    }

    @Test
    void transactGetItemsNeedsGetItemPerEntry() {
        List<AccessCheck> checks = checks("TransactGetItems", """
                {"TransactItems": [{"Get": {"TableName": "Books", "Key": {"author": {"S": "alice"}}}},
                                   {"Get": {"TableName": "Notes", "Key": {"owner": {"S": "bob"}}, "ProjectionExpression": "t"}}]}""");
        assertThat(checks).extracting(AccessCheck::action).containsOnly("dynamodb:GetItem");
        assertThat(checks).extracting(c -> values(c, "dynamodb:LeadingKeys")).containsExactly(List.of("alice"), List.of("bob"));
        assertThat(checks).allSatisfy(c ->
                assertThat(values(c, "dynamodb:EnclosingOperation")).containsExactly("TransactGetItems"));
    }

    @Test
    void theTablesWhoseKeySchemasAreNeeded() {
        assertThat(OperationChecks.tablesWithLeadingKeys("TransactWriteItems", Json.MAPPER.readTree("""
                {"TransactItems": [{"Put": {"TableName": "Books"}}, {"Delete": {"TableName": "arn:aws:dynamodb:eu-west-1:123456789012:table/Notes"}}]}""")))
                .containsExactly("Books", "Notes");
        assertThat(OperationChecks.tablesWithLeadingKeys("Scan", Json.MAPPER.readTree("{\"TableName\": \"Books\"}"))).isEmpty();
    }

    @Test
    void partiQlStatementsNeedThePartiQlActionOfTheirVerbOnTheirTable() {
        assertThat(only("ExecuteStatement", "{\"Statement\": \"SELECT * FROM \\\"Books\\\".\\\"ByTitle\\\" WHERE title = 'x'\"}"))
                .extracting(AccessCheck::action, AccessCheck::resource)
                .containsExactly("dynamodb:PartiQLSelect", BOOKS + "/index/ByTitle");
        List<AccessCheck> batch = checks("BatchExecuteStatement", """
                {"Statements": [{"Statement": "INSERT INTO Notes VALUE {'owner': 'a'}"},
                                {"Statement": "update \\"Books\\" SET x = 1 WHERE author = 'a'"},
                                {"Statement": "DELETE FROM Books WHERE author = 'it''s'"}]}""");
        assertThat(batch).extracting(AccessCheck::action, AccessCheck::resource).containsExactly(
                org.assertj.core.groups.Tuple.tuple("dynamodb:PartiQLInsert", NOTES),
                org.assertj.core.groups.Tuple.tuple("dynamodb:PartiQLUpdate", BOOKS),
                org.assertj.core.groups.Tuple.tuple("dynamodb:PartiQLDelete", BOOKS));
        assertThat(checks("ExecuteTransaction", "{\"TransactStatements\": [{\"Statement\": \"SELECT a FROM Notes\"}]}"))
                .extracting(AccessCheck::resource).containsExactly(NOTES);
        // a transaction's condition check reads; the FROM-first UPDATE updates; comments are no verbs
        assertThat(checks("ExecuteTransaction", """
                {"TransactStatements": [{"Statement": "EXISTS(SELECT * FROM \\"Notes\\" WHERE owner = 'a' AND n > 1)"},
                                        {"Statement": "-- pay\\n/* now */ FROM Books WHERE author = 'a' SET paid = true"}]}"""))
                .extracting(AccessCheck::action, AccessCheck::resource).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dynamodb:PartiQLSelect", NOTES),
                        org.assertj.core.groups.Tuple.tuple("dynamodb:PartiQLUpdate", BOOKS));
    }

    @Test
    void aStatementIsReadWithPartiQlsOwnLexerSoTheCheckIsOnWhatRuns() {
        // a line comment ends at \r as well: what follows is the statement item-service runs
        assertThat(only("ExecuteStatement", "{\"Statement\": \"--\\rDELETE FROM \\\"Books\\\" WHERE author = 'z' AND x <> 'y\\nSELECT * FROM Notes '\"}"))
                .extracting(AccessCheck::action, AccessCheck::resource).containsExactly("dynamodb:PartiQLDelete", BOOKS);
        for (String statement : List.of("SELECT* FROM Books", "SELECT \\\"FROM\\\"[0] FROM Books WHERE author = 'a'",
                "SELECT a FROM/* x */Books")) {
            assertThat(only("ExecuteStatement", "{\"Statement\": \"" + statement + "\"}"))
                    .extracting(AccessCheck::action, AccessCheck::resource).containsExactly("dynamodb:PartiQLSelect", BOOKS);
        }
        assertThat(only("ExecuteStatement", "{\"Statement\": \"DELETE/**/FROM Books WHERE author = 'a'\"}"))
                .extracting(AccessCheck::action, AccessCheck::resource).containsExactly("dynamodb:PartiQLDelete", BOOKS);
        assertThat(only("ExecuteStatement", "{\"Statement\": \"FROM Books--x\\n WHERE author = 'a' SET n = 1\"}"))
                .extracting(AccessCheck::action, AccessCheck::resource).containsExactly("dynamodb:PartiQLUpdate", BOOKS);
    }

    @Test
    void controlPlaneOperationsAreOnTheirTable() {
        for (String operation : List.of("CreateTable", "DescribeTable", "UpdateTable", "DeleteTable", "DescribeTimeToLive",
                "UpdateTimeToLive", "DescribeContinuousBackups", "UpdateContinuousBackups", "CreateBackup")) {
            AccessCheck check = only(operation, "{\"TableName\": \"Books\"}");
            assertThat(check.action()).isEqualTo("dynamodb:" + operation);
            assertThat(check.resource()).isEqualTo(BOOKS);
        }
        assertThat(only("DescribeTable", "{\"TableName\": \"" + NOTES + "\"}").resource())
                .as("a TableName given as an ARN").isEqualTo(NOTES);
    }

    @Test
    void listingOperationsAreOnEverything() {
        for (String operation : List.of("ListTables", "ListBackups", "DescribeLimits", "DescribeEndpoints", "ListStreams",
                "ListExports", "ListImports")) {
            AccessCheck check = only(operation, "{}");
            assertThat(check.action()).isEqualTo("dynamodb:" + operation);
            assertThat(check.resource()).isEqualTo("*");
        }
    }

    @Test
    void tagsBackupsStreamsExportsAndImportsAreOnTheArnsTheRequestsName() {
        String stream = BOOKS + "/stream/2026-11-30T22:00:00.000";
        String backup = BOOKS + "/backup/01732999999999-abcdef12";
        assertThat(only("TagResource", "{\"ResourceArn\": \"" + BOOKS + "\"}").resource()).isEqualTo(BOOKS);
        assertThat(only("DescribeBackup", "{\"BackupArn\": \"" + backup + "\"}").resource()).isEqualTo(backup);
        assertThat(only("DeleteBackup", "{\"BackupArn\": \"" + backup + "\"}").action()).isEqualTo("dynamodb:DeleteBackup");
        assertThat(only("DescribeStream", "{\"StreamArn\": \"" + stream + "\"}").resource()).isEqualTo(stream);
        assertThat(only("GetShardIterator", "{\"StreamArn\": \"" + stream + "\", \"ShardId\": \"s\"}").resource()).isEqualTo(stream);
        AccessCheck records = only("GetRecords", "{\"ShardIterator\": \"" + stream + "|1|MDowOjE3MzI5OTk5OTk5OTk\"}");
        assertThat(records.action()).isEqualTo("dynamodb:GetRecords");
        assertThat(records.resource()).isEqualTo(stream);
        assertThat(only("ExportTableToPointInTime", "{\"TableArn\": \"" + BOOKS + "\", \"S3Bucket\": \"b\"}").resource())
                .isEqualTo(BOOKS);
        assertThat(only("DescribeExport", "{\"ExportArn\": \"" + BOOKS + "/export/1\"}").resource()).isEqualTo(BOOKS + "/export/1");
        assertThat(only("ImportTable", "{\"TableCreationParameters\": {\"TableName\": \"Notes\"}}").resource()).isEqualTo(NOTES);
    }

    @Test
    void restoresNeedTheActionOnTheSourceAndOnTheNewTable() {
        String backup = BOOKS + "/backup/01732999999999-abcdef12";
        assertThat(checks("RestoreTableFromBackup", "{\"BackupArn\": \"" + backup + "\", \"TargetTableName\": \"Notes\"}"))
                .extracting(AccessCheck::resource).containsExactly(backup, NOTES);
        assertThat(checks("RestoreTableToPointInTime", "{\"SourceTableName\": \"Books\", \"TargetTableName\": \"Notes\"}"))
                .extracting(AccessCheck::action, AccessCheck::resource).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dynamodb:RestoreTableToPointInTime", BOOKS),
                        org.assertj.core.groups.Tuple.tuple("dynamodb:RestoreTableToPointInTime", NOTES));
    }
}
