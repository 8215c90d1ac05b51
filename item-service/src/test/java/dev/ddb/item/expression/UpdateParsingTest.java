package dev.ddb.item.expression;

import static dev.ddb.item.expression.Values.l;
import static dev.ddb.item.expression.Values.n;
import static dev.ddb.item.expression.Values.s;
import static dev.ddb.item.expression.Values.ss;
import static dev.ddb.item.expression.Values.validationError;
import static dev.ddb.item.expression.Values.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.ddb.common.attribute.AttributeValue;

class UpdateParsingTest {

    private static final ExpressionAttributes VALUES = values(":v", n("1"), ":w", n("2"), ":s", s("x"), ":l", l(n("1")),
            ":set", ss("a"));

    private static UpdateExpression parse(String text) {
        return ExpressionParser.parseUpdate(text, VALUES);
    }

    private static String error(String text) {
        return validationError(() -> ExpressionParser.parseUpdate(text, VALUES));
    }

    private static DocumentPath path(String name) {
        return DocumentPath.of(name);
    }

    @Test
    void everyClauseBuildsItsActionsInWrittenOrder() {
        UpdateExpression update = parse("SET a = :v, b = c REMOVE d, e[1] ADD f :v DELETE g :set");
        assertThat(update.actions()).containsExactly(
                new SetAction(path("a"), new ValueOperand(n("1"))),
                new SetAction(path("b"), new PathOperand(path("c"))),
                new RemoveAction(path("d")),
                new RemoveAction(new DocumentPath(List.of(new PathElement.Name("e"), new PathElement.Index(1)))),
                new AddAction(path("f"), n("1")),
                new DeleteAction(path("g"), ss("a")));
        assertThat(update.paths()).extracting(DocumentPath::toString).containsExactly("a", "b", "d", "e[1]", "f", "g");
    }

    @Test
    void clauseKeywordsAreCaseInsensitiveAndClausesComeInAnyOrder() {
        assertThat(parse("remove a sEt b = :v").actions())
                .containsExactly(new RemoveAction(path("a")), new SetAction(path("b"), new ValueOperand(n("1"))));
    }

    @Test
    void setValuesTakeOneArithmeticOperatorAndUpdateFunctions() {
        ValueOperand one = new ValueOperand(n("1"));
        PathOperand a = new PathOperand(path("a"));
        assertThat(parse("SET a = a + :v").actions()).containsExactly(new SetAction(path("a"), new Plus(a, one)));
        assertThat(parse("SET b = :v - a").actions()).containsExactly(new SetAction(path("b"), new Minus(one, a)));
        assertThat(parse("SET b = (a + :v)").actions()).containsExactly(new SetAction(path("b"), new Plus(a, one)));
        assertThat(parse("SET b = if_not_exists(a, :v) + :v").actions())
                .containsExactly(new SetAction(path("b"), new Plus(new IfNotExists(path("a"), one), one)));
        assertThat(parse("SET b = list_append(if_not_exists(a, :l), :l)").actions())
                .containsExactly(new SetAction(path("b"), new ListAppend(new IfNotExists(path("a"), new ValueOperand(l(n("1")))),
                        new ValueOperand(l(n("1"))))));
        assertThat(parse("SET b = if_not_exists(a, if_not_exists(c, :v))").actions()).hasSize(1);
    }

    @Test
    void moreThanOneArithmeticOperatorOrArithmeticInAFunctionIsASyntaxError() {
        assertThat(error("SET a = b + c + d")).isEqualTo("Invalid UpdateExpression: Syntax error; token: \"+\", near: \"c + d\"");
        assertThat(error("SET c = if_not_exists(c, :v+:w)"))
                .isEqualTo("Invalid UpdateExpression: Syntax error; token: \"+\", near: \":v+:w\"");
    }

