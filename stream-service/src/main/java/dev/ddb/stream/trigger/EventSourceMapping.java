package dev.ddb.stream.trigger;

import java.util.ArrayList;
import java.util.List;

import dev.ddb.common.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One event source mapping from a DynamoDB stream to a function, with Lambda's settings for stream
 * sources. Its progress is not here but in the Kafka consumer group {@link #consumerGroup()}.
 *
 * @param maximumRecordAgeInSeconds -1: records never get too old
 * @param maximumRetryAttempts      -1: a failed batch is retried until it succeeds or its records are too old
 * @param onFailureDestination      as given: a Kafka topic name, {@code kafka://<topic>} or an ARN ending in
 *                                  {@code /<topic>} or {@code :<topic>}; null for none
 * @param filters                   the FilterCriteria patterns, as given
 */
public record EventSourceMapping(String uuid, String region, String functionArn, String eventSourceArn,
                                 String startingPosition, int batchSize, int maximumBatchingWindowInSeconds,
                                 boolean enabled, int maximumRetryAttempts, int maximumRecordAgeInSeconds,
                                 boolean bisectBatchOnFunctionError, List<String> functionResponseTypes,
                                 String onFailureDestination, List<String> filters, long lastModifiedMillis,
                                 long createdMillis) {

    public static final String REPORT_BATCH_ITEM_FAILURES = "ReportBatchItemFailures";

    public EventSourceMapping {
        functionResponseTypes = List.copyOf(functionResponseTypes);
        filters = List.copyOf(filters);
    }

    public boolean reportsBatchItemFailures() {
        return functionResponseTypes.contains(REPORT_BATCH_ITEM_FAILURES);
    }

    /** Where the mapping's progress is: one consumer group per mapping, so that its offsets are its own. */
    public String consumerGroup() {
        return "ddb-event-source-mapping-" + uuid;
    }

    public String functionName() {
        return functionArn.substring(functionArn.lastIndexOf(':') + 1);
    }

    public String mappingArn(String accountId) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":event-source-mapping:" + uuid;
    }

    /** The {@code EventSourceMappingConfiguration} Lambda answers with. */
    public ObjectNode toApi(String state, String lastProcessingResult, String accountId) {
        ObjectNode node = Json.object();
        node.put("UUID", uuid);
        node.put("StartingPosition", startingPosition);
        node.put("BatchSize", batchSize);
        node.put("MaximumBatchingWindowInSeconds", maximumBatchingWindowInSeconds);
        node.put("ParallelizationFactor", 1);
        node.put("EventSourceArn", eventSourceArn);
        if (!filters.isEmpty()) {
            ArrayNode list = node.putObject("FilterCriteria").putArray("Filters");
            filters.forEach(pattern -> list.addObject().put("Pattern", pattern));
        }
        node.put("FunctionArn", functionArn);
        // REST-JSON timestamps are epoch seconds
        node.put("LastModified", lastModifiedMillis / 1000.0);
        node.put("LastProcessingResult", lastProcessingResult);
        node.put("State", state);
        node.put("StateTransitionReason", "User action");
        ObjectNode destination = node.putObject("DestinationConfig");
        destination.putObject("OnSuccess");
        ObjectNode onFailure = destination.putObject("OnFailure");
        if (onFailureDestination != null) {
            onFailure.put("Destination", onFailureDestination);
        }
        node.put("MaximumRecordAgeInSeconds", maximumRecordAgeInSeconds);
        node.put("BisectBatchOnFunctionError", bisectBatchOnFunctionError);
        node.put("MaximumRetryAttempts", maximumRetryAttempts);
        node.put("TumblingWindowInSeconds", 0);
        ArrayNode types = node.putArray("FunctionResponseTypes");
        functionResponseTypes.forEach(types::add);
        node.put("EventSourceMappingArn", mappingArn(accountId));
        return node;
    }

    public byte[] toStored() {
        ObjectNode node = Json.object();
        node.put("UUID", uuid);
        node.put("Region", region);
        node.put("FunctionArn", functionArn);
        node.put("EventSourceArn", eventSourceArn);
        node.put("StartingPosition", startingPosition);
        node.put("BatchSize", batchSize);
        node.put("MaximumBatchingWindowInSeconds", maximumBatchingWindowInSeconds);
        node.put("Enabled", enabled);
        node.put("MaximumRetryAttempts", maximumRetryAttempts);
        node.put("MaximumRecordAgeInSeconds", maximumRecordAgeInSeconds);
        node.put("BisectBatchOnFunctionError", bisectBatchOnFunctionError);
        ArrayNode types = node.putArray("FunctionResponseTypes");
        functionResponseTypes.forEach(types::add);
        if (onFailureDestination != null) {
            node.put("OnFailureDestination", onFailureDestination);
        }
        ArrayNode patterns = node.putArray("Filters");
        filters.forEach(patterns::add);
        node.put("LastModifiedMillis", lastModifiedMillis);
        node.put("CreatedMillis", createdMillis);
        return Json.write(node);
    }

    public static EventSourceMapping fromStored(byte[] bytes) {
        JsonNode node = Json.read(bytes);
        List<String> types = new ArrayList<>();
        node.get("FunctionResponseTypes").forEach(type -> types.add(type.stringValue()));
        List<String> patterns = new ArrayList<>();
        node.get("Filters").forEach(pattern -> patterns.add(pattern.stringValue()));
        return new EventSourceMapping(node.get("UUID").stringValue(), node.get("Region").stringValue(),
                node.get("FunctionArn").stringValue(), node.get("EventSourceArn").stringValue(),
                node.get("StartingPosition").stringValue(), node.get("BatchSize").intValue(),
                node.get("MaximumBatchingWindowInSeconds").intValue(), node.get("Enabled").booleanValue(),
                node.get("MaximumRetryAttempts").intValue(), node.get("MaximumRecordAgeInSeconds").intValue(),
                node.get("BisectBatchOnFunctionError").booleanValue(), types,
                node.has("OnFailureDestination") ? node.get("OnFailureDestination").stringValue() : null,
                patterns, node.get("LastModifiedMillis").longValue(), node.get("CreatedMillis").longValue());
    }
}
