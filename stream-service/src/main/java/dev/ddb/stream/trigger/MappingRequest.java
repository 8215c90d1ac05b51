package dev.ddb.stream.trigger;

import java.util.ArrayList;
import java.util.List;

import dev.ddb.common.json.Json;
import dev.ddb.stream.pattern.EventPattern;
import dev.ddb.stream.pattern.InvalidPatternException;
import tools.jackson.databind.JsonNode;

/**
 * The members of a CreateEventSourceMapping or UpdateEventSourceMapping body, checked against Lambda's
 * API model (range errors as Lambda's {@code ValidationException}) and against what DynamoDB stream
 * sources accept ({@code InvalidParameterValueException}). A member not given is null.
 */
record MappingRequest(String functionName, String eventSourceArn, Boolean enabled, Integer batchSize,
                      Integer maximumBatchingWindowInSeconds, String startingPosition, Integer maximumRetryAttempts,
                      Integer maximumRecordAgeInSeconds, Boolean bisectBatchOnFunctionError,
                      List<String> functionResponseTypes, JsonNode destinationConfig, List<String> filters) {

    static MappingRequest parse(byte[] body) {
        JsonNode node;
        try {
            node = body == null || body.length == 0 ? Json.object() : Json.read(body);
        } catch (RuntimeException e) {
            throw new LambdaException(400, "InvalidRequestContentException", "Could not parse request body into json");
        }
        if (node == null || !node.isObject()) {
            throw new LambdaException(400, "InvalidRequestContentException", "Could not parse request body into json");
        }
        Integer parallelization = integer(node, "ParallelizationFactor", 1, 10);
        if (parallelization != null && parallelization != 1) {
            throw LambdaException.invalidParameter("ParallelizationFactor other than 1 is not supported by this server.");
        }
        Integer tumbling = integer(node, "TumblingWindowInSeconds", 0, 900);
        if (tumbling != null && tumbling != 0) {
            throw LambdaException.invalidParameter("TumblingWindowInSeconds is not supported by this server.");
        }
        String startingPosition = string(node, "StartingPosition");
        if (startingPosition != null && !startingPosition.equals(StartingPositions.TRIM_HORIZON)
                && !startingPosition.equals(StartingPositions.LATEST)) {
            throw LambdaException.invalidParameter("Unsupported starting position " + startingPosition
                    + " for a DynamoDB stream: TRIM_HORIZON or LATEST.");
        }
        Integer age = integer(node, "MaximumRecordAgeInSeconds", -1, 604_800);
        if (age != null && age >= 0 && age < 60) {
            throw LambdaException.invalidParameter("MaximumRecordAgeInSeconds must be -1 or between 60 and 604800.");
        }
        return new MappingRequest(string(node, "FunctionName"), string(node, "EventSourceArn"), bool(node, "Enabled"),
                integer(node, "BatchSize", 1, 10_000), integer(node, "MaximumBatchingWindowInSeconds", 0, 300),
                startingPosition, integer(node, "MaximumRetryAttempts", -1, 10_000), age,
                bool(node, "BisectBatchOnFunctionError"), responseTypes(node), destination(node), filters(node));
    }

    private static String string(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw LambdaException.invalidParameter(name + " must be a string.");
        }
        return value.stringValue();
    }

    private static Boolean bool(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw LambdaException.invalidParameter(name + " must be a boolean.");
        }
        return value.booleanValue();
    }

    private static Integer integer(JsonNode node, String name, int min, int max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw LambdaException.invalidParameter(name + " must be an integer.");
        }
        int number = value.intValue();
        String member = Character.toLowerCase(name.charAt(0)) + name.substring(1);
        if (number < min) {
            throw new LambdaException(400, "ValidationException", "1 validation error detected: Value '" + number + "' at '"
                    + member + "' failed to satisfy constraint: Member must have value greater than or equal to " + min);
        }
        if (number > max) {
            throw new LambdaException(400, "ValidationException", "1 validation error detected: Value '" + number + "' at '"
                    + member + "' failed to satisfy constraint: Member must have value less than or equal to " + max);
        }
        return number;
    }

    private static List<String> responseTypes(JsonNode node) {
        JsonNode value = node.get("FunctionResponseTypes");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw LambdaException.invalidParameter("FunctionResponseTypes must be a list.");
        }
        List<String> types = new ArrayList<>();
        for (JsonNode type : value) {
            if (!type.isString() || !type.stringValue().equals(EventSourceMapping.REPORT_BATCH_ITEM_FAILURES)) {
                throw new LambdaException(400, "ValidationException", "1 validation error detected: Value '" + value
                        + "' at 'functionResponseTypes' failed to satisfy constraint: Member must satisfy constraint: "
                        + "[Member must satisfy enum value set: [ReportBatchItemFailures]]");
            }
            if (!types.contains(type.stringValue())) {
                types.add(type.stringValue());
            }
        }
        return types;
    }

    /** The DestinationConfig object, or null; an OnFailure destination must name a Kafka topic. */
    private static JsonNode destination(JsonNode node) {
        JsonNode value = node.get("DestinationConfig");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw LambdaException.invalidParameter("DestinationConfig must be an object.");
        }
        JsonNode onSuccess = value.path("OnSuccess").path("Destination");
        if (!onSuccess.isMissingNode() && !onSuccess.isNull()) {
            throw LambdaException.invalidParameter("Unsupported OnSuccess destination type: event source mappings for DynamoDB streams only support OnFailure destinations.");
        }
        JsonNode destination = value.path("OnFailure").path("Destination");
        if (!destination.isMissingNode() && !destination.isNull()) {
            if (!destination.isString()) {
                throw LambdaException.invalidParameter("DestinationConfig.OnFailure.Destination must be a string.");
            }
            if (FailureDestinations.topicOf(destination.stringValue()).isEmpty()) {
                throw LambdaException.invalidParameter("The provided destination config DestinationConfig(onSuccess=null, onFailure=OnFailure(destination="
                        + destination.stringValue() + ")) is invalid: this server sends discarded records to a Kafka topic, "
                        + "named as is, as kafka://<topic> or as arn:aws:kafka:<region>:<account>:topic/<topic>.");
            }
        }
        return value;
    }

    String onFailureDestination() {
        if (destinationConfig == null) {
            return null;
        }
        JsonNode destination = destinationConfig.path("OnFailure").path("Destination");
        return destination.isString() ? destination.stringValue() : null;
    }

    private static List<String> filters(JsonNode node) {
        JsonNode value = node.get("FilterCriteria");
        if (value == null || value.isNull()) {
            return null;
        }
        JsonNode list = value.get("Filters");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw LambdaException.invalidParameter("FilterCriteria.Filters must be a list.");
        }
        List<String> patterns = new ArrayList<>();
        for (JsonNode filter : list) {
            JsonNode pattern = filter.get("Pattern");
            if (pattern == null || !pattern.isString()) {
                throw LambdaException.invalidParameter("Invalid filter pattern definition.");
            }
            try {
                EventPattern.parse(pattern.stringValue());
            } catch (InvalidPatternException e) {
                throw LambdaException.invalidParameter("Invalid filter pattern definition. " + e.getMessage());
            }
            patterns.add(pattern.stringValue());
        }
        if (patterns.size() > 5) {
            throw LambdaException.invalidParameter("FilterCriteria can hold at most 5 filters.");
        }
        return patterns;
    }
}
