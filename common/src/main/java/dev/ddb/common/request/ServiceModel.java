package dev.ddb.common.request;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 * stripped) and, beside each, what DynamoDB's front end does beyond its model
 * ({@code *-validation-order.json}): the order its messages list members and enum values in, the
 * inputs whose TableName it checks first, the members it constrains further than the model does,
 * and the shapes that take a table name or a table ARN. One engine ({@link RequestValidator})
 * reads them, so each member's JSON type, lengths, ranges, patterns and enums are checked in one
 * place, as DynamoDB's front end does.
 */
public final class ServiceModel {

    public static final ServiceModel DYNAMODB = load("dynamodb-2012-08-10.json", "dynamodb-validation-order.json");
    public static final ServiceModel STREAMS = load("dynamodbstreams-2012-08-10.json", "dynamodbstreams-validation-order.json");

    /** Coral's package of DynamoDB's request classes, named in its deserializer's messages. */
    private static final String MODEL_PACKAGE = "com.amazonaws.dynamodb.v20120810.";

    private final Map<String, String> inputShapes;
    private final Map<String, Shape> shapes;

    private ServiceModel(Map<String, String> inputShapes, Map<String, Shape> shapes) {
        this.inputShapes = inputShapes;
        this.shapes = shapes;
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
     * @param resource      the AWS API model
     * @param orderResource what DynamoDB's front end does beyond the model (see the class comment)
     */
    private static ServiceModel load(String resource, String orderResource) {
        JsonNode model = readResource(resource);
        JsonNode order = readResource(orderResource);
        Map<String, String> inputs = new HashMap<>();
        for (Map.Entry<String, JsonNode> op : model.get("operations").properties()) {
            JsonNode input = op.getValue().get("input");
            inputs.put(op.getKey(), input == null ? "" : input.get("shape").asString());
        }
        JsonNode definitions = model.get("shapes");
        Map<String, Shape> shapes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : definitions.properties()) {
            shapes.put(e.getKey(), scalarParts(e.getKey(), e.getValue(), order.path("enumOrder").get(e.getKey())));
        }
        for (Map.Entry<String, JsonNode> e : definitions.properties()) {
            Shape shape = shapes.get(e.getKey());
            shape.member = reference(shapes, e.getValue(), "member");
            shape.key = reference(shapes, e.getValue(), "key");
            shape.value = reference(shapes, e.getValue(), "value");
        }
        for (Map.Entry<String, JsonNode> e : order.path("tableNames").properties()) {
            shapes.get(e.getKey()).asName = existing(shapes, e.getValue().asString());
        }
        List<Shape> all = new ArrayList<>(shapes.values());
        Set<String> overridden = new HashSet<>();
        for (Map.Entry<String, JsonNode> e : definitions.properties()) {
            if (e.getValue().has("members")) {
                members(shapes, shapes.get(e.getKey()), e.getValue(), order, all, overridden);
            }
        }
        for (Map.Entry<String, JsonNode> e : order.path("memberConstraints").properties()) {
            if (!overridden.contains(e.getKey())) {
                throw new IllegalStateException("No member " + e.getKey() + " in " + resource);
            }
        }
        for (String name : strings(order.get("tableNameCheckedFirst"))) {
            Shape input = existing(shapes, name);
            if (!input.byName.containsKey("TableName")) {
                throw new IllegalStateException(name + " has no TableName");
            }
            input.tableNameFirst = true;
        }
        constrained(all);
        for (Shape shape : all) {
            finish(shape);
        }
        return new ServiceModel(Map.copyOf(inputs), Map.copyOf(shapes));
    }

    private static Shape scalarParts(String name, JsonNode node, JsonNode reportedEnum) {
        Shape shape = new Shape(name, kind(node.get("type").asString()));
        shape.min = number(node, "min");
        shape.max = number(node, "max");
        JsonNode pattern = node.get("pattern");
        if (pattern != null) {
            shape.patternText = pattern.asString();
            shape.pattern = Pattern.compile(shape.patternText);
        }
        JsonNode values = node.get("enum");
        if (values != null) {
            List<String> declared = strings(values);
            List<String> reported = reportedEnum == null ? declared : strings(reportedEnum);
            if (reported.size() != declared.size() || !reported.containsAll(declared)) {
                throw new IllegalStateException("The enum order of " + name + " must list exactly its values " + declared);
            }
            shape.enumValues = reported;
        } else if (reportedEnum != null) {
            throw new IllegalStateException(name + " is not an enum");
        }
        return shape;
    }

