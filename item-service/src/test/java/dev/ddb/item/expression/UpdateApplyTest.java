package dev.ddb.item.expression;

import static dev.ddb.item.expression.Values.b;
import static dev.ddb.item.expression.Values.bs;
import static dev.ddb.item.expression.Values.item;
import static dev.ddb.item.expression.Values.l;
import static dev.ddb.item.expression.Values.m;
import static dev.ddb.item.expression.Values.n;
import static dev.ddb.item.expression.Values.ns;
import static dev.ddb.item.expression.Values.s;
import static dev.ddb.item.expression.Values.ss;
import static dev.ddb.item.expression.Values.validationError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.ddb.common.attribute.AttributeValue;

class UpdateApplyTest {

    private static final String INVALID_PATH = "The document path provided in the update expression is invalid for update";
    private static final String MISSING = "The provided expression refers to an attribute that does not exist in the item";
    private static final String WRONG_TYPE = "An operand in the update expression has an incorrect data type";

    /** Applies the update to the item, with :values from alternating references and values. */
    private static Map<String, AttributeValue> apply(String update, Map<String, AttributeValue> item, Object... values) {
        return ExpressionParser.parseUpdate(update, Values.values(values)).apply(item);
    }

    private static String error(String update, Map<String, AttributeValue> item, Object... values) {
        return validationError(() -> apply(update, item, values));
    }

    @Test
    void setCreatesOrReplacesAndNeverChangesTheInput() {
        Map<String, AttributeValue> before = Map.of("p", s("k"), "a", s("hi"));
        assertThat(apply("SET b = :v", before, ":v", s("hello"))).isEqualTo(item("p", s("k"), "a", s("hi"), "b", s("hello")));
        assertThat(apply("SET a = :v", before, ":v", n("3"))).isEqualTo(item("p", s("k"), "a", n("3")));
        assertThat(before).isEqualTo(Map.of("p", s("k"), "a", s("hi")));
    }

    @Test
    void aMissingItemStartsEmpty() {
        assertThat(apply("SET b = :v", null, ":v", n("4"))).isEqualTo(item("b", n("4")));
        assertThat(apply("ADD c :v", null, ":v", n("8"))).isEqualTo(item("c", n("8")));
        assertThat(apply("REMOVE x.y, z[0]", null)).isEmpty();
    }

    @Test
    void setCopiesAttributesReadBeforeAnyWrite() {
        Map<String, AttributeValue> item = item("a", s("1"), "b", s("2"));
        assertThat(apply("SET a = b, b = a", item)).isEqualTo(item("a", s("2"), "b", s("1")));
        assertThat(apply("REMOVE a SET c = a", item)).isEqualTo(item("b", s("2"), "c", s("1")));
        assertThat(error("SET x = :v, y = x", item, ":v", n("4"))).isEqualTo(MISSING);
        assertThat(error("SET c = z", item)).isEqualTo(MISSING);
        assertThat(error("SET c = z", null)).isEqualTo(MISSING);
    }

    @Test
    void setWritesIntoExistingMapsOnly() {
        Map<String, AttributeValue> item = item("a", m("b", n("3"), "c", n("4")), "s", s("hello"), "l", l(s("hi")));
        assertThat(apply("SET a.c = :v, a.d = :v", item, ":v", n("7")))
                .containsEntry("a", m("b", n("3"), "c", n("7"), "d", n("7")));
        assertThat(error("SET s.c = :v", item, ":v", n("7"))).isEqualTo(INVALID_PATH);
        assertThat(error("SET l.c = :v", item, ":v", n("7"))).isEqualTo(INVALID_PATH);
        assertThat(error("SET q.c = :v", item, ":v", n("7"))).isEqualTo(INVALID_PATH);
        assertThat(error("SET a.q.c = :v", item, ":v", n("7"))).isEqualTo(INVALID_PATH);
        assertThat(error("SET q.c = :v", null, ":v", n("7"))).isEqualTo(INVALID_PATH);
    }

    @Test
    void setReplacesListElementsAndAppendsPastTheEndInIndexOrder() {
        Map<String, AttributeValue> item = item("a", l(s("one"), s("two"), s("three")), "s", s("x"));
        assertThat(apply("SET a[1] = :v", item, ":v", s("hello"))).containsEntry("a", l(s("one"), s("hello"), s("three")));
        assertThat(apply("SET a[7] = :v", item, ":v", s("hello"))).containsEntry("a", l(s("one"), s("two"), s("three"), s("hello")));
        assertThat(apply("SET a[84] = :a1, a[37] = :a2, a[17] = :a3, a[50] = :a4", item,
                ":a1", s("a1"), ":a2", s("a2"), ":a3", s("a3"), ":a4", s("a4")))
                .containsEntry("a", l(s("one"), s("two"), s("three"), s("a3"), s("a2"), s("a4"), s("a1")));
        assertThat(error("SET s[0] = :v", item, ":v", n("1"))).isEqualTo(INVALID_PATH);
        assertThat(error("SET q[0] = :v", item, ":v", n("1"))).isEqualTo(INVALID_PATH);
        assertThat(error("SET a[9].x = :v", item, ":v", n("1"))).isEqualTo(INVALID_PATH);
    }