    @Test
    void syntaxErrorsLookLikeDynamoDbs() {
        assertThat(error("ADD hits : incr")).isEqualTo("Invalid UpdateExpression: Syntax error; token: \":\", near: \"hits : incr\"");
        assertThat(error("INVALID SYNTAX HERE"))
                .isEqualTo("Invalid UpdateExpression: Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\"");
        assertThat(error("SET _123 = :v")).isEqualTo("Invalid UpdateExpression: Syntax error; token: \"_\", near: \"SET _123\"");
        assertThat(error("SET a = :v,")).isEqualTo("Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \",\"");
        assertThat(error("REMOVE")).isEqualTo("Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"REMOVE\"");
        assertThat(error("SET :a = :v")).isEqualTo("Invalid UpdateExpression: Syntax error; token: \":a\", near: \"SET :a =\"");
        assertThat(error("SET a[:v] = :v")).isEqualTo("Invalid UpdateExpression: Syntax error; token: \":v\", near: \"[:v]\"");
        assertThat(error("ADD a b")).isEqualTo("Invalid UpdateExpression: Syntax error; token: \"b\", near: \"a b\"");
    }

    @Test
    void clauseKeywordsCannotBeAttributeNames() {
        assertThat(error("SET a = :v, remove = :w"))
                .isEqualTo("Invalid UpdateExpression: Syntax error; token: \"remove\", near: \", remove =\"");
    }

    @Test
    void emptyUpdateIsRejected() {
        assertThat(error("")).isEqualTo("Invalid UpdateExpression: The expression can not be empty;");
    }

    @Test
    void eachSectionMayAppearOnce() {
        assertThat(error("SET a = :v SET b = :v"))
                .isEqualTo("Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;");
        assertThat(error("set a = :v REMOVE c set b = :v"))
                .isEqualTo("Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;");
        assertThat(error("REMOVE a REMOVE b"))
                .isEqualTo("Invalid UpdateExpression: The \"REMOVE\" section can only be used once in an update expression;");
        assertThat(error("ADD a :v ADD b :v"))
                .isEqualTo("Invalid UpdateExpression: The \"ADD\" section can only be used once in an update expression;");
        assertThat(error("DELETE a :set DELETE b :set"))
                .isEqualTo("Invalid UpdateExpression: The \"DELETE\" section can only be used once in an update expression;");
    }

    @Test
    void pathsThatOverlapAreRejected() {
        assertThat(error("SET a = :v REMOVE a")).isEqualTo("Invalid UpdateExpression: Two document paths overlap with each "
                + "other; must remove or rewrite one of these paths; path one: [a], path two: [a]");
        assertThat(error("SET a = :v, a.b = :w")).isEqualTo("Invalid UpdateExpression: Two document paths overlap with each "
                + "other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]");
        assertThat(error("SET a[1][1] = :v, a[1] = :w")).isEqualTo("Invalid UpdateExpression: Two document paths overlap "
                + "with each other; must remove or rewrite one of these paths; path one: [a, [1], [1]], path two: [a, [1]]");
        assertThat(error("ADD a.b :v DELETE a.b.c :set")).contains("overlap");
        assertThat(validationError(() -> ExpressionParser.parseUpdate("SET #a1 = :v, #a2 = :v",
                new ExpressionAttributes(Map.of("#a1", "a", "#a2", "a"), Map.of(":v", n("1"))))))
                .isEqualTo("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one "
                        + "of these paths; path one: [a], path two: [a]");
    }

    @Test
    void pathsThatUseANameAndAnIndexAtOnePlaceConflict() {
        assertThat(error("SET a.b = :v, a[1] = :w")).isEqualTo("Invalid UpdateExpression: Two document paths conflict with "
                + "each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [1]]");
        assertThat(error("SET a.b.c = :v, a.b[2] = :w")).contains("conflict");
    }

    @Test
    void siblingPathsMayBeUpdatedTogether() {
        assertThat(parse("SET a.b = :v, a.c.d = :v, b.x = :v, l[1] = :v, l[2] = :v REMOVE a.x, b.y").actions()).hasSize(7);
    }

    @Test
    void addTakesNumbersAndSetsOnly() {
        assertThat(error("ADD a :s")).isEqualTo("Invalid UpdateExpression: Incorrect operand type for operator or function; "
                + "operator: ADD, operand type: STRING");
        assertThat(error("ADD a :l")).isEqualTo("Invalid UpdateExpression: Incorrect operand type for operator or function; "
                + "operator: ADD, operand type: LIST");
    }

