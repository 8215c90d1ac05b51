package dev.ddb.item.expression;

import static dev.ddb.item.expression.Values.s;
import static dev.ddb.item.expression.Values.validationError;
import static dev.ddb.item.expression.Values.values;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Parse trees are reused across requests (ParsedExpressions); what depends on the request is not. */
class ParsedExpressionReuseTest {

    private static Condition condition(String text, ExpressionAttributes attributes) {
        return ExpressionParser.parseCondition(text, attributes, "ConditionExpression");
    }

    @Test
    void theSameTextTakesEachRequestsValues() {
        String text = "reused_a = :v";
        Condition first = condition(text, values(":v", s("one")));
        Condition second = condition(text, values(":v", s("two")));

        assertThat(first).isEqualTo(new Comparison(Comparator.EQ, new PathOperand(DocumentPath.of("reused_a")), new ValueOperand(s("one"))));
        assertThat(second).isEqualTo(new Comparison(Comparator.EQ, new PathOperand(DocumentPath.of("reused_a")), new ValueOperand(s("two"))));
    }

    @Test
    void aReusedTextIsCheckedAgainstEachRequest() {
        String text = "reused_b = :v";
        condition(text, values(":v", s("one")));

        assertThat(validationError(() -> condition(text, values(":w", s("one")))))
                .isEqualTo("Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :v");
        assertThat(validationError(() -> ExpressionParser.parseCondition(text, values(), "FilterExpression")))
                .startsWith("Invalid FilterExpression: ");
    }

    @Test
    void aSyntaxErrorNamesTheExpressionItWasFoundInEveryTime() {
        String text = "reused_c = = :v";
        assertThat(validationError(() -> condition(text, values(":v", s("x")))))
                .isEqualTo("Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = :v\"");
        assertThat(validationError(() -> ExpressionParser.parseCondition(text, values(":v", s("x")), "FilterExpression")))
                .isEqualTo("Invalid FilterExpression: Syntax error; token: \"=\", near: \"= = :v\"");
    }

    @Test
    void updatesAndProjectionsAreReusedToo() {
        UpdateExpression first = ExpressionParser.parseUpdate("SET reused_d = :v", values(":v", s("one")));
        UpdateExpression second = ExpressionParser.parseUpdate("SET reused_d = :v", values(":v", s("two")));
        assertThat(first).isNotEqualTo(second);
        assertThat(ExpressionParser.parseProjection("reused_e, #n", Values.names("#n", "x")))
                .isEqualTo(ExpressionParser.parseProjection("reused_e, x", null));
    }
}
