package dev.ddb.item.expression;

import static dev.ddb.item.expression.Values.b;
import static dev.ddb.item.expression.Values.item;
import static dev.ddb.item.expression.Values.n;
import static dev.ddb.item.expression.Values.s;
import static dev.ddb.item.expression.Values.validationError;
import static dev.ddb.item.expression.Values.values;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.ScalarAttributeType;

class KeyConditionTest {

    private static final KeySchema SCHEMA = new KeySchema("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N);

    private static ExpressionAttributes attributes() {
        return values(":p", s("user"), ":a", n("1"), ":b", n("5"), ":s", s("x"));
    }

    private static KeyCondition parse(String text) {
        return ExpressionParser.parseKeyCondition(text, attributes(), SCHEMA);
    }

    private static String error(String text) {
        return validationError(() -> parse(text));
    }

    @Test
    void partitionKeyEqualityAlone() {
        KeyCondition condition = parse("pk = :p");
        assertThat(condition.partitionKey()).isEqualTo(s("user"));
        assertThat(condition.sortKey()).isEmpty();
        assertThat(condition.sortKeyCondition()).isNull();
    }

    @Test
    void sortKeyConditionInEitherOrderAndOnEitherSide() {
        SortKeyCondition expected = SortKeyCondition.of(SortKeyCondition.Operator.GT, n("1"));
        assertThat(parse("pk = :p AND sk > :a").sortKeyCondition()).isEqualTo(expected);
        assertThat(parse("sk > :a AND pk = :p").sortKeyCondition()).isEqualTo(expected);
        assertThat(parse(":a < sk AND :p = pk").sortKeyCondition()).isEqualTo(expected);
        assertThat(parse("(pk = :p) AND (sk > :a)").sortKeyCondition()).isEqualTo(expected);
        for (String op : new String[] {"=", "<", "<=", ">", ">="}) {
            assertThat(parse("pk = :p AND sk " + op + " :a").sortKeyCondition().op().name())
                    .isEqualTo(Comparator.ofSymbol(op).name());
        }
    }

    @Test
    void betweenAndBeginsWithOnTheSortKey() {
        assertThat(parse("pk = :p AND sk BETWEEN :a AND :b").sortKeyCondition())
                .isEqualTo(SortKeyCondition.between(n("1"), n("5")));
        KeySchema stringSort = new KeySchema("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.S);
        assertThat(ExpressionParser.parseKeyCondition("pk = :p AND begins_with(sk, :s)", attributes(), stringSort).sortKeyCondition())
                .isEqualTo(SortKeyCondition.of(SortKeyCondition.Operator.BEGINS_WITH, s("x")));
    }

    @Test
    void theConditionTestsItems() {
        KeyCondition condition = parse("pk = :p AND sk BETWEEN :a AND :b");
        assertThat(condition.test(item("pk", s("user"), "sk", n("1")))).isTrue();
        assertThat(condition.test(item("pk", s("user"), "sk", n("5")))).isTrue();
        assertThat(condition.test(item("pk", s("user"), "sk", n("6")))).isFalse();
        assertThat(condition.test(item("pk", s("other"), "sk", n("3")))).isFalse();
        assertThat(condition.test(null)).isFalse();
        assertThat(SortKeyCondition.of(SortKeyCondition.Operator.BEGINS_WITH, b("ab")).test(b("abc"))).isTrue();
        assertThat(SortKeyCondition.of(SortKeyCondition.Operator.LE, s("b")).test(s("a"))).isTrue();
    }

    @Test
    void thePartitionKeyIsRequiredWithEquality() {
        assertThat(error("sk > :a")).isEqualTo("Query condition missed key schema element: pk");
        assertThat(error("pk > :p")).isEqualTo("Query key condition not supported");
        assertThat(error("pk BETWEEN :p AND :p")).isEqualTo("Query key condition not supported");
        assertThat(error("begins_with(pk, :p)")).isEqualTo("Query key condition not supported");
    }

    @Test
    void onlyKeyAttributesMayBeConstrained() {
        assertThat(error("pk = :p AND x = :a")).isEqualTo("Query condition missed key schema element: sk");
        KeySchema hashOnly = KeySchema.hashOnly("pk", ScalarAttributeType.S);
        assertThat(validationError(() -> ExpressionParser.parseKeyCondition("pk = :p AND sk = :a", attributes(), hashOnly)))
                .isEqualTo("Query key condition not supported");
        assertThat(error("pk = :p AND sk > :a AND sk < :b"))
                .isEqualTo("Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key");
        assertThat(error("pk = :p AND pk = :s"))
                .isEqualTo("Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key");
    }

    @Test
    void atMostTwoConditions() {
        KeySchema threeNames = new KeySchema("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N);
        assertThat(validationError(() -> ExpressionParser.parseKeyCondition("pk = :p AND sk = :a AND x = :b", attributes(), threeNames)))
                .isEqualTo("The number of query conditions (3) exceeds the number of key attributes defined in the schema (2)");
        KeySchema hashOnly = KeySchema.hashOnly("pk", ScalarAttributeType.S);
        assertThat(validationError(() -> ExpressionParser.parseKeyCondition("pk = :p AND sk = :a AND x = :b", attributes(), hashOnly)))
                .isEqualTo("The number of query conditions (3) exceeds the number of key attributes defined in the schema (1)");
    }

    @Test
    void otherOperatorsAndFunctionsAreNotKeyConditions() {
        assertThat(error("pk = :p OR sk = :a")).isEqualTo("Invalid operator used in KeyConditionExpression: OR");
        assertThat(error("pk = :p AND NOT sk = :a")).isEqualTo("Invalid operator used in KeyConditionExpression: NOT");
        assertThat(error("pk IN (:p, :s)")).isEqualTo("Invalid operator used in KeyConditionExpression: IN");
        assertThat(error("pk <> :p")).isEqualTo("Invalid operator used in KeyConditionExpression: <>");
        assertThat(error("attribute_exists(pk)")).isEqualTo("Invalid operator used in KeyConditionExpression: attribute_exists");
        assertThat(error("pk = :p AND attribute_not_exists(sk)"))
                .isEqualTo("Invalid operator used in KeyConditionExpression: attribute_not_exists");
        assertThat(error("pk = :p AND contains(sk, :a)")).isEqualTo("Invalid operator used in KeyConditionExpression: contains");
        assertThat(validationError(() -> ExpressionParser.parseKeyCondition("attribute_type(pk, :s)",
                values(":s", s("S")), SCHEMA))).isEqualTo("Invalid operator used in KeyConditionExpression: attribute_type");
    }

    @Test
    void keysAreComparedDirectlyWithValues() {
        assertThat(error("pk = :p AND size(sk) = :a")).isEqualTo("KeyConditionExpressions cannot contain nested operations");
        assertThat(error("pk.x = :p")).isEqualTo("KeyConditionExpressions cannot have conditions on nested attributes");
        assertThat(error("pk = sk")).isEqualTo("Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
        assertThat(error(":p = :s")).isEqualTo("Invalid condition in KeyConditionExpression: No key attribute specified");
        assertThat(error("pk = :p AND :a BETWEEN sk AND :b"))
                .isEqualTo("Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand");
        assertThat(error("pk = :p AND begins_with(:s, sk)"))
                .isEqualTo("Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand");
        assertThat(error("pk = :p AND sk BETWEEN :a AND x"))
                .isEqualTo("Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
    }

    @Test
    void valuesMustHaveTheKeyType() {
        assertThat(error("pk = :a")).isEqualTo("One or more parameter values were invalid: Condition parameter type does not match schema type");
        assertThat(error("pk = :p AND sk < :s"))
                .isEqualTo("One or more parameter values were invalid: Condition parameter type does not match schema type");
        assertThat(error("pk = :p AND begins_with(sk, :s)"))
                .isEqualTo("One or more parameter values were invalid: Condition parameter type does not match schema type");
        assertThat(error("pk = :p AND begins_with(sk, :a)")).isEqualTo("Invalid KeyConditionExpression: Incorrect operand type "
                + "for operator or function; operator or function: begins_with, operand type: N");
    }

    @Test
    void betweenBoundsMustBeInOrder() {
        assertThat(error("pk = :p AND sk BETWEEN :b AND :a")).isEqualTo("Invalid KeyConditionExpression: The BETWEEN operator "
                + "requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:5}, "
                + "upper bound operand: AttributeValue: {N:1}");
    }

    @Test
    void expressionErrorsNameTheKeyConditionExpression() {
        assertThat(error("")).isEqualTo("Invalid KeyConditionExpression: The expression can not be empty;");
        assertThat(error("pk = :nope")).isEqualTo("Invalid KeyConditionExpression: An expression attribute value used in "
                + "expression is not defined; attribute value: :nope");
        assertThat(error("pk = :p AND")).isEqualTo("Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"");
    }

    @Test
    void onlyWhatNeedsNoKeySchemaIsCheckedBeforeTheTableIsKnown() {
        // too many conditions are counted against the key schema's attributes, once the table is known
        assertThat(ExpressionParser.parseKeyConditionTerms("a = :p AND b = :p AND c = :p", attributes()).terms()).hasSize(3);
        assertThat(validationError(() -> ExpressionParser.parseKeyConditionTerms("a = :p OR b = :p", attributes())))
                .isEqualTo("Invalid operator used in KeyConditionExpression: OR");
        assertThat(ExpressionParser.parseKeyConditionTerms("z = :a AND y > :s", attributes()).terms()).hasSize(2);
    }

    @Test
    void keyAttributesAreCheckedInDynamoDbsOrder() {
        // the value's type before the partition key's operator
        assertThat(error(":a > pk")).isEqualTo("One or more parameter values were invalid: Condition parameter type does not match schema type");
        // two conditions on a table without sort key, before naming a missing partition key
        KeySchema hashOnly = KeySchema.hashOnly("pk", ScalarAttributeType.S);
        assertThat(validationError(() -> ExpressionParser.parseKeyCondition("y = :p AND z = :p", attributes(), hashOnly)))
                .isEqualTo("Query key condition not supported");
    }

    @Test
    void keyValuesHaveTheKeySizeLimits() {
        KeySchema stringSort = new KeySchema("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.S);
        assertThat(validationError(() -> ExpressionParser.parseKeyCondition("pk = :p", values(":p", s("x".repeat(2049))), stringSort)))
                .isEqualTo("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes");
        assertThat(validationError(() -> ExpressionParser.parseKeyCondition("pk = :q AND begins_with(sk, :s)",
                values(":q", s("p"), ":s", s("x".repeat(1025))), stringSort)))
                .isEqualTo("One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
    }
}
