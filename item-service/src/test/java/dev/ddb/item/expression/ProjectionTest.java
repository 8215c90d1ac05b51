package dev.ddb.item.expression;

import static dev.ddb.item.expression.Values.item;
import static dev.ddb.item.expression.Values.l;
import static dev.ddb.item.expression.Values.m;
import static dev.ddb.item.expression.Values.n;
import static dev.ddb.item.expression.Values.s;
import static dev.ddb.item.expression.Values.validationError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.ddb.common.attribute.AttributeValue;

class ProjectionTest {

    private static final Map<String, AttributeValue> ITEM = item("p", s("k"),
            "a", m("b", n("1"), "c", m("d", n("2"), "e", n("3"))),
            "l", l(s("zero"), s("one"), m("x", n("1"), "y", n("2"))),
            "s", s("text"));

    private static Projection parse(String text) {
        return ExpressionParser.parseProjection(text, ExpressionAttributes.none());
    }

    private static String error(String text) {
        return validationError(() -> parse(text));
    }

    @Test
    void topLevelAttributesAreCopied() {
        assertThat(parse("p, s").project(ITEM)).isEqualTo(item("p", s("k"), "s", s("text")));
    }

    @Test
    void nestedMapPathsKeepTheirNesting() {
        assertThat(parse("a.b").project(ITEM)).isEqualTo(item("a", m("b", n("1"))));
        assertThat(parse("a.c.e, a.b").project(ITEM)).isEqualTo(item("a", m("c", m("e", n("3")), "b", n("1"))));
    }

    @Test
    void listElementsBecomeAShorterListInIndexOrder() {
        assertThat(parse("l[1]").project(ITEM)).isEqualTo(item("l", l(s("one"))));
        assertThat(parse("l[2], l[0]").project(ITEM)).isEqualTo(item("l", l(s("zero"), m("x", n("1"), "y", n("2")))));
        assertThat(parse("l[2].y").project(ITEM)).isEqualTo(item("l", l(m("y", n("2")))));
    }

    @Test
    void missingOrMistypedPathsAreLeftOut() {
        assertThat(parse("q, a.z, l[9], s.x").project(ITEM)).isEmpty();
        assertThat(parse("a[0], l.x").project(ITEM)).isEmpty();
        assertThat(parse("a.z, p").project(ITEM)).isEqualTo(item("p", s("k")));
        assertThat(parse("a").project(null)).isEmpty();
    }

    @Test
    void namesResolveThroughExpressionAttributeNames() {
        ExpressionAttributes names = Values.names("#s", "s", "#c", "c");
        Projection projection = ExpressionParser.parseProjection("#s, a.#c.d", names);
        assertThat(projection.paths()).extracting(DocumentPath::toString).containsExactly("s", "a.c.d");
        assertThat(projection.project(ITEM)).isEqualTo(item("s", s("text"), "a", m("c", m("d", n("2")))));
        assertThat(projection.topLevelNames()).containsExactly("s", "a");
    }

    @Test
    void overlappingPathsAreRejected() {
        assertThat(error("a, a.b")).isEqualTo("Invalid ProjectionExpression: Two document paths overlap with each other; "
                + "must remove or rewrite one of these paths; path one: [a], path two: [a, b]");
        assertThat(error("a, a")).isEqualTo("Invalid ProjectionExpression: Two document paths overlap with each other; "
                + "must remove or rewrite one of these paths; path one: [a], path two: [a]");
        assertThat(error("a.b, a[1]")).isEqualTo("Invalid ProjectionExpression: Two document paths conflict with each other; "
                + "must remove or rewrite one of these paths; path one: [a, b], path two: [a, [1]]");
    }

    @Test
    void projectionErrorsNameTheProjection() {
        assertThat(error("")).isEqualTo("Invalid ProjectionExpression: The expression can not be empty;");
        assertThat(error("a,")).isEqualTo("Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"");
        assertThat(error("name")).isEqualTo("Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name");
        assertThat(error("AND")).isEqualTo("Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: AND");
        assertThat(error("#n")).isEqualTo("Invalid ProjectionExpression: An expression attribute name used in the document "
                + "path is not defined; attribute name: #n");
        assertThat(error("a" + ".b".repeat(32))).isEqualTo("Invalid ProjectionExpression: The document path has too many "
                + "nesting levels; nesting levels: 33");
    }

    @Test
    void removeIsNoReservedWord() {
        assertThat(parse("remove").paths()).containsExactly(DocumentPath.of("remove"));
    }
}
