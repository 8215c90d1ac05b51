package dev.ddb.item.expression;

import static dev.ddb.item.expression.Values.b;
import static dev.ddb.item.expression.Values.bool;
import static dev.ddb.item.expression.Values.bs;
import static dev.ddb.item.expression.Values.item;
import static dev.ddb.item.expression.Values.l;
import static dev.ddb.item.expression.Values.m;
import static dev.ddb.item.expression.Values.n;
import static dev.ddb.item.expression.Values.ns;
import static dev.ddb.item.expression.Values.nul;
import static dev.ddb.item.expression.Values.s;
import static dev.ddb.item.expression.Values.ss;
import static dev.ddb.item.expression.Values.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.ddb.common.attribute.AttributeValue;

class ConditionEvaluationTest {

    private static final List<AttributeValue> ONE_OF_EACH_TYPE = List.of(s("1"), n("1"), b("1"), bool(true), nul(),
            l(s("1")), m("a", s("1")), ss("1"), ns("1"), bs("1"));

    /** Evaluates the condition on the item with :v bound to the value. */
    private static boolean test(String condition, Map<String, AttributeValue> item, AttributeValue v) {
        return ExpressionParser.parseCondition(condition, values(":v", v), "ConditionExpression").test(item);
    }

    private static boolean test(String condition, Map<String, AttributeValue> item) {
        return ExpressionParser.parseCondition(condition, ExpressionAttributes.none(), "ConditionExpression").test(item);
    }

    @Test
    void equalityWorksOnEveryTypeAndNeverAcrossTypes() {
        for (AttributeValue a : ONE_OF_EACH_TYPE) {
            for (AttributeValue v : ONE_OF_EACH_TYPE) {
                assertThat(test("a = :v", item("a", a), v)).as("%s = %s", a, v).isEqualTo(a == v);
                assertThat(test("a <> :v", item("a", a), v)).as("%s <> %s", a, v).isEqualTo(a != v);
            }
        }
    }

    @Test
    void numbersCompareByValue() {
        assertThat(test("a = :v", item("a", n("1.50")), n("1.5"))).isTrue();
        assertThat(test("a < :v", item("a", n("-10")), n("2"))).isTrue();
        assertThat(test("a > :v", item("a", n("1E+3")), n("999.99"))).isTrue();
    }

    @Test
    void setsCompareWithoutOrderAlsoInsideDocuments() {
        assertThat(test("a = :v", item("a", ss("x", "y")), ss("y", "x"))).isTrue();
        assertThat(test("a = :v", item("a", ns("1", "2")), ns("2.0", "1"))).isTrue();
        assertThat(test("a = :v", item("a", bs("p", "q")), bs("q", "p"))).isTrue();
        assertThat(test("a = :v", item("a", m("k", l(ss("x", "y")))), m("k", l(ss("y", "x"))))).isTrue();
        assertThat(test("a = :v", item("a", l(n("1"), n("2"))), l(n("2"), n("1")))).isFalse();
        assertThat(test("a = :v", item("a", ss("x")), ss("x", "y"))).isFalse();
    }

    @Test
    void missingAttributesAreUnequalToEverythingEvenEachOther() {
        assertThat(test("q = :v", item("a", n("1")), n("1"))).isFalse();
        assertThat(test("q <> :v", item("a", n("1")), n("1"))).isTrue();
        assertThat(test("q = z", item())).isFalse();
        assertThat(test("q <> z", item())).isTrue();
    }

    @Test
    void orderComparatorsWorkOnStringsNumbersAndBinaries() {
        assertThat(test("a < :v", item("a", s("cat")), s("dog"))).isTrue();
        assertThat(test("a <= :v", item("a", s("cat")), s("cat"))).isTrue();
        assertThat(test("a > :v", item("a", s("cat")), s("aardvark"))).isTrue();
        assertThat(test("a >= :v", item("a", b("cat")), b("cat"))).isTrue();
        assertThat(test("a < :v", item("a", b("cat")), b("dog"))).isTrue();
        assertThat(test("a < :v", item("a", n("2")), n("1"))).isFalse();
    }

