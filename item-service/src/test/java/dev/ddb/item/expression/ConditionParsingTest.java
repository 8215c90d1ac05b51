package dev.ddb.item.expression;

import static dev.ddb.item.expression.Values.n;
import static dev.ddb.item.expression.Values.l;
import static dev.ddb.item.expression.Values.s;
import static dev.ddb.item.expression.Values.validationError;
import static dev.ddb.item.expression.Values.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.ddb.common.attribute.AttributeValue;

class ConditionParsingTest {

    private static final AttributeValue V = s("x");

    private static Condition parse(String text) {
        return ExpressionParser.parseCondition(text, values(":v", V), "ConditionExpression");
    }

    private static String error(String text, ExpressionAttributes attributes) {
        return validationError(() -> ExpressionParser.parseCondition(text, attributes, "ConditionExpression"));
    }

    private static String error(String text) {
        return error(text, values(":v", V));
    }

    private static Comparison eq(String attribute) {
        return new Comparison(Comparator.EQ, new PathOperand(DocumentPath.of(attribute)), new ValueOperand(V));
    }

    @Test
    void andBindsTighterThanOr() {
        assertThat(parse("a = :v OR b = :v AND c = :v")).isEqualTo(new Or(eq("a"), new And(eq("b"), eq("c"))));
        assertThat(parse("a = :v AND b = :v OR c = :v")).isEqualTo(new Or(new And(eq("a"), eq("b")), eq("c")));
    }

    @Test
    void notBindsTighterThanAnd() {
        assertThat(parse("NOT a = :v AND b = :v")).isEqualTo(new And(new Not(eq("a")), eq("b")));
        assertThat(parse("NOT NOT a = :v")).isEqualTo(new Not(new Not(eq("a"))));
    }

    @Test
    void parenthesesOverridePrecedence() {
        assertThat(parse("(a = :v OR b = :v) AND c = :v")).isEqualTo(new And(new Or(eq("a"), eq("b")), eq("c")));
        assertThat(parse("NOT (a = :v AND b = :v)")).isEqualTo(new Not(new And(eq("a"), eq("b"))));
        assertThat(parse("(a) = :v")).isEqualTo(eq("a"));
    }

    @Test
    void andAndOrAssociateToTheLeft() {
        assertThat(parse("a = :v AND b = :v AND c = :v")).isEqualTo(new And(new And(eq("a"), eq("b")), eq("c")));
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertThat(parse("a = :v aNd b = :v oR nOt c = :v"))
                .isEqualTo(new Or(new And(eq("a"), eq("b")), new Not(eq("c"))));
        assertThat(parse("a between :v and :v")).isInstanceOf(Between.class);
        assertThat(parse("a in (:v)")).isInstanceOf(In.class);
    }

    @Test
    void everyComparatorParses() {
        for (Comparator op : Comparator.values()) {
            assertThat(parse("a " + op.symbol() + " :v"))
                    .isEqualTo(new Comparison(op, new PathOperand(DocumentPath.of("a")), new ValueOperand(V)));
        }
    }

    @Test
    void betweenInAndFunctionsBuildTheirConditions() {
        PathOperand a = new PathOperand(DocumentPath.of("a"));
        ValueOperand v = new ValueOperand(V);
        assertThat(parse("a BETWEEN :v AND :v")).isEqualTo(new Between(a, v, v));
        assertThat(parse("a IN (:v, b)")).isEqualTo(new In(a, List.of(v, new PathOperand(DocumentPath.of("b")))));
        assertThat(parse("attribute_exists(a)")).isEqualTo(new AttributeExists(DocumentPath.of("a")));
        assertThat(parse("attribute_not_exists (a)")).isEqualTo(new AttributeNotExists(DocumentPath.of("a")));
        assertThat(parse("begins_with(a, :v)")).isEqualTo(new BeginsWith(a, v));
        assertThat(parse("contains(a, :v)")).isEqualTo(new Contains(a, v));
        assertThat(parse("size(a) > :v")).isEqualTo(new Comparison(Comparator.GT, new Size(DocumentPath.of("a")), v));
        assertThat(ExpressionParser.parseCondition("attribute_type(a, :t)", values(":t", s("S")), "ConditionExpression"))
                .isEqualTo(new AttributeType(DocumentPath.of("a"), new ValueOperand(s("S"))));
    }

    @Test
    void pathsHaveNestedNamesAndListIndexes() {
        Comparison comparison = (Comparison) ExpressionParser.parseCondition("a.#n[2][0].c = :v",
                new ExpressionAttributes(java.util.Map.of("#n", "b.x"), java.util.Map.of(":v", V)), "ConditionExpression");
        DocumentPath path = ((PathOperand) comparison.left()).path();
        assertThat(path.elements()).containsExactly(new PathElement.Name("a"), new PathElement.Name("b.x"),
                new PathElement.Index(2), new PathElement.Index(0), new PathElement.Name("c"));
    }