    @Test
    void setWritesDeepPaths() {
        Map<String, AttributeValue> item = item("a", m("b", n("3"), "c", l(s("hi"), m("x", m("y", l(n("3"), n("5"), n("7")))))));
        Map<String, AttributeValue> after = apply("SET a.c[1].x.y[1] = :v, a.z = a.c[1].x.y[2]", item, ":v", n("9"));
        assertThat(after.get("a")).isEqualTo(m("b", n("3"), "c", l(s("hi"), m("x", m("y", l(n("3"), n("9"), n("7"))))), "z", n("7")));
    }

    @Test
    void arithmeticAddsAndSubtractsExistingNumbers() {
        Map<String, AttributeValue> item = item("a", n("2"), "s", s("x"));
        assertThat(apply("SET a = a + :v", item, ":v", n("3"))).containsEntry("a", n("5"));
        assertThat(apply("SET b = :v - a", item, ":v", n("7"))).containsEntry("b", n("5"));
        assertThat(apply("SET b = :v + :w", item, ":v", n("0.1"), ":w", n("0.2"))).containsEntry("b", n("0.3"));
        assertThat(error("SET a = q + :v", item, ":v", n("1"))).isEqualTo(MISSING);
        assertThat(error("SET a = s + :v", item, ":v", n("1"))).isEqualTo(WRONG_TYPE);
    }

    @Test
    void arithmeticResultsMustBeStorableNumbers() {
        assertThat(error("SET a = a + :v", item("a", n("9E+125")), ":v", n("9E+125")))
                .isEqualTo("Number overflow. Attempting to store a number with magnitude larger than supported range");
        assertThat(error("SET a = a + :v", item("a", n("1E+20")), ":v", n("0.000000000000000001")))
                .isEqualTo("Attempting to store more than 38 significant digits in a Number");
    }

    @Test
    void ifNotExistsKeepsAnExistingValue() {
        assertThat(apply("SET a = if_not_exists(a, :v)", item(), ":v", n("2"))).containsEntry("a", n("2"));
        assertThat(apply("SET a = if_not_exists(a, :v)", item("a", n("1")), ":v", n("2"))).containsEntry("a", n("1"));
        assertThat(apply("SET b = if_not_exists(c, :v)", item("a", n("1")), ":v", n("4"))).containsEntry("b", n("4"));
        assertThat(apply("SET n = if_not_exists(n, :zero) + :one", item(), ":zero", n("0"), ":one", n("1")))
                .containsEntry("n", n("1"));
        assertThat(apply("SET x = if_not_exists(b, if_not_exists(a, :v))", item("a", n("3")), ":v", n("4")))
                .containsEntry("x", n("3"));
    }

    @Test
    void listAppendJoinsTwoExistingLists() {
        Map<String, AttributeValue> item = item("a", l(s("hi"), n("2")), "n", n("7"));
        assertThat(apply("SET a = list_append(a, :v)", item, ":v", l(n("4")))).containsEntry("a", l(s("hi"), n("2"), n("4")));
        assertThat(apply("SET a = list_append(:v, a)", item, ":v", l(s("dog")))).containsEntry("a", l(s("dog"), s("hi"), n("2")));
        assertThat(apply("SET c = list_append(a, a)", item)).containsEntry("c", l(s("hi"), n("2"), s("hi"), n("2")));
        assertThat(apply("SET a = list_append(if_not_exists(q, :empty), :v)", item, ":empty", l(), ":v", l(n("1"))))
                .containsEntry("a", l(n("1")));
        assertThat(error("SET a = list_append(b, :v)", item, ":v", l())).isEqualTo(MISSING);
        assertThat(error("SET a = list_append(:v, n)", item, ":v", l())).isEqualTo(WRONG_TYPE);
    }

    @Test
    void removeDropsAttributesMapKeysAndListElements() {
        Map<String, AttributeValue> item = item("p", s("k"), "a", m("b", n("3"), "c", l(s("hi"), m("x", m("y", l(n("3"), n("5"))), "q", n("2")))));
        Map<String, AttributeValue> after = apply("REMOVE a.c[1].x.y[1], a.c[1].q, a.b", item);
        assertThat(after).isEqualTo(item("p", s("k"), "a", m("c", l(s("hi"), m("x", m("y", l(n("3"))))))));
        assertThat(apply("REMOVE p", item)).doesNotContainKey("p");
    }

    @Test
    void removeOfMissingLeavesIsNoError() {
        Map<String, AttributeValue> item = item("a", m("x", n("3")), "b", l(s("hi")));
        assertThat(apply("REMOVE a.y, b[7], c", item)).isEqualTo(item);
    }

    @Test
    void removeThroughAMissingOrMistypedParentIsAnError() {
        Map<String, AttributeValue> item = item("a", s("hello"), "b", l(s("hi")));
        assertThat(error("REMOVE a.c", item)).isEqualTo(INVALID_PATH);
        assertThat(error("REMOVE b.c", item)).isEqualTo(INVALID_PATH);
        assertThat(error("REMOVE c.c", item)).isEqualTo(INVALID_PATH);
        assertThat(error("REMOVE a[0]", item)).isEqualTo(INVALID_PATH);
    }

