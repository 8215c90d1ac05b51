package dev.ddb.item.expression.parse;

import java.util.List;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.item.expression.And;
import dev.ddb.item.expression.AttributeValues;
import dev.ddb.item.expression.Between;
import dev.ddb.item.expression.Comparator;
import dev.ddb.item.expression.Comparison;
import dev.ddb.item.expression.Condition;
import dev.ddb.item.expression.ExpressionAttributes;
import dev.ddb.item.expression.In;
import dev.ddb.item.expression.Not;
import dev.ddb.item.expression.Operand;
import dev.ddb.item.expression.Or;
import dev.ddb.item.expression.grammar.DynamoDbExpressionBaseVisitor;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.AndConditionContext;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.BetweenConditionContext;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.ComparisonConditionContext;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.FunctionConditionContext;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.InConditionContext;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.NotConditionContext;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.OrConditionContext;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.ParenthesizedConditionContext;

/** The ANTLR visitor that turns a condition's parse tree into a {@link Condition}. */
public final class ConditionBuilder extends DynamoDbExpressionBaseVisitor<Condition> {

    /** DynamoDB's limit on the candidates of one IN. */
    static final int MAX_IN_CANDIDATES = 100;

    private final ParseSession session;
    private final OperandBuilder operands;
    private final FunctionConditions functions;
    private final OperandChecks checks;

    private ConditionBuilder(ParseSession session) {
        this.session = session;
        this.operands = new OperandBuilder(session, Dialect.CONDITION);
        this.checks = new OperandChecks(session);
        this.functions = new FunctionConditions(session, operands, checks);
    }

    /**
     * Parses a condition-grammar expression.
     *
     * @param kind the request member it came from, e.g. "FilterExpression", named in every error
     */
    public static Condition parse(String text, ExpressionAttributes attributes, String kind) {
        var parsed = ParsedExpressions.CONDITIONS.parse(text, kind);
        ParseSession session = new ParseSession(kind, attributes, parsed.tokens(), Problem.CONDITION_ORDER);
        Condition condition = new ConditionBuilder(session).visit(parsed.tree().condition());
        session.throwFirstProblem();
        return condition;
    }

    @Override
    public Condition visitParenthesizedCondition(ParenthesizedConditionContext ctx) {
        if (ctx.condition() instanceof ParenthesizedConditionContext) {
            session.report(Problem.REDUNDANT_PARENTHESES, "The expression has redundant parentheses;");
        }
        return visit(ctx.condition());
    }

    @Override
    public Condition visitNotCondition(NotConditionContext ctx) {
        session.countOperator();
        return new Not(visit(ctx.condition()));
    }

    @Override
    public Condition visitAndCondition(AndConditionContext ctx) {
        session.countOperator();
        return new And(visit(ctx.condition(0)), visit(ctx.condition(1)));
    }

    @Override
    public Condition visitOrCondition(OrConditionContext ctx) {
        session.countOperator();
        return new Or(visit(ctx.condition(0)), visit(ctx.condition(1)));
    }

    @Override
    public Condition visitComparisonCondition(ComparisonConditionContext ctx) {
        session.countOperator();
        Comparator op = Comparator.ofSymbol(ctx.comparator().getText());
        Operand left = operands.build(ctx.operand(0));
        Operand right = operands.build(ctx.operand(1));
        checks.distinct(op.symbol(), left, List.of(right));
        if (op != Comparator.EQ && op != Comparator.NE) {
            checks.orderable(op.symbol(), left);
            checks.orderable(op.symbol(), right);
        }
        return new Comparison(op, left, right);
    }

    @Override
    public Condition visitBetweenCondition(BetweenConditionContext ctx) {
        session.countOperator();
        Operand value = operands.build(ctx.operand(0));
        Operand low = operands.build(ctx.operand(1));
        Operand high = operands.build(ctx.operand(2));
        for (Operand operand : List.of(value, low, high)) {
            checks.orderable("BETWEEN", operand);
        }
        checkBounds(OperandTypes.literal(low), OperandTypes.literal(high));
        return new Between(value, low, high);
    }

    /** Literal bounds must share a type and be in order; bounds read from the item just fail the test. */
    private void checkBounds(AttributeValue low, AttributeValue high) {
        if (low == null || high == null || !AttributeValues.isOrderable(low) || !AttributeValues.isOrderable(high)) {
            return;
        }
        String bounds = "lower bound operand: " + OperandTypes.describe(low)
                + ", upper bound operand: " + OperandTypes.describe(high);
        if (!low.type().equals(high.type())) {
            session.report(Problem.OPERAND_TYPE, "The BETWEEN operator requires same data type for lower and upper bounds; " + bounds);
        } else if (AttributeValues.compare(low, high) > 0) {
            session.report(Problem.OPERAND_TYPE,
                    "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; " + bounds);
        }
    }

    @Override
    public Condition visitInCondition(InConditionContext ctx) {
        session.countOperator();
        Operand value = operands.build(ctx.operand(0));
        List<Operand> candidates = ctx.operand().subList(1, ctx.operand().size()).stream().map(operands::build).toList();
        if (candidates.size() > MAX_IN_CANDIDATES) {
            session.report(Problem.OPERAND_COUNT,
                    "The IN operator is provided with too many operands; number of operands: " + candidates.size());
        }
        checks.distinct("IN", value, candidates);
        return new In(value, candidates);
    }

    @Override
    public Condition visitFunctionCondition(FunctionConditionContext ctx) {
        session.countOperator();
        return functions.build(ctx.functionCall());
    }
}