    @Test
    void emptyExpressionIsRejected() {
        assertThat(error("")).isEqualTo("Invalid ConditionExpression: The expression can not be empty;");
        assertThat(error("   ")).isEqualTo("Invalid ConditionExpression: The expression can not be empty;");
    }

    @Test
    void expressionOverFourKilobytesIsRejectedByUtf8Size() {
        String text = "é".repeat(2049);
        assertThat(error(text))
                .isEqualTo("Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: 4098");
    }

    @Test
    void syntaxErrorsNameTheTokenAndItsNeighbours() {
        assertThat(error("foo")).isEqualTo("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"foo\"");
        assertThat(error("attribute_not_exists(")).isEqualTo("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"(\"");
        assertThat(error("a = :v AND")).isEqualTo("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"");
        assertThat(error("a = :v extra")).isEqualTo("Invalid ConditionExpression: Syntax error; token: \"extra\", near: \":v extra\"");
        assertThat(error("a = = :v")).isEqualTo("Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = :v\"");
        assertThat(error("a IN ()")).isEqualTo("Invalid ConditionExpression: Syntax error; token: \")\", near: \"()\"");
        assertThat(error("a = 5")).isEqualTo("Invalid ConditionExpression: Syntax error; token: \"5\", near: \"= 5\"");
    }

    @Test
    void namesMustStartWithALetter() {
        assertThat(error("_a = :v")).isEqualTo("Invalid ConditionExpression: Syntax error; token: \"_\", near: \"_a\"");
    }

    @Test
    void conditionKeywordsCannotBeAttributeNames() {
        assertThat(error("between = :v")).isEqualTo("Invalid ConditionExpression: Syntax error; token: \"between\", near: \"between =\"");
    }

    @Test
    void reservedWordsAreRejectedInAnyCase() {
        assertThat(error("status = :v"))
                .isEqualTo("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status");
        assertThat(error("a.Name = :v"))
                .isEqualTo("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Name");
        assertThat(error("SET = :v"))
                .isEqualTo("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: SET");
    }

    @Test
    void removeIsAnOrdinaryAttributeNameInConditions() {
        assertThat(parse("remove = :v")).isEqualTo(eq("remove"));
    }

    @Test
    void reservedWordsCanBeUsedThroughNames() {
        Condition condition = ExpressionParser.parseCondition("#s = :v",
                new ExpressionAttributes(java.util.Map.of("#s", "status"), java.util.Map.of(":v", V)), "ConditionExpression");
        assertThat(condition).isEqualTo(eq("status"));
    }

    @Test
    void undefinedNamesAndValuesAreNamedWithTheExpressionKind() {
        assertThat(validationError(() -> ExpressionParser.parseCondition("#n = :v", values(":v", V), "FilterExpression")))
                .isEqualTo("Invalid FilterExpression: An expression attribute name used in the document path is not defined; attribute name: #n");
        assertThat(error("a = :w"))
                .isEqualTo("Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :w");
        assertThat(error("a = :w", ExpressionAttributes.none()))
                .isEqualTo("Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :w");
    }

    @Test
    void reservedWordIsReportedBeforeAnUndefinedValue() {
        assertThat(error("a = :w AND status = :v"))
                .isEqualTo("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status");
    }

    @Test
    void redundantParenthesesAreRejectedFirst() {
        assertThat(error("((a = :v))")).isEqualTo("Invalid ConditionExpression: The expression has redundant parentheses;");
        assertThat(error("((a)) = :v")).isEqualTo("Invalid ConditionExpression: The expression has redundant parentheses;");
        assertThat(error("((foo(a) = :v))")).isEqualTo("Invalid ConditionExpression: The expression has redundant parentheses;");
        assertThat(parse("((a = :v) AND b = :v)")).isEqualTo(new And(eq("a"), eq("b")));
    }

    @Test
    void sizeIsNoConditionByItself() {
        assertThat(error("size(a)"))
                .isEqualTo("Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size");
    }

    @Test
    void conditionFunctionsAreNoOperands() {
        assertThat(error("attribute_exists(a) = :v"))
                .isEqualTo("Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists");
        assertThat(error("contains(a, begins_with(b, :v))"))
                .isEqualTo("Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: begins_with");
    }

    @Test
    void updateFunctionsAreNotAllowedInConditions() {
        assertThat(error("if_not_exists(a, :v) = :v"))
                .isEqualTo("Invalid ConditionExpression: The function is not allowed in a condition expression; function: if_not_exists");
        assertThat(error("list_append(a, :v)"))
                .isEqualTo("Invalid ConditionExpression: The function is not allowed in a condition expression; function: list_append");
    }

    @Test
    void unknownAndMiscasedFunctionNamesAreInvalid() {
        assertThat(error("foo(a) = :v")).isEqualTo("Invalid ConditionExpression: Invalid function name; function: foo");
        assertThat(error("ATTRIBUTE_EXISTS(a)")).isEqualTo("Invalid ConditionExpression: Invalid function name; function: ATTRIBUTE_EXISTS");
    }

    @Test
    void functionsCheckTheirOperandCount() {
        assertThat(error("attribute_exists(a, b)")).isEqualTo("Invalid ConditionExpression: Incorrect number of operands for "
                + "operator or function; operator or function: attribute_exists, number of operands: 2");
        assertThat(error("size(a, b) = :v")).isEqualTo("Invalid ConditionExpression: Incorrect number of operands for "
                + "operator or function; operator or function: size, number of operands: 2");
        assertThat(error("begins_with(a)")).isEqualTo("Invalid ConditionExpression: Incorrect number of operands for "
                + "operator or function; operator or function: begins_with, number of operands: 1");
    }

    @Test
    void existenceFunctionsAndSizeRequireAPath() {
        assertThat(error("attribute_exists(:v)"))
                .isEqualTo("Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists");
        assertThat(error("size(:v) = :v"))
                .isEqualTo("Invalid ConditionExpression: Operator or function requires a document path; operator or function: size");
    }

    @Test
    void attributeTypeChecksTheTypeName() {
        assertThat(error("attribute_type(a, :t)", values(":t", s("DOG")))).isEqualTo("Invalid ConditionExpression: Invalid "
                + "attribute type name found; type: DOG, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
        assertThat(error("attribute_type(a, :t)", values(":t", n("1")))).isEqualTo("Invalid ConditionExpression: Incorrect "
                + "operand type for operator or function; operator or function: attribute_type, operand type: N");
    }

    @Test
    void beginsWithTakesStringsOrBinaries() {
        assertThat(error("begins_with(a, :n)", values(":n", n("2")))).isEqualTo("Invalid ConditionExpression: Incorrect "
                + "operand type for operator or function; operator or function: begins_with, operand type: N");
    }

    @Test
    void operandsMustBeDistinctPaths() {
        assertThat(error("a = a")).isEqualTo("Invalid ConditionExpression: The first operand must be distinct from the "
                + "remaining operands for this operator or function; operator: =, first operand: [a]");
        assertThat(error("contains(a.b[1], a.b[1])")).isEqualTo("Invalid ConditionExpression: The first operand must be "
                + "distinct from the remaining operands for this operator or function; operator: contains, first operand: [a, b, [1]]");
        assertThat(parse("a = b")).isInstanceOf(Comparison.class);
    }

    @Test
    void orderComparisonsRejectLiteralsWithoutOrder() {
        assertThat(error("a < :l", values(":l", l(n("1"))))).isEqualTo("Invalid ConditionExpression: Incorrect operand type "
                + "for operator or function; operator or function: <, operand type: L");
        assertThat(error("a BETWEEN :l AND :l", values(":l", l()))).isEqualTo("Invalid ConditionExpression: Incorrect operand "
                + "type for operator or function; operator or function: BETWEEN, operand type: L");
        assertThat(ExpressionParser.parseCondition("a = :l", values(":l", l()), "ConditionExpression")).isInstanceOf(Comparison.class);
    }

    @Test
    void literalBetweenBoundsMustShareATypeAndBeInOrder() {
        assertThat(error("a BETWEEN :lo AND :hi", values(":lo", n("5"), ":hi", n("1")))).isEqualTo("Invalid "
                + "ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                + "lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}");
        assertThat(error("a BETWEEN :lo AND :hi", values(":lo", n("1"), ":hi", s("a")))).isEqualTo("Invalid "
                + "ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; "
                + "lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}");
    }

    @Test
    void inTakesAtMostOneHundredCandidates() {
        String hundred = IntStream.range(0, 100).mapToObj(i -> ":v").collect(Collectors.joining(","));
        assertThat(parse("a IN (" + hundred + ")")).isInstanceOf(In.class);
        assertThat(error("a IN (" + hundred + ", :v)")).isEqualTo("Invalid ConditionExpression: The IN operator is "
                + "provided with too many operands; number of operands: 101");
    }

    @Test
    void pathsNestAtMostThirtyTwoLevels() {
        assertThat(parse("a" + ".b".repeat(31) + " = :v")).isInstanceOf(Comparison.class);
        assertThat(error("a" + ".b".repeat(32) + " = :v")).isEqualTo("Invalid ConditionExpression: The document path has "
                + "too many nesting levels; nesting levels: 33");
    }

    @Test
    void expressionsHaveAtMostThreeHundredOperators() {
        String conditions = IntStream.range(0, 151).mapToObj(i -> "a = :v").collect(Collectors.joining(" AND "));
        assertThat(error(conditions)).isEqualTo("Invalid ConditionExpression: The expression contains too many operators; "
                + "operator count: 301");
    }

    @Test
    void deeplyNestedExpressionsParse() {
        String nested = "NOT ".repeat(900) + "a = :v";
        assertThat(error(nested)).startsWith("Invalid ConditionExpression: The expression contains too many operators");
        String parenthesized = "(".repeat(2000) + "a = :v" + ")".repeat(2000);
        assertThat(error(parenthesized)).isEqualTo("Invalid ConditionExpression: The expression has redundant parentheses;");
    }
}
