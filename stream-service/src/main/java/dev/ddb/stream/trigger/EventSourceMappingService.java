package dev.ddb.stream.trigger;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.ddb.common.json.Json;
import dev.ddb.stream.registry.Stream;
import dev.ddb.stream.registry.StreamArn;
import dev.ddb.stream.registry.StreamRegistry;
import dev.ddb.stream.registry.TableChangesSeen;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Lambda's event source mapping operations for DynamoDB stream sources. */
@Service
public class EventSourceMappingService {

    private static final String ENABLED = "Enabled";
    private static final String DISABLED = "Disabled";

    private final EventSourceMappingStore store;
    private final MappingRunners runners;
    private final Functions functions;
    private final StreamRegistry streams;
    private final TableChangesSeen tableChanges;

    public EventSourceMappingService(EventSourceMappingStore store, MappingRunners runners, Functions functions,
                                     StreamRegistry streams, TableChangesSeen tableChanges) {
        this.tableChanges = tableChanges;
        this.store = store;
        this.runners = runners;
        this.functions = functions;
        this.streams = streams;
    }

    public synchronized ObjectNode create(String region, byte[] body) {
        MappingRequest request = MappingRequest.parse(body);
        if (request.functionName() == null) {
            throw LambdaException.invalidParameter("FunctionName is required.");
        }
        if (request.eventSourceArn() == null) {
            throw LambdaException.invalidParameter("Unrecognized event source, must be kinesis, dynamodb stream, sqs, msk or kafka");
        }
        Functions.Function function = functions.resolve(region, request.functionName());
        Stream stream = stream(request.eventSourceArn());
        if (request.startingPosition() == null) {
            throw LambdaException.invalidParameter("1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: "
                    + "StartingPosition is required for DynamoDB stream event sources: TRIM_HORIZON or LATEST");
        }
        for (EventSourceMapping existing : store.all()) {
            if (existing.functionArn().equals(function.arn()) && existing.eventSourceArn().equals(stream.streamArn())) {
                throw LambdaException.conflict("The event source arn (\" " + stream.streamArn() + " \") and function (\" "
                        + function.name() + " \") provided mapping already exists. Please update or delete the existing mapping with UUID "
                        + existing.uuid());
            }
        }
        long now = System.currentTimeMillis();
        EventSourceMapping mapping = new EventSourceMapping(UUID.randomUUID().toString(), region, function.arn(),
                stream.streamArn(), request.startingPosition(), or(request.batchSize(), 100),
                or(request.maximumBatchingWindowInSeconds(), 0), or(request.enabled(), true),
                or(request.maximumRetryAttempts(), -1), or(request.maximumRecordAgeInSeconds(), -1),
                or(request.bisectBatchOnFunctionError(), false), or(request.functionResponseTypes(), List.of()),
                request.onFailureDestination(), or(request.filters(), List.of()), now, now);
        store.save(mapping);
        runners.apply(mapping);
        return describe(mapping, "Creating");
    }

    public ObjectNode get(String uuid) {
        EventSourceMapping mapping = find(uuid);
        return describe(mapping, mapping.enabled() ? ENABLED : DISABLED);
    }

