package dev.ddb.item.expression.legacy;

import static dev.ddb.item.expression.Values.item;
import static dev.ddb.item.expression.Values.n;
import static dev.ddb.item.expression.Values.validationError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.ddb.common.json.Json;
import dev.ddb.item.expression.DocumentPath;
import dev.ddb.item.expression.Projection;
import tools.jackson.databind.JsonNode;

class LegacyProjectionTest {

    private static JsonNode json(String text) {
        return Json.read(text.replace('\'', '"').getBytes());
    }

    @Test
    void namesAreTakenLiterally() {
        Projection projection = LegacyProjection.fromAttributesToGet(json("['a.b', 'status']"));
        assertThat(projection.paths()).containsExactly(DocumentPath.of("a.b"), DocumentPath.of("status"));
        assertThat(projection.project(item("a.b", n("1"), "c", n("2")))).isEqualTo(item("a.b", n("1")));
    }

    @Test
    void absentIsNullButEmptyAndDuplicatesAreErrors() {
        assertThat(LegacyProjection.fromAttributesToGet(null)).isNull();
        assertThat(validationError(() -> LegacyProjection.fromAttributesToGet(json("[]"))))
                .isEqualTo("1 validation error detected: Value '[]' at 'attributesToGet' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1");
        assertThat(validationError(() -> LegacyProjection.fromAttributesToGet(json("['a','a']"))))
                .isEqualTo("One or more parameter values were invalid: Duplicate value in attribute name: a");
    }
}
