package dev.ddb.stream.trigger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.ddb.common.json.Json;
import dev.ddb.stream.trigger.FunctionInvoker.InvokeResult;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lambda's invocation record for discarded stream records, as its on-failure destination receives it:
 * requestContext (condition {@code RetryAttemptsExhausted} or {@code RecordAgeExceeded}), responseContext
 * (when the function was called), version, timestamp and {@code DDBStreamBatchInfo} naming the records.
 */
public final class FailureRecords {

    private FailureRecords() {
    }

    public static ObjectNode of(EventSourceMapping mapping, String shardId, StreamBatch part, String condition,
                                int invokeCount, InvokeResult last, Instant now) {
        ObjectNode record = Json.object();
        ObjectNode request = record.putObject("requestContext");
        request.put("requestId", UUID.randomUUID().toString());
        request.put("functionArn", mapping.functionArn());
        request.put("condition", condition);
        request.put("approximateInvokeCount", invokeCount);
        if (last != null) {
            ObjectNode response = record.putObject("responseContext");
            response.put("statusCode", last.statusCode());
            response.put("executedVersion", "$LATEST");
            response.put("functionError", "Unhandled");
        }
        record.put("version", "1.0");
        record.put("timestamp", now.truncatedTo(ChronoUnit.MILLIS).toString());
        ObjectNode info = record.putObject("DDBStreamBatchInfo");
        info.put("shardId", shardId);
        info.put("startSequenceNumber", part.records().get(0).sequenceNumber());
        info.put("endSequenceNumber", part.records().get(part.size() - 1).sequenceNumber());
        info.put("approximateArrivalOfFirstRecord", arrival(part.records().get(0)));
        info.put("approximateArrivalOfLastRecord", arrival(part.records().get(part.size() - 1)));
        info.put("batchSize", part.size());
        info.put("streamArn", mapping.eventSourceArn());
        return record;
    }

    private static String arrival(StreamBatch.Entry entry) {
        return Instant.ofEpochMilli(entry.arrivalMillis()).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