    public ObjectNode list(String region, String functionName, String eventSourceArn, String marker, String maxItems) {
        int max = 100;
        if (maxItems != null) {
            try {
                max = Integer.parseInt(maxItems);
            } catch (NumberFormatException e) {
                throw LambdaException.invalidParameter("MaxItems must be a number.");
            }
            if (max < 1 || max > 10_000) {
                throw new LambdaException(400, "ValidationException", "1 validation error detected: Value '" + max
                        + "' at 'maxItems' failed to satisfy constraint: Member must have value "
                        + (max < 1 ? "greater than or equal to 1" : "less than or equal to 10000"));
            }
        }
        int start = 0;
        if (marker != null && !marker.isEmpty()) {
            try {
                start = Integer.parseInt(marker);
            } catch (NumberFormatException e) {
                throw LambdaException.invalidParameter("Invalid marker: " + marker);
            }
        }
        String functionFilter = null;
        if (functionName != null && !functionName.isEmpty()) {
            String name = Functions.nameIn(functionName)
                    .orElseThrow(() -> LambdaException.invalidParameter("Invalid function name: " + functionName));
            functionFilter = functions.arnOf(region, name);
        }
        String arnFilter = eventSourceArn == null || eventSourceArn.isEmpty() ? null : eventSourceArn;
        String wantedFunction = functionFilter;
        List<EventSourceMapping> matching = store.all().stream()
                .filter(mapping -> mapping.region().equals(region))
                .filter(mapping -> wantedFunction == null || mapping.functionArn().equals(wantedFunction))
                .filter(mapping -> arnFilter == null || mapping.eventSourceArn().equals(arnFilter))
                .toList();
        ObjectNode answer = Json.object();
        ArrayNode page = answer.putArray("EventSourceMappings");
        int end = Math.min(matching.size(), start + max);
        for (int i = start; i < end; i++) {
            EventSourceMapping mapping = matching.get(i);
            page.add(describe(mapping, mapping.enabled() ? ENABLED : DISABLED));
        }
        if (end < matching.size()) {
            answer.put("NextMarker", Integer.toString(end));
        }
        return answer;
    }

    public synchronized ObjectNode update(String region, String uuid, byte[] body) {
        EventSourceMapping current = find(uuid);
        MappingRequest request = MappingRequest.parse(body);
        if (request.eventSourceArn() != null || request.startingPosition() != null) {
            throw LambdaException.invalidParameter("EventSourceArn and StartingPosition cannot be updated.");
        }
        String functionArn = current.functionArn();
        if (request.functionName() != null) {
            functionArn = functions.resolve(region, request.functionName()).arn();
        }
        String destination = request.destinationConfig() != null ? request.onFailureDestination() : current.onFailureDestination();
        EventSourceMapping updated = new EventSourceMapping(current.uuid(), current.region(), functionArn,
                current.eventSourceArn(), current.startingPosition(), or(request.batchSize(), current.batchSize()),
                or(request.maximumBatchingWindowInSeconds(), current.maximumBatchingWindowInSeconds()),
                or(request.enabled(), current.enabled()),
                or(request.maximumRetryAttempts(), current.maximumRetryAttempts()),
                or(request.maximumRecordAgeInSeconds(), current.maximumRecordAgeInSeconds()),
                or(request.bisectBatchOnFunctionError(), current.bisectBatchOnFunctionError()),
                or(request.functionResponseTypes(), current.functionResponseTypes()), destination,
                or(request.filters(), current.filters()), System.currentTimeMillis(), current.createdMillis());
        store.save(updated);
        runners.apply(updated);
        return describe(updated, "Updating");
    }

    public synchronized ObjectNode delete(String uuid) {
        EventSourceMapping mapping = find(uuid);
        runners.remove(uuid);
        runners.forget(uuid);
        store.delete(uuid);
        return describe(mapping, "Deleting");
    }

    private EventSourceMapping find(String uuid) {
        return store.find(uuid).orElseThrow(() -> LambdaException.notFound("The resource you requested does not exist."));
    }

    private Stream stream(String eventSourceArn) {
        if (StreamArn.parse(eventSourceArn).isEmpty()) {
            throw LambdaException.invalidParameter("Unrecognized event source, must be kinesis, dynamodb stream, sqs, msk or kafka");
        }
        tableChanges.await(); // a stream enabled a moment ago is known
        return streams.find(eventSourceArn).filter(Stream::enabled).orElseThrow(() -> LambdaException.invalidParameter(
                "Stream not found: " + eventSourceArn));
    }

    private ObjectNode describe(EventSourceMapping mapping, String state) {
        return mapping.toApi(state, runners.lastProcessingResult(mapping.uuid()), functions.accountId());
    }

    private static <T> T or(T value, T otherwise) {
        return Objects.requireNonNullElse(value, otherwise);
    }
}
