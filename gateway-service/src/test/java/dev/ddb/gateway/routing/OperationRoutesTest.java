package dev.ddb.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class OperationRoutesTest {

    private final OperationRoutes routes = new OperationRoutes();

    @ParameterizedTest
    @CsvSource({
            "DynamoDB_20120810.CreateTable, TABLE, false",
            "DynamoDB_20120810.DescribeTable, TABLE, true",
            "DynamoDB_20120810.ListTables, TABLE, true",
            "DynamoDB_20120810.UpdateTimeToLive, TABLE, false",
            "DynamoDB_20120810.TagResource, TABLE, false",
            "DynamoDB_20120810.DescribeEndpoints, TABLE, true",
            "DynamoDB_20120810.PutItem, ITEM, false",
            "DynamoDB_20120810.GetItem, ITEM, true",
            "DynamoDB_20120810.Query, ITEM, true",
            "DynamoDB_20120810.Scan, ITEM, true",
            "DynamoDB_20120810.BatchGetItem, ITEM, true",
            "DynamoDB_20120810.TransactWriteItems, ITEM, false",
            "DynamoDB_20120810.ExecuteStatement, ITEM, false",
            "DynamoDB_20120810.ExecuteTransaction, ITEM, false",
            "DynamoDB_20120810.CreateBackup, BACKUP, false",
            "DynamoDB_20120810.ListBackups, BACKUP, true",
            "DynamoDB_20120810.RestoreTableToPointInTime, BACKUP, false",
            "DynamoDB_20120810.DescribeContinuousBackups, BACKUP, true",
            "DynamoDB_20120810.ExportTableToPointInTime, BACKUP, false",
            "DynamoDB_20120810.ImportTable, BACKUP, false",
            "DynamoDB_20120810.DescribeImport, BACKUP, true",
            "DynamoDB_20120810.ListImports, BACKUP, true",
            "DynamoDBStreams_20120810.ListStreams, STREAM, true",
            "DynamoDBStreams_20120810.DescribeStream, STREAM, true",
            "DynamoDBStreams_20120810.GetShardIterator, STREAM, true",
            "DynamoDBStreams_20120810.GetRecords, STREAM, true",
    })
    void operationGoesToItsOwningService(String target, DownstreamService service, boolean readOnly) {
        assertThat(routes.routeOf(target)).hasValueSatisfying(route -> {
            assertThat(route.service()).isEqualTo(service);
            assertThat(route.readOnly()).isEqualTo(readOnly);
            assertThat(target).endsWith("." + route.operation());
        });
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "", "GetItem", "DynamoDB_20120810.", "DynamoDB_20120810.getitem", "DynamoDB_20120810.Frobnicate",
            "DynamoDB_20120810.GetRecords", "DynamoDBStreams_20120810.GetItem", "DynamoDB_20111205.GetItem"})
    void targetNamingNoKnownOperationHasNoRoute(String target) {
        assertThat(routes.routeOf(target)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DynamoDB_20120810.DescribeGlobalTable", "DynamoDB_20120810.ExecuteStatement",
            "DynamoDB_20120810.ListContributorInsights", "DynamoDB_20120810.GetItem", "DynamoDBStreams_20120810.GetRecords"})
    void operationsOfDynamoDbsApisAreKnownWhetherRoutedOrNot(String target) {
        assertThat(routes.isDynamoDbOperation(target)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "GetItem", "DynamoDB_20120810.", "DynamoDB_20120810.getitem", "DynamoDB_20120810.Frobnicate",
            "DynamoDB_20120810.GetRecords", "DynamoDBStreams_20120810.GetItem", "DynamoDB_20111205.GetItem"})
    void targetsNamingNoOperationOfDynamoDbsApisAreNotKnown(String target) {
        assertThat(routes.isDynamoDbOperation(target)).isFalse();
    }
}