    /**
     * The members of a structure in DynamoDB's reporting order (those the order file lists, then
     * the others in the model's order), each with the constraints DynamoDB adds to the model's.
     */
    private static void members(Map<String, Shape> shapes, Shape structure, JsonNode node, JsonNode order,
                                List<Shape> all, Set<String> overridden) {
        List<String> required = node.has("required") ? strings(node.get("required")) : List.of();
        Map<String, Shape.Member> declared = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> m : node.get("members").properties()) {
            String name = m.getKey();
            String id = structure.name + "." + name;
            Shape shape = existing(shapes, m.getValue().get("shape").asString());
            boolean isRequired = required.contains(name);
            JsonNode override = order.path("memberConstraints").get(id);
            if (override != null) {
                overridden.add(id);
                if (override.has("shape")) {
                    shape = existing(shapes, override.get("shape").asString());
                }
                if (override.has("min") || override.has("max")) {
                    shape = shape.copy();
                    shape.min = override.has("min") ? Long.valueOf(override.get("min").asLong()) : shape.min;
                    shape.max = override.has("max") ? Long.valueOf(override.get("max").asLong()) : shape.max;
                    all.add(shape);
                }
                isRequired |= override.path("required").asBoolean(false);
            }
            declared.put(name, new Shape.Member(name, Character.toLowerCase(name.charAt(0)) + name.substring(1),
                    shape, isRequired));
        }
        Map<String, Shape.Member> reported = new LinkedHashMap<>();
        JsonNode reportedOrder = order.path("memberOrder").get(structure.name);
        if (reportedOrder != null) {
            for (String name : strings(reportedOrder)) {
                Shape.Member member = declared.get(name);
                if (member == null) {
                    throw new IllegalStateException("The member order of " + structure.name + " names no member " + name);
                }
                reported.put(name, member);
            }
        }
        reported.putAll(declared);
        structure.declared = declared.values().toArray(Shape.NO_MEMBERS);
        structure.members = reported.values().toArray(Shape.NO_MEMBERS);
        structure.byName = Map.copyOf(declared);
    }

    /** Which shapes can hold a constraint violation, found by iterating to a fixed point (shapes nest recursively). */
    private static void constrained(List<Shape> all) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Shape shape : all) {
                if (shape.constrained) {
                    continue;
                }
                boolean constrained = shape.hasOwnConstraints()
                        || shape.member != null && shape.member.constrained
                        || shape.key != null && shape.key.constrained
                        || shape.value != null && shape.value.constrained;
                for (Shape.Member member : shape.members) {
                    constrained |= member.required() || member.shape().constrained;
                }
                if (constrained) {
                    shape.constrained = true;
                    changed = true;
                }
            }
        }
    }

    private static void finish(Shape shape) {
        List<Shape.Member> checked = new ArrayList<>();
        for (Shape.Member member : shape.members) {
            if (member.required() || member.shape().constrained) {
                checked.add(member);
            }
        }
        shape.checked = checked.toArray(Shape.NO_MEMBERS);
        shape.javaType = javaType(shape);
        if (shape.enumValues != null) {
            shape.enumText = "[" + String.join(", ", shape.enumValues) + "]";
        }
        shape.constraintList = constraintList(shape);
    }

    /** How DynamoDB's deserializer names the Java type of a shape. */
    private static String javaType(Shape shape) {
        return switch (shape.kind) {
            case STRUCTURE -> MODEL_PACKAGE + shape.name;
            case LIST -> "java.util.List<" + javaType(shape.member) + ">";
            case MAP -> "java.util.Map<java.lang.String, " + javaType(shape.value) + ">";
            case STRING -> "java.lang.String";
            case BOOLEAN -> "java.lang.Boolean";
            case INTEGER -> "java.lang.Integer";
            case LONG -> "java.lang.Long";
            case DOUBLE -> "java.lang.Double";
            case TIMESTAMP -> "java.util.Date";
            case BLOB -> "java.nio.ByteBuffer";
        };
    }

    /** A shape's constraints as DynamoDB lists them for map keys and values: maximum, minimum, pattern, enum. */
    private static String constraintList(Shape shape) {
        List<String> constraints = new ArrayList<>();
        String noun = shape.isNumber() ? "value" : "length";
        if (shape.max != null) {
            constraints.add("Member must have " + noun + " less than or equal to " + shape.max);
        }
        if (shape.min != null) {
            constraints.add("Member must have " + noun + " greater than or equal to " + shape.min);
        }
        if (shape.pattern != null) {
            constraints.add("Member must satisfy regular expression pattern: " + shape.patternText);
        }
        if (shape.enumValues != null) {
            constraints.add("Member must satisfy enum value set: [" + String.join(", ", shape.enumValues) + "]");
        }
        return constraints.toString();
    }

    private static Shape.Kind kind(String type) {
        return switch (type) {
            case "structure" -> Shape.Kind.STRUCTURE;
            case "list" -> Shape.Kind.LIST;
            case "map" -> Shape.Kind.MAP;
            case "string" -> Shape.Kind.STRING;
            case "boolean" -> Shape.Kind.BOOLEAN;
            case "integer" -> Shape.Kind.INTEGER;
            case "long" -> Shape.Kind.LONG;
            case "double", "float" -> Shape.Kind.DOUBLE;
            case "timestamp" -> Shape.Kind.TIMESTAMP;
            case "blob" -> Shape.Kind.BLOB;
            default -> throw new IllegalStateException("Unknown shape type " + type);
        };
    }

    private static Shape existing(Map<String, Shape> shapes, String name) {
        Shape shape = shapes.get(name);
        if (shape == null) {
            throw new IllegalStateException("No shape " + name + " in the service model");
        }
        return shape;
    }

    private static Shape reference(Map<String, Shape> shapes, JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null ? null : existing(shapes, value.get("shape").asString());
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

    private static Long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null ? null : value.asLong();
    }

    private static List<String> strings(JsonNode array) {
        if (array == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return List.copyOf(values);
    }
}
