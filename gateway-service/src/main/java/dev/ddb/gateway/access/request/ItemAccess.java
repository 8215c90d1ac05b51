package dev.ddb.gateway.access.request;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import dev.ddb.gateway.access.policy.EvaluationContext;

/**
 * Builds the check of one item-level access (an item operation, a Query or Scan, one batch or
 * transaction entry) with DynamoDB's fine-grained condition keys: {@code dynamodb:LeadingKeys}
 * (the partition key values touched), {@code dynamodb:Attributes} (the attribute names read,
 * written or compared) and the request's {@code Select}, {@code ReturnValues},
 * {@code ReturnConsumedCapacity}.
 */
final class ItemAccess {

    static final String LEADING_KEYS = "dynamodb:LeadingKeys";
    static final String ATTRIBUTES = "dynamodb:Attributes";
    static final String SELECT = "dynamodb:Select";
    static final String RETURN_VALUES = "dynamodb:ReturnValues";
    static final String RETURN_CONSUMED_CAPACITY = "dynamodb:ReturnConsumedCapacity";
    /** The transaction an entry belongs to (TransactWriteItems, TransactGetItems), as DynamoDB names it. */
    static final String ENCLOSING_OPERATION = "dynamodb:EnclosingOperation";

    private final String action;
    private final String resource;
    private final EvaluationContext.Builder context;
    private final Set<String> attributes = new LinkedHashSet<>();
    private final List<String> leadingKeys = new ArrayList<>();
    private boolean leadingKeysUnknown;
    private boolean leadingKeysTracked;

    ItemAccess(String action, String resource, EvaluationContext base) {
        this.action = action;
        this.resource = resource;
        this.context = base.toBuilder();
    }

    /**
     * The partition key value of a Key or Item. {@code partitionKey} is what {@link PartitionKeys}
     * found: not tracked (no policy asks), unknown (table unknown) or the attribute's name.
     */
    ItemAccess leadingKeyOf(JsonNode keyOrItem, PartitionKeys.Found partitionKey) {
        JsonNode value = keyOrItem == null || partitionKey.name() == null ? null : keyOrItem.get(partitionKey.name());
        return leadingKey(value, partitionKey);
    }

    /** A partition key value given as an attribute value ({@code {"S": "alice"}}); null when there is none. */
    ItemAccess leadingKey(JsonNode attributeValue, PartitionKeys.Found partitionKey) {
        if (!partitionKey.tracked()) {
            return this;
        }
        leadingKeysTracked = true;
        String value = partitionKey.name() == null ? null : value(attributeValue);
        if (value == null) {
            leadingKeysUnknown = true;
        } else {
            leadingKeys.add(value);
        }
        return this;
    }

    /** The attribute names of a Key, an Item or a legacy parameter keyed by name (Expected, AttributeUpdates, ...). */
    ItemAccess attributeNamesOf(JsonNode object) {
        if (object != null && object.isObject()) {
            attributes.addAll(object.propertyNames());
        }
        return this;
    }

    /** The names an expression of the request names ({@code request[field]}), resolved by its ExpressionAttributeNames. */
    ItemAccess expression(JsonNode request, String field) {
        JsonNode expression = request.get(field);
        if (expression != null && expression.isString()) {
            attributes.addAll(ExpressionNames.topLevelNames(expression.stringValue(), request.get("ExpressionAttributeNames")));
        }
        return this;
    }

    /** A list of names, e.g. AttributesToGet. */
    ItemAccess names(JsonNode array) {
        if (array != null && array.isArray()) {
            for (JsonNode name : array) {
                if (name.isString()) {
                    attributes.add(name.stringValue());
                }
            }
        }
        return this;
    }

    /** A request parameter as its condition key, with DynamoDB's default when the request leaves it out. */
    ItemAccess parameter(String key, JsonNode value, String defaultValue) {
        if (value != null && value.isString()) {
            context.put(key, value.stringValue());
        } else if (defaultValue != null) {
            context.put(key, defaultValue);
        }
        return this;
    }

    /** Select as DynamoDB defaults it: SPECIFIC_ATTRIBUTES with a projection, else all (projected, on an index). */
    ItemAccess select(JsonNode request, boolean index) {
        boolean projection = request.has("ProjectionExpression") || request.has("AttributesToGet");
        String defaultSelect = projection ? "SPECIFIC_ATTRIBUTES" : index ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES";
        return parameter(SELECT, request.get("Select"), defaultSelect);
    }

    AccessCheck build() {
        context.put(ATTRIBUTES, List.copyOf(attributes));
        if (leadingKeysUnknown) {
            context.unknown(LEADING_KEYS);
        } else if (leadingKeysTracked) {
            context.put(LEADING_KEYS, List.copyOf(leadingKeys));
        }
        return new AccessCheck(action, resource, context.build());
    }

    /** A key attribute value as IAM sees it: the string, the number's text, the binary's base64. */
    private static String value(JsonNode attributeValue) {
        if (attributeValue == null || !attributeValue.isObject() || attributeValue.size() != 1) {
            return null;
        }
        for (String type : new String[] {"S", "N", "B"}) {
            JsonNode value = attributeValue.get(type);
            if (value != null && value.isString()) {
                return value.stringValue();
            }
        }
        return null;
    }
}
