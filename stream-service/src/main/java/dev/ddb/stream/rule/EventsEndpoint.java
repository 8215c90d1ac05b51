package dev.ddb.stream.rule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * EventBridge's wire protocol (AWS JSON 1.1, {@code X-Amz-Target: AWSEvents.<Operation>}) on stream-service's
 * {@code POST /}, beside the DynamoDB Streams API: every outcome is an answer, errors as EventBridge writes them.
 */
@Component
public class EventsEndpoint {

    public static final String TARGET_PREFIX = "AWSEvents.";
    private static final Logger LOG = LoggerFactory.getLogger(EventsEndpoint.class);

    private final RuleOperations operations;

    public EventsEndpoint(RuleOperations operations) {
        this.operations = operations;
    }

    public static boolean handles(String target) {
        return target != null && target.startsWith(TARGET_PREFIX);
    }

    /** Blocks (store and Kafka calls): call it off the event loop. */
    public Response invoke(String region, String target, byte[] body) {
        try {
            JsonNode request;
            try {
                request = body == null || body.length == 0 ? Json.object() : Json.MAPPER.readTree(body);
            } catch (RuntimeException e) {
                throw EventsException.serialization("Start of structure or map found where not expected.");
            }
            if (!request.isObject()) {
                throw EventsException.serialization("Start of structure or map found where not expected.");
            }
            ObjectNode answer = operations.invoke(region, target.substring(TARGET_PREFIX.length()), (ObjectNode) request);
            return Response.of(200, Json.write(answer));
        } catch (EventsException e) {
            return Response.of(e.status(), Json.write(e.body()));
        } catch (RuntimeException e) {
            LOG.error("EventBridge operation {} failed", target, e);
            return Response.of(500, Json.write(Json.object().put("__type", "InternalException")
                    .put("message", "Internal error: " + e.getMessage())));
        }
    }
}
