package dev.ddb.item.expression.legacy;

import static dev.ddb.item.expression.Values.item;
import static dev.ddb.item.expression.Values.l;
import static dev.ddb.item.expression.Values.n;
import static dev.ddb.item.expression.Values.s;
import static dev.ddb.item.expression.Values.ss;
import static dev.ddb.item.expression.Values.validationError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.ddb.common.json.Json;
import dev.ddb.item.expression.UpdateExpression;
import tools.jackson.databind.JsonNode;

class LegacyUpdatesTest {

    private static JsonNode json(String text) {
        return Json.read(text.replace('\'', '"').getBytes());
    }

    private static UpdateExpression updates(String json) {
        return LegacyUpdates.fromAttributeUpdates(json(json));
    }

    @Test
    void putSetsAndIsTheDefaultAction() {
        assertThat(updates("{'a':{'Value':{'N':'1'}},'b':{'Action':'PUT','Value':{'S':'x'}}}").apply(item("a", s("old"))))
                .isEqualTo(item("a", n("1"), "b", s("x")));
    }

    @Test
    void deleteWithoutValueRemovesAndWithASetRemovesMembers() {
        assertThat(updates("{'a':{'Action':'DELETE'}}").apply(item("a", n("1"), "b", n("2")))).isEqualTo(item("b", n("2")));
        assertThat(updates("{'a':{'Action':'DELETE','Value':{'SS':['x']}}}").apply(item("a", ss("x", "y"))))
                .isEqualTo(item("a", ss("y")));
    }

    @Test
    void addWorksOnNumbersSetsAndLists() {
        assertThat(updates("{'a':{'Action':'ADD','Value':{'N':'2'}}}").apply(item("a", n("1")))).isEqualTo(item("a", n("3")));
        assertThat(updates("{'a':{'Action':'ADD','Value':{'SS':['z']}}}").apply(null)).isEqualTo(item("a", ss("z")));
        assertThat(updates("{'a':{'Action':'ADD','Value':{'L':[{'N':'2'}]}}}").apply(item("a", l(n("1")))))
                .isEqualTo(item("a", l(n("1"), n("2"))));
        assertThat(updates("{'a':{'Action':'ADD','Value':{'L':[{'N':'2'}]}}}").apply(null)).isEqualTo(item("a", l(n("2"))));
    }

    @Test
    void emptyUpdatesChangeNothing() {
        assertThat(updates("{}").actions()).isEmpty();
        assertThat(updates("{}").apply(null)).isEmpty();
        assertThat(LegacyUpdates.fromAttributeUpdates(null).actions()).isEmpty();
        assertThat(updates("{'a':null}").actions()).isEmpty();
    }

    @Test
    void invalidUpdatesAreRejected() {
        assertThat(validationError(() -> updates("{'a':{'Action':'PUT'}}")))
                .isEqualTo("One or more parameter values were invalid: Only DELETE action is allowed when no attribute value is specified");
        assertThat(validationError(() -> updates("{'a':{'Action':'DELETE','Value':{'S':'1'}}}")))
                .isEqualTo("One or more parameter values were invalid: DELETE action with value is not supported for the type S");
        assertThat(validationError(() -> updates("{'a':{'Action':'ADD','Value':{'BOOL':true}}}")))
                .isEqualTo("One or more parameter values were invalid: ADD action is not supported for the type BOOL");
        assertThat(validationError(() -> updates("{'a':{'Action':'SET','Value':{'S':'1'}}}")))
                .isEqualTo("1 validation error detected: Value 'SET' at 'attributeUpdates.a.member.action' failed to satisfy "
                        + "constraint: Member must satisfy enum value set: [ADD, PUT, DELETE]");
    }
}
