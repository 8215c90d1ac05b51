package dev.ddb.gateway.routing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.ddb.common.protocol.AwsJsonProtocol;
import dev.ddb.common.request.ServiceModel;

/**
 * The routing table: which service owns each {@code X-Amz-Target}. A target not listed is either an
 * operation of DynamoDB's API no service owns yet, or no operation at all.
 */
@Component
public class OperationRoutes {

    private final Map<String, Route> byTarget;

    public OperationRoutes() {
        Map<String, Route> table = new HashMap<>();
        String dynamodb = AwsJsonProtocol.DYNAMODB_PREFIX;
        String streams = AwsJsonProtocol.STREAMS_PREFIX;

        reads(table, dynamodb, DownstreamService.TABLE, "DescribeTable", "ListTables", "DescribeTimeToLive",
                "ListTagsOfResource", "DescribeLimits", "DescribeEndpoints");
        reads(table, dynamodb, DownstreamService.TABLE, "DescribeKinesisStreamingDestination");
        writes(table, dynamodb, DownstreamService.TABLE, "CreateTable", "UpdateTable", "DeleteTable",
                "UpdateTimeToLive", "TagResource", "UntagResource");
        // Kinesis streaming destinations are table metadata; stream-service publishes by them.
        writes(table, dynamodb, DownstreamService.TABLE, "EnableKinesisStreamingDestination",
                "DisableKinesisStreamingDestination", "UpdateKinesisStreamingDestination");

        reads(table, dynamodb, DownstreamService.ITEM, "GetItem", "Query", "Scan", "BatchGetItem", "TransactGetItems");
        // PartiQL statements may write, so none of them is retried.
        writes(table, dynamodb, DownstreamService.ITEM, "PutItem", "DeleteItem", "UpdateItem", "BatchWriteItem",
                "TransactWriteItems", "ExecuteStatement", "BatchExecuteStatement", "ExecuteTransaction");

        reads(table, dynamodb, DownstreamService.BACKUP, "DescribeBackup", "ListBackups", "DescribeContinuousBackups",
                "DescribeExport", "ListExports", "DescribeImport", "ListImports");
        writes(table, dynamodb, DownstreamService.BACKUP, "CreateBackup", "DeleteBackup", "RestoreTableFromBackup",
                "RestoreTableToPointInTime", "UpdateContinuousBackups", "ExportTableToPointInTime",
                "ImportTable");

        // The whole DynamoDB Streams API is reads.
        reads(table, streams, DownstreamService.STREAM, "ListStreams", "DescribeStream", "GetShardIterator", "GetRecords");
        byTarget = Map.copyOf(table);
    }

    /** The route for an {@code X-Amz-Target} value; empty when the header is missing or names no routed operation. */
    public Optional<Route> routeOf(String target) {
        return target == null ? Optional.empty() : Optional.ofNullable(byTarget.get(target));
    }

    /** Whether DynamoDB or DynamoDB Streams has the operation a target names, routed here or not. */
    public boolean isDynamoDbOperation(String target) {
        ServiceModel model = ServiceModel.forTarget(target);
        return model != null && model.hasOperation(AwsJsonProtocol.operationOf(target));
    }

    private static void reads(Map<String, Route> table, String prefix, DownstreamService service, String... operations) {
        add(table, prefix, service, true, operations);
    }

    private static void writes(Map<String, Route> table, String prefix, DownstreamService service, String... operations) {
        add(table, prefix, service, false, operations);
    }

    private static void add(Map<String, Route> table, String prefix, DownstreamService service, boolean readOnly,
            String... operations) {
        for (String operation : operations) {
            table.put(prefix + operation, new Route(operation, service, readOnly));
        }
    }
}