    @Test
    void removingTheLastMemberLeavesAnEmptyMapOrList() {
        assertThat(apply("REMOVE a.b, l[0]", item("a", m("b", n("1")), "l", l(n("1"))))).isEqualTo(item("a", m(), "l", l()));
    }

    @Test
    void listIndexesReferToPositionsBeforeTheUpdate() {
        Map<String, AttributeValue> item = item("a", l(n("2"), n("3"), n("4"), n("5"), n("6"), n("7")));
        assertThat(apply("REMOVE a[1] SET a[3] = :v", item, ":v", n("17"))).containsEntry("a", l(n("2"), n("4"), n("17"), n("6"), n("7")));
        assertThat(apply("SET a[3] = :v REMOVE a[1]", item, ":v", n("17"))).containsEntry("a", l(n("2"), n("4"), n("17"), n("6"), n("7")));
        assertThat(apply("REMOVE a[1], a[3]", item)).containsEntry("a", l(n("2"), n("4"), n("6"), n("7")));
        assertThat(apply("REMOVE a[3], a[1]", item)).containsEntry("a", l(n("2"), n("4"), n("6"), n("7")));
    }

    @Test
    void addIncrementsNumbersAndCreatesMissingOnes() {
        assertThat(apply("ADD a :v", item("a", n("3")), ":v", n("4"))).containsEntry("a", n("7"));
        assertThat(apply("ADD a :v", item("a", n("3")), ":v", n("-4.5"))).containsEntry("a", n("-1.5"));
        assertThat(apply("ADD b :v", item("a", s("hello")), ":v", n("7"))).containsEntry("b", n("7"));
        assertThat(apply("ADD m.hits :v", item("m", m()), ":v", n("1"))).containsEntry("m", m("hits", n("1")));
        assertThat(error("ADD a :v", item("a", s("hi")), ":v", n("1"))).isEqualTo(WRONG_TYPE);
        assertThat(error("ADD q.hits :v", item(), ":v", n("1"))).isEqualTo(INVALID_PATH);
    }

    @Test
    void addUnitesSetsOfTheSameType() {
        assertThat(apply("ADD a :v", item("a", ss("dog", "cat")), ":v", ss("cat", "pig"))).containsEntry("a", ss("dog", "cat", "pig"));
        assertThat(apply("ADD a :v", item("a", ns("1", "2")), ":v", ns("2.0", "3"))).containsEntry("a", ns("1", "2", "3"));
        assertThat(apply("ADD a :v", item("a", bs("x")), ":v", bs("x", "y"))).containsEntry("a", bs("x", "y"));
        assertThat(apply("ADD b :v", item(), ":v", ss("dog"))).containsEntry("b", ss("dog"));
        assertThat(error("ADD a :v", item("a", ss("x")), ":v", ns("1"))).isEqualTo(WRONG_TYPE);
        assertThat(error("ADD a :v", item("a", l(n("1"))), ":v", ns("1"))).isEqualTo(WRONG_TYPE);
    }

    @Test
    void deleteRemovesSetMembersAndTheAttributeWhenNoneAreLeft() {
        Map<String, AttributeValue> item = item("a", ss("dog", "cat", "mouse"), "b", s("hi"));
        assertThat(apply("DELETE a :v", item, ":v", ss("cat", "mouse"))).containsEntry("a", ss("dog"));
        assertThat(apply("DELETE a :v", item, ":v", ss("pig"))).isEqualTo(item);
        assertThat(apply("DELETE a :v", item, ":v", ss("dog", "cat", "mouse"))).isEqualTo(item("b", s("hi")));
        assertThat(apply("DELETE q :v", item, ":v", ss("dog"))).isEqualTo(item);
        assertThat(apply("DELETE n :v", item("n", ns("1", "2")), ":v", ns("1.0"))).containsEntry("n", ns("2"));
        assertThat(apply("DELETE x :v", item("x", bs("p", "q")), ":v", bs("p"))).containsEntry("x", bs("q"));
        assertThat(error("DELETE b :v", item, ":v", ss("hi"))).isEqualTo(WRONG_TYPE);
        assertThat(error("DELETE a :v", item, ":v", ns("1"))).isEqualTo(WRONG_TYPE);
    }

    @Test
    void legacyAddAppendsToLists() {
        UpdateExpression update = new UpdateExpression(java.util.List.of(new AddAction(DocumentPath.of("a"), l(n("3")))));
        assertThat(update.apply(item("a", l(n("1"))))).containsEntry("a", l(n("1"), n("3")));
        assertThat(update.apply(item())).containsEntry("a", l(n("3")));
    }

    @Test
    void binaryValuesAreCopiedAsTheyAre() {
        assertThat(apply("SET c = a", item("a", b("xyz")))).containsEntry("c", b("xyz"));
    }
}
