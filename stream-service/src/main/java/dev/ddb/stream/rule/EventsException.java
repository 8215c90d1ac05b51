package dev.ddb.stream.rule;

import dev.ddb.common.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * An error of the EventBridge API, answered as EventBridge does (AWS JSON 1.1): status 400 and
 * {@code {"__type": "<name>", "message": "..."}}.
 */
public class EventsException extends RuntimeException {

    private final int status;
    private final String type;

    public EventsException(int status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public ObjectNode body() {
        return Json.object().put("__type", type).put("message", getMessage());
    }

    public static EventsException validation(String message) {
        return new EventsException(400, "ValidationException", message);
    }

    public static EventsException resourceNotFound(String message) {
        return new EventsException(400, "ResourceNotFoundException", message);
    }

    public static EventsException invalidEventPattern(String reason) {
        return new EventsException(400, "InvalidEventPatternException", "Event pattern is not valid. Reason: " + reason);
    }

    public static EventsException unknownOperation() {
        return new EventsException(400, "UnknownOperationException", null);
    }

    public static EventsException serialization(String message) {
        return new EventsException(400, "SerializationException", message);
    }
}
