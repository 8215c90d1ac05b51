package dev.ddb.item.expression.legacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.item.expression.AddAction;
import dev.ddb.item.expression.DeleteAction;
import dev.ddb.item.expression.DocumentPath;
import dev.ddb.item.expression.RemoveAction;
import dev.ddb.item.expression.SetAction;
import dev.ddb.item.expression.UpdateAction;
import dev.ddb.item.expression.UpdateExpression;
import dev.ddb.item.expression.ValueOperand;
import tools.jackson.databind.JsonNode;

/**
 * The legacy AttributeUpdates of UpdateItem as an update: PUT sets, DELETE without a value
 * removes, DELETE with a set removes members, ADD adds to numbers and sets and, unlike the
 * expression's ADD, also appends to lists.
 */
public final class LegacyUpdates {

    private static final List<String> ADD_TYPES = List.of("N", "SS", "NS", "BS", "L");
    private static final List<String> DELETE_TYPES = List.of("SS", "NS", "BS");

    private LegacyUpdates() {
    }

    /** An empty AttributeUpdates is allowed: the update then has no actions. */
    public static UpdateExpression fromAttributeUpdates(JsonNode attributeUpdates) {
        List<UpdateAction> actions = new ArrayList<>();
        if (!LegacyParameters.isAbsent(attributeUpdates)) {
            for (Map.Entry<String, JsonNode> entry : LegacyParameters.entries(attributeUpdates)) {
                if (!LegacyParameters.isAbsent(entry.getValue())) {
                    actions.add(action(entry.getKey(), entry.getValue()));
                }
            }
        }
        return new UpdateExpression(actions);
    }

    private static UpdateAction action(String attribute, JsonNode update) {
        String action = LegacyParameters.text(update, "Action");
        action = action == null ? "PUT" : action;
        if (!List.of("ADD", "PUT", "DELETE").contains(action)) {
            throw LegacyParameters.notInEnum(action, "attributeUpdates." + attribute + ".member.action", "[ADD, PUT, DELETE]");
        }
        JsonNode valueNode = LegacyParameters.member(update, "Value");
        DocumentPath path = DocumentPath.of(attribute);
        if (valueNode == null) {
            if (!action.equals("DELETE")) {
                throw DynamoDbException.invalidParameter("Only DELETE action is allowed when no attribute value is specified");
            }
            return new RemoveAction(path);
        }
        AttributeValue value = AttributeValueJson.read(valueNode);
        return switch (action) {
            case "PUT" -> new SetAction(path, new ValueOperand(value));
            case "ADD" -> {
                if (!ADD_TYPES.contains(value.type())) {
                    throw DynamoDbException.invalidParameter("ADD action is not supported for the type " + value.type());
                }
                yield new AddAction(path, value);
            }
            default -> {
                if (!DELETE_TYPES.contains(value.type())) {
                    throw DynamoDbException.invalidParameter("DELETE action with value is not supported for the type " + value.type());
                }
                yield new DeleteAction(path, value);
            }
        };
    }
}
