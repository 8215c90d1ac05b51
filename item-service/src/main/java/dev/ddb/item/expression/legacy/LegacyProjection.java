package dev.ddb.item.expression.legacy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.item.expression.DocumentPath;
import dev.ddb.item.expression.Projection;
import tools.jackson.databind.JsonNode;

/** The legacy AttributesToGet: top-level attribute names, taken literally (no paths, no #names). */
public final class LegacyProjection {

    private LegacyProjection() {
    }

    /** Null when the request has no AttributesToGet. */
    public static Projection fromAttributesToGet(JsonNode attributesToGet) {
        if (LegacyParameters.isAbsent(attributesToGet)) {
            return null;
        }
        if (!attributesToGet.isArray()) {
            throw DynamoDbException.serialization("Unexpected value type in payload");
        }
        if (attributesToGet.isEmpty()) {
            throw DynamoDbException.validation("1 validation error detected: Value '[]' at 'attributesToGet' failed to "
                    + "satisfy constraint: Member must have length greater than or equal to 1");
        }
        List<DocumentPath> paths = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode name : attributesToGet) {
            if (!name.isString()) {
                throw DynamoDbException.serialization("Unexpected value type in payload");
            }
            if (!seen.add(name.stringValue())) {
                throw DynamoDbException.invalidParameter("Duplicate value in attribute name: " + name.stringValue());
            }
            paths.add(DocumentPath.of(name.stringValue()));
        }
        return new Projection(paths);
    }
}
