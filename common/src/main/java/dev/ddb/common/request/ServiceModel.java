package dev.ddb.common.request;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.AwsJsonProtocol;
import tools.jackson.databind.JsonNode;

/**
 * The declarative description of every operation's members: DynamoDB's and DynamoDB Streams' own
 * API models (the service-2.json files AWS publishes with its SDKs, Apache 2.0, documentation
 * stripped). One engine ({@link RequestValidator}) reads them, so each member's JSON type,
 * lengths, ranges, patterns and enums are checked in one place, as DynamoDB's front end does.
 */
public final class ServiceModel {

    public static final ServiceModel DYNAMODB = load("dynamodb-2012-08-10.json", "dynamodb-validation-order.json");
    public static final ServiceModel STREAMS = load("dynamodbstreams-2012-08-10.json", "dynamodbstreams-validation-order.json");

    private final Map<String, String> inputShapes;
    private final Map<String, Shape> shapes;
    private final Set<String> tableNameCheckedFirst;

    private ServiceModel(Map<String, String> inputShapes, Map<String, Shape> shapes, Set<String> tableNameCheckedFirst) {
        this.inputShapes = inputShapes;
        this.shapes = shapes;
        this.tableNameCheckedFirst = tableNameCheckedFirst;
    }

    /** The model of the service an {@code X-Amz-Target} header addresses, or null. */
    public static ServiceModel forTarget(String target) {
        if (target == null) {
            return null;
        }
        if (target.startsWith(AwsJsonProtocol.DYNAMODB_PREFIX)) {
            return DYNAMODB;
        }
        if (target.startsWith(AwsJsonProtocol.STREAMS_PREFIX)) {
            return STREAMS;
        }
        return null;
    }

    /** The model of the service that has this operation (DynamoDB and DynamoDB Streams share no names). */
    public static ServiceModel owning(String operation) {
        return STREAMS.hasOperation(operation) ? STREAMS : DYNAMODB;
    }

    /** Whether the service has this operation (implemented here or not). */
    public boolean hasOperation(String operation) {
        return operation != null && inputShapes.containsKey(operation);
    }

    /** The input shape of an operation, or null when the service has no such operation or it takes no input. */
    public Shape input(String operation) {
        String name = inputShapes.get(operation);
        return name == null ? null : shapes.get(name);
    }

    public Shape shape(String name) {
        Shape shape = shapes.get(name);
        if (shape == null) {
            throw new IllegalStateException("No shape " + name + " in the service model");
        }
        return shape;
    }

    /**
     * Input shapes whose TableName DynamoDB checks before everything else, with messages of its own
     * ("The parameter 'TableName' is required ...", "TableName must be at least 3 characters ...").
     */
    boolean checksTableNameFirst(Shape input) {
        return tableNameCheckedFirst.contains(input.name());
    }

    /**
     * @param resource      the AWS API model
     * @param orderResource where DynamoDB's messages list members in another order than the model
     *                      declares them: the order per shape, and the inputs whose TableName is checked first
     */
    private static ServiceModel load(String resource, String orderResource) {
        JsonNode model = readResource(resource);
        JsonNode order = readResource(orderResource);
        Map<String, String> inputs = new HashMap<>();
        for (Map.Entry<String, JsonNode> op : model.get("operations").properties()) {
            JsonNode input = op.getValue().get("input");
            inputs.put(op.getKey(), input == null ? "" : input.get("shape").asString());
        }
        Map<String, Shape> shapes = new HashMap<>();
        JsonNode memberOrder = order.path("memberOrder");
        for (Map.Entry<String, JsonNode> e : model.get("shapes").properties()) {
            shapes.put(e.getKey(), shape(e.getKey(), e.getValue(), strings(memberOrder.get(e.getKey()))));
        }
        List<String> tableNameFirst = strings(order.get("tableNameCheckedFirst"));
        return new ServiceModel(Map.copyOf(inputs), Map.copyOf(shapes),
                tableNameFirst == null ? Set.of() : Set.copyOf(tableNameFirst));
    }

    private static JsonNode readResource(String resource) {
        try (InputStream in = ServiceModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing service model resource " + resource);
            }
            return Json.read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Shape shape(String name, JsonNode node, List<String> reportedOrder) {
        Map<String, String> declared = new LinkedHashMap<>();
        JsonNode memberNodes = node.get("members");
        if (memberNodes != null) {
            memberNodes.properties().forEach(m -> declared.put(m.getKey(), m.getValue().get("shape").asString()));
        }
        Map<String, String> members = new LinkedHashMap<>();
        if (reportedOrder != null) {
            reportedOrder.stream().filter(declared::containsKey).forEach(m -> members.put(m, declared.get(m)));
        }
        members.putAll(declared);
        String patternText = text(node, "pattern");
        return new Shape(name, node.get("type").asString(), number(node, "min"), number(node, "max"),
                patternText == null ? null : Pattern.compile(patternText), patternText,
                strings(node.get("enum")), reference(node, "member"), reference(node, "key"), reference(node, "value"),
                Collections.unmodifiableMap(members), strings(node.get("required")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null ? null : value.asString();
    }

    private static Long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null ? null : value.asLong();
    }

    private static String reference(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null ? null : value.get("shape").asString();
    }

    private static List<String> strings(JsonNode array) {
        if (array == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return List.copyOf(values);
    }
}
