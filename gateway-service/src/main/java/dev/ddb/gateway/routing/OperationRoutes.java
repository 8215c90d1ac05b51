package dev.ddb.gateway.routing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.ddb.common.protocol.AwsJsonProtocol;

/** The routing table: which service owns each {@code X-Amz-Target}. Targets not listed are unknown operations. */
@Component
public class OperationRoutes {

    private final Map<String, Route> byTarget = new HashMap<>();

    public OperationRoutes() {
        String dynamodb = AwsJsonProtocol.DYNAMODB_PREFIX;
        String streams = AwsJsonProtocol.STREAMS_PREFIX;

        reads(dynamodb, DownstreamService.TABLE, "DescribeTable", "ListTables", "DescribeTimeToLive",
                "ListTagsOfResource", "DescribeLimits", "DescribeEndpoints");
        writes(dynamodb, DownstreamService.TABLE, "CreateTable", "UpdateTable", "DeleteTable",
                "UpdateTimeToLive", "TagResource", "UntagResource");

        reads(dynamodb, DownstreamService.ITEM, "GetItem", "Query", "Scan", "BatchGetItem", "TransactGetItems");
        // PartiQL statements may write, so none of them is retried.
        writes(dynamodb, DownstreamService.ITEM, "PutItem", "DeleteItem", "UpdateItem", "BatchWriteItem",
                "TransactWriteItems", "ExecuteStatement", "BatchExecuteStatement", "ExecuteTransaction");

        reads(dynamodb, DownstreamService.BACKUP, "DescribeBackup", "ListBackups", "DescribeContinuousBackups",
                "DescribeExport", "ListExports");
        writes(dynamodb, DownstreamService.BACKUP, "CreateBackup", "DeleteBackup", "RestoreTableFromBackup",
                "RestoreTableToPointInTime", "UpdateContinuousBackups", "ExportTableToPointInTime");

        // The whole DynamoDB Streams API is reads.
        reads(streams, DownstreamService.STREAM, "ListStreams", "DescribeStream", "GetShardIterator", "GetRecords");
    }

    /** The route for an {@code X-Amz-Target} value; empty when the header is missing or names no known operation. */
    public Optional<Route> routeOf(String target) {
        return target == null ? Optional.empty() : Optional.ofNullable(byTarget.get(target));
    }

    private void reads(String prefix, DownstreamService service, String... operations) {
        add(prefix, service, true, operations);
    }

    private void writes(String prefix, DownstreamService service, String... operations) {
        add(prefix, service, false, operations);
    }

    private void add(String prefix, DownstreamService service, boolean readOnly, String... operations) {
        for (String operation : operations) {
            byTarget.put(prefix + operation, new Route(operation, service, readOnly));
        }
    }
}
