package dev.ddb.table.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.table.request.KeySchemaElement;
import dev.ddb.table.request.Projection;

/**
 * The rules a key schema and a projection follow wherever an index is defined: CreateTable's
 * KeySchema and secondary indexes, and UpdateTable's GlobalSecondaryIndexUpdates Create.
 */
public final class SecondaryIndexRules {

    /** NonKeyAttributes summed over all of a table's indexes (an attribute in two indexes counts twice). */
    public static final int MAX_PROJECTED_ATTRIBUTES = 100;

    private SecondaryIndexRules() {
    }

    /** HASH first, then at most one RANGE, on two different attributes. */
    public static void keyOrder(List<KeySchemaElement> keySchema) {
        if (keySchema.size() == 2 && keySchema.get(0).attributeName().equals(keySchema.get(1).attributeName())) {
            throw DynamoDbException.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        if (!KeySchemaElement.HASH.equals(keySchema.get(0).keyType())) {
            throw DynamoDbException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (keySchema.size() == 2 && !KeySchemaElement.RANGE.equals(keySchema.get(1).keyType())) {
            throw DynamoDbException.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }
    }

    /** ProjectionType has no default; NonKeyAttributes go with INCLUDE, and only with it. */
    public static void projection(Projection projection) {
        String type = projection.projectionType();
        if (type == null) {
            throw DynamoDbException.invalidParameter("Unknown ProjectionType: null");
        }
        List<String> nonKeyAttributes = projection.nonKeyAttributes();
        if (nonKeyAttributes != null && !Projection.INCLUDE.equals(type)) {
            throw DynamoDbException.invalidParameter("ProjectionType is " + type + ", but NonKeyAttributes is specified");
        }
        if (nonKeyAttributes == null && Projection.INCLUDE.equals(type)) {
            throw DynamoDbException.invalidParameter("ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
        }
        if (nonKeyAttributes != null) {
            Set<String> seen = new HashSet<>();
            for (String attribute : nonKeyAttributes) {
                if (!seen.add(attribute)) {
                    throw DynamoDbException.invalidParameter("Duplicate element in NonKeyAttributes: " + attribute);
                }
            }
        }
    }

    public static void projectedAttributesWithinLimit(int projectedAttributes) {
        if (projectedAttributes > MAX_PROJECTED_ATTRIBUTES) {
            throw DynamoDbException.invalidParameter("Number of projected attributes in all indexes exceeds limit of "
                    + MAX_PROJECTED_ATTRIBUTES);
        }
    }

    public static DynamoDbException undefinedKeys(List<String> keys, List<String> definedAttributes) {
        return DynamoDbException.invalidParameter("Some index key attributes are not defined in AttributeDefinitions. Keys: "
                + keys + ", AttributeDefinitions: " + definedAttributes);
    }

    public static List<String> names(List<KeySchemaElement> keySchema) {
        return keySchema.stream().map(KeySchemaElement::attributeName).toList();
    }
}
