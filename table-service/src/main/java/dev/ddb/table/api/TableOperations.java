package dev.ddb.table.api;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ddb.common.protocol.OperationDispatcher;
import dev.ddb.table.kinesis.DescribeKinesisStreamingDestinationOperation;
import dev.ddb.table.kinesis.DisableKinesisStreamingDestinationOperation;
import dev.ddb.table.kinesis.EnableKinesisStreamingDestinationOperation;
import dev.ddb.table.kinesis.UpdateKinesisStreamingDestinationOperation;
import dev.ddb.table.operation.CreateTableOperation;
import dev.ddb.table.operation.DeleteTableOperation;
import dev.ddb.table.operation.DescribeEndpointsOperation;
import dev.ddb.table.operation.DescribeLimitsOperation;
import dev.ddb.table.operation.DescribeTableOperation;
import dev.ddb.table.operation.DescribeTimeToLiveOperation;
import dev.ddb.table.operation.ListTablesOperation;
import dev.ddb.table.operation.ListTagsOfResourceOperation;
import dev.ddb.table.operation.TagResourceOperation;
import dev.ddb.table.operation.UntagResourceOperation;
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
                                                        DescribeTimeToLiveOperation describeTimeToLive,
                                                        TagResourceOperation tagResource,
                                                        UntagResourceOperation untagResource,
                                                        ListTagsOfResourceOperation listTagsOfResource,
                                                        DescribeLimitsOperation describeLimits,
                                                        DescribeEndpointsOperation describeEndpoints,
                                                        EnableKinesisStreamingDestinationOperation enableKinesis,
                                                        DisableKinesisStreamingDestinationOperation disableKinesis,
                                                        DescribeKinesisStreamingDestinationOperation describeKinesis,
                                                        UpdateKinesisStreamingDestinationOperation updateKinesis) {
        return new OperationDispatcher(Map.ofEntries(
                Map.entry("CreateTable", createTable),
                Map.entry("DescribeTable", describeTable),
                Map.entry("ListTables", listTables),
                Map.entry("UpdateTable", updateTable),
                Map.entry("DeleteTable", deleteTable),
                Map.entry("UpdateTimeToLive", updateTimeToLive),
                Map.entry("DescribeTimeToLive", describeTimeToLive),
                Map.entry("TagResource", tagResource),
                Map.entry("UntagResource", untagResource),
                Map.entry("ListTagsOfResource", listTagsOfResource),
                Map.entry("DescribeLimits", describeLimits),
                Map.entry("DescribeEndpoints", describeEndpoints),
                Map.entry("EnableKinesisStreamingDestination", enableKinesis),
                Map.entry("DisableKinesisStreamingDestination", disableKinesis),
                Map.entry("DescribeKinesisStreamingDestination", describeKinesis),
                Map.entry("UpdateKinesisStreamingDestination", updateKinesis)));
    }
}