    @Test
    void stringsOrderByUtf8BytesAndBinariesByUnsignedBytes() {
        // U+FFFF sorts before U+1F600 in UTF-8, after it in UTF-16
        assertThat(test("a < :v", item("a", s("\uFFFF")), s("\uD83D\uDE00"))).isTrue();
        assertThat(test("a > :v", item("a", new AttributeValue.B(new byte[] {(byte) 0x80})),
                new AttributeValue.B(new byte[] {0x01}))).isTrue();
    }

    @Test
    void orderComparisonsOfOtherOrMixedTypesAreFalse() {
        assertThat(test("a < :v", item("a", n("1")), s("2"))).isFalse();
        assertThat(test("a > :v", item("a", n("1")), s("0"))).isFalse();
        assertThat(test("x < :v", item("x", l(n("1"))), n("5"))).isFalse();
        assertThat(test("x >= :v", item("x", bool(true)), n("5"))).isFalse();
        for (String op : List.of("<", "<=", ">", ">=")) {
            assertThat(test("q " + op + " z", item())).isFalse();
            assertThat(test("q " + op + " :v", item(), n("1"))).isFalse();
        }
    }

    @Test
    void betweenIncludesItsBoundsAndNeedsOneType() {
        Map<String, AttributeValue> item = item("a", n("1"), "s", s("cat"), "lo", n("0"), "hi", n("2"), "x", l());
        ExpressionAttributes attributes = values(":lo", n("1"), ":hi", n("1"));
        assertThat(ExpressionParser.parseCondition("a BETWEEN :lo AND :hi", attributes, "FilterExpression").test(item)).isTrue();
        assertThat(test("a BETWEEN lo AND hi", item)).isTrue();
        assertThat(test("s BETWEEN lo AND hi", item)).isFalse();
        assertThat(test("a BETWEEN hi AND lo", item)).isFalse();
        assertThat(test("q BETWEEN lo AND hi", item)).isFalse();
        assertThat(test("x BETWEEN lo AND hi", item)).isFalse();
    }

    @Test
    void inMatchesAnyCandidateOfAnyType() {
        ExpressionAttributes attributes = values(":x", s("dog"), ":y", n("174"));
        assertThat(ExpressionParser.parseCondition("a IN (:x, :y)", attributes, "FilterExpression").test(item("a", n("174")))).isTrue();
        assertThat(ExpressionParser.parseCondition("a IN (:x, :y)", values(":x", s("dog"), ":y", n("174")), "FilterExpression")
                .test(item("a", n("1")))).isFalse();
        assertThat(test("a IN (b)", item("a", ss("x", "y"), "b", ss("y", "x")))).isTrue();
        assertThat(test("q IN (b)", item("b", n("1")))).isFalse();
    }

    @Test
    void logicalOperatorsCombineResults() {
        Map<String, AttributeValue> item = item("a", n("1"), "b", n("2"), "c", n("3"));
        assertThat(test("a < b AND b < c", item)).isTrue();
        assertThat(test("a < b AND c < b", item)).isFalse();
        assertThat(test("b < a OR b < c", item)).isTrue();
        assertThat(test("NOT a < b", item)).isFalse();
        assertThat(test("NOT (a < b AND c < b)", item)).isTrue();
    }

    @Test
    void existenceFunctionsFollowNestedPaths() {
        Map<String, AttributeValue> item = item("b", m("x", n("1"), "y", l(n("-1"), n("2"))));
        assertThat(test("attribute_exists(b.x)", item)).isTrue();
        assertThat(test("attribute_exists(b.y[1])", item)).isTrue();
        assertThat(test("attribute_exists(b.y[2])", item)).isFalse();
        assertThat(test("attribute_exists(b.x.z)", item)).isFalse();
        assertThat(test("attribute_exists(b[0])", item)).isFalse();
        assertThat(test("attribute_not_exists(b.z)", item)).isTrue();
        assertThat(test("b.x < b.y[1]", item)).isTrue();
        assertThat(test("b.z < b.y[100]", item)).isFalse();
    }

    @Test
    void aMissingItemIsAnEmptyItem() {
        assertThat(test("attribute_not_exists(a)", null)).isTrue();
        assertThat(test("attribute_exists(a)", null)).isFalse();
        assertThat(test("a = :v", null, n("1"))).isFalse();
        assertThat(test("a <> :v", null, n("1"))).isTrue();
    }