    @Test
    void deleteTakesSetsOnly() {
        assertThat(error("DELETE a :v")).isEqualTo("Invalid UpdateExpression: Incorrect operand type for operator or function; "
                + "operator: DELETE, operand type: NUMBER");
    }

    @Test
    void arithmeticLiteralsMustBeNumbers() {
        assertThat(error("SET a = :s + :v")).isEqualTo("Invalid UpdateExpression: Incorrect operand type for operator or "
                + "function; operator or function: +, operand type: S");
        assertThat(error("SET a = :v - :l")).isEqualTo("Invalid UpdateExpression: Incorrect operand type for operator or "
                + "function; operator or function: -, operand type: L");
    }

    @Test
    void conditionFunctionsAreNotAllowedInUpdates() {
        assertThat(error("SET a = size(b)"))
                .isEqualTo("Invalid UpdateExpression: The function is not allowed in an update expression; function: size");
        assertThat(error("SET a = attribute_exists(b)")).isEqualTo(
                "Invalid UpdateExpression: The function is not allowed in an update expression; function: attribute_exists");
    }

    @Test
    void unknownFunctionsAreInvalid() {
        assertThat(error("SET a = f(b, c, d)")).isEqualTo("Invalid UpdateExpression: Invalid function name; function: f");
        assertThat(error("SET a = LIST_APPEND(b, c)")).isEqualTo("Invalid UpdateExpression: Invalid function name; function: LIST_APPEND");
    }

    @Test
    void updateFunctionsCheckTheirOperands() {
        assertThat(error("SET a = list_append(:l)")).isEqualTo("Invalid UpdateExpression: Incorrect number of operands for "
                + "operator or function; operator or function: list_append, number of operands: 1");
        assertThat(error("SET a = list_append(:l, :s)")).isEqualTo("Invalid UpdateExpression: Incorrect operand type for "
                + "operator or function; operator or function: list_append, operand type: S");
        assertThat(error("SET a = if_not_exists(:v, :w)")).isEqualTo("Invalid UpdateExpression: Operator or function "
                + "requires a document path; operator or function: if_not_exists");
        assertThat(error("SET a = list_append(list_append(:l, :l), :l)")).isEqualTo("Invalid UpdateExpression: The function "
                + "is not allowed to be used this way in an expression; function: list_append");
    }

    @Test
    void reservedWordsAndUndefinedReferencesAreRejected() {
        assertThat(error("SET status = :v"))
                .isEqualTo("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status");
        assertThat(error("SET a = :nope")).isEqualTo("Invalid UpdateExpression: An expression attribute value used in "
                + "expression is not defined; attribute value: :nope");
        assertThat(error("SET #n = :v")).isEqualTo("Invalid UpdateExpression: An expression attribute name used in the "
                + "document path is not defined; attribute name: #n");
        assertThat(error("ADD a :nope")).isEqualTo("Invalid UpdateExpression: An expression attribute value used in "
                + "expression is not defined; attribute value: :nope");
    }

    @Test
    void problemsAreReportedInDynamoDbsOrder() {
        assertThat(error("SET a = :nope SET status = :v")).contains("reserved keyword: status");
        assertThat(error("SET a = :nope SET b = :v")).contains("The \"SET\" section can only be used once");
        assertThat(error("SET a = :nope, a = :v")).contains("attribute value: :nope");
        assertThat(error("ADD a :s, a :v")).contains("overlap");
    }

    @Test
    void updatePathsNestAtMostThirtyTwoLevels() {
        assertThat(error("SET a" + "[0]".repeat(32) + " = :v")).isEqualTo("Invalid UpdateExpression: The document path has "
                + "too many nesting levels; nesting levels: 33");
    }

    @Test
    void valuesAreLookedUpWhileParsing() {
        AttributeValue set = ss("a", "b");
        UpdateExpression update = ExpressionParser.parseUpdate("DELETE s :d", values(":d", set));
        assertThat(((DeleteAction) update.actions().get(0)).value()).isEqualTo(set);
    }
}
