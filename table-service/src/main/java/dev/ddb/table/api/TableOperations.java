package dev.ddb.table.api;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ddb.common.protocol.OperationDispatcher;
import dev.ddb.table.operation.CreateTableOperation;
import dev.ddb.table.operation.DeleteTableOperation;
import dev.ddb.table.operation.DescribeTableOperation;
import dev.ddb.table.operation.DescribeTimeToLiveOperation;
import dev.ddb.table.operation.ListTablesOperation;
import dev.ddb.table.operation.UpdateTableOperation;
import dev.ddb.table.operation.UpdateTimeToLiveOperation;

/** The DynamoDB operations this service answers, by the name in {@code X-Amz-Target}. */
@Configuration(proxyBeanMethods = false)
public class TableOperations {

    @Bean
    public OperationDispatcher tableOperationDispatcher(CreateTableOperation createTable,
                                                        DescribeTableOperation describeTable,
                                                        ListTablesOperation listTables,
                                                        UpdateTableOperation updateTable,
                                                        DeleteTableOperation deleteTable,
                                                        UpdateTimeToLiveOperation updateTimeToLive,
                                                        DescribeTimeToLiveOperation describeTimeToLive) {
        return new OperationDispatcher(Map.of(
                "CreateTable", createTable,
                "DescribeTable", describeTable,
                "ListTables", listTables,
                "UpdateTable", updateTable,
                "DeleteTable", deleteTable,
                "UpdateTimeToLive", updateTimeToLive,
                "DescribeTimeToLive", describeTimeToLive));
    }
}