    @Test
    void attributeTypeMatchesEachType() {
        for (AttributeValue value : ONE_OF_EACH_TYPE) {
            for (AttributeValue other : ONE_OF_EACH_TYPE) {
                assertThat(test("attribute_type(a, :v)", item("a", value), s(other.type())))
                        .as("%s is %s", value, other.type()).isEqualTo(value == other);
            }
        }
        assertThat(test("attribute_type(q, :v)", item(), s("S"))).isFalse();
    }

    @Test
    void beginsWithComparesStringsOrBinariesInEitherOrder() {
        assertThat(test("begins_with(a, :v)", item("a", s("hello")), s("hell"))).isTrue();
        assertThat(test("begins_with(a, :v)", item("a", s("hello")), s("dog"))).isFalse();
        assertThat(test("begins_with(a, :v)", item("a", b("hi there")), b("hi"))).isTrue();
        assertThat(test("begins_with(a, :v)", item("a", b("hi there")), s("hi"))).isFalse();
        assertThat(test("begins_with(:v, a)", item("a", s("he")), s("hellohi"))).isTrue();
        assertThat(test("begins_with(c, a)", item("a", s("he")))).isFalse();
        assertThat(test("begins_with(a, :v)", item("a", n("12")), s("1"))).isFalse();
    }

    @Test
    void containsFindsSubstringsBytesMembersAndElements() {
        Map<String, AttributeValue> item = item("s", s("hello"), "nums", ns("2", "4", "7"), "elems", l(n("2"), n("4")),
                "bin", b("hi there"), "mixed", l(s("hi"), ns("1", "2"), l(n("3"), n("4"))), "ss", ss("a", "b"),
                "bset", bs("x"), "num", n("12"));
        assertThat(test("contains(s, :v)", item, s("ell"))).isTrue();
        assertThat(test("contains(s, :v)", item, s("elk"))).isFalse();
        assertThat(test("contains(nums, :v)", item, n("4"))).isTrue();
        assertThat(test("contains(nums, :v)", item, n("4.0"))).isTrue();
        assertThat(test("contains(nums, :v)", item, s("4"))).isFalse();
        assertThat(test("contains(ss, :v)", item, s("b"))).isTrue();
        assertThat(test("contains(bset, :v)", item, b("x"))).isTrue();
        assertThat(test("contains(elems, :v)", item, n("4"))).isTrue();
        assertThat(test("contains(bin, :v)", item, b("here"))).isTrue();
        assertThat(test("contains(bin, :v)", item, b("dog"))).isFalse();
        assertThat(test("contains(bin, :v)", item, ns("1", "2"))).isFalse();
        assertThat(test("contains(mixed, :v)", item, ns("2", "1"))).isTrue();
        assertThat(test("contains(mixed, :v)", item, l(n("3"), n("4")))).isTrue();
        assertThat(test("contains(num, :v)", item, n("1"))).isFalse();
        assertThat(test("contains(q, :v)", item, n("1"))).isFalse();
    }

    @Test
    void sizeCountsBytesMembersAndElements() {
        Map<String, AttributeValue> item = item("a", s("hello"), "u", s("h\u00e9"), "b", ns("2", "4", "7"),
                "c", l(n("2"), s("dog"), n("7")), "d", b("hi there"), "e", m("x", n("2"), "y", m("m", n("3"))),
                "f", n("5"), "g", bool(true), "h", nul());
        assertThat(test("size(a) = :v", item, n("5"))).isTrue();
        assertThat(test("size(u) = :v", item, n("3"))).isTrue();
        assertThat(test("size(b) = :v", item, n("3"))).isTrue();
        assertThat(test("size(c) = :v", item, n("3"))).isTrue();
        assertThat(test("size(d) = :v", item, n("8"))).isTrue();
        assertThat(test("size(e) = :v", item, n("2"))).isTrue();
        assertThat(test("size(a) = f", item)).isTrue();
        assertThat(test("size(a) > :v", item, n("2"))).isTrue();
        for (String noSize : List.of("f", "g", "h", "q")) {
            assertThat(test("size(" + noSize + ") = :v", item, n("1"))).isFalse();
            assertThat(test("size(" + noSize + ") <> :v", item, n("1"))).isTrue();
        }
        assertThat(test("size(a) = :v", item, s("dog"))).isFalse();
    }
}
