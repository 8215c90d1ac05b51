package dev.ddb.item.expression.parse;

import java.util.List;

import org.antlr.v4.runtime.Token;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.item.expression.IfNotExists;
import dev.ddb.item.expression.ListAppend;
import dev.ddb.item.expression.Operand;
import dev.ddb.item.expression.PathOperand;
import dev.ddb.item.expression.Size;
import dev.ddb.item.expression.ValueOperand;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.FunctionCallContext;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.FunctionOperandContext;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.OperandContext;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.ParenthesizedOperandContext;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.PathOperandContext;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.ValueOperandContext;

/**
 * Builds operands: paths, :values and the functions that yield values (size in conditions,
 * if_not_exists and list_append in updates). A mistake is reported to the session and a
 * placeholder operand returned, so that every problem of the expression gets seen.
 */
final class OperandBuilder {

    private static final Operand PLACEHOLDER = new ValueOperand(null);

    private final ParseSession session;
    private final PathBuilder paths;
    private final Dialect dialect;

    OperandBuilder(ParseSession session, Dialect dialect) {
        this.session = session;
        this.paths = new PathBuilder(session, dialect);
        this.dialect = dialect;
    }

    PathBuilder paths() {
        return paths;
    }

    Operand build(OperandContext operand) {
        if (operand instanceof ParenthesizedOperandContext parenthesized) {
            if (parenthesized.operand() instanceof ParenthesizedOperandContext) {
                session.report(Problem.REDUNDANT_PARENTHESES, "The expression has redundant parentheses;");
            }
            return build(parenthesized.operand());
        }
        if (operand instanceof ValueOperandContext value) {
            return value(value.VALUE_REF().getSymbol());
        }
        if (operand instanceof PathOperandContext path) {
            return new PathOperand(paths.build(path.path()));
        }
        return function(((FunctionOperandContext) operand).functionCall());
    }

    ValueOperand value(Token reference) {
        AttributeValue value = session.attributes().value(reference.getText());
        if (value == null) {
            session.report(Problem.UNDEFINED_VALUE,
                    "An expression attribute value used in expression is not defined; attribute value: " + reference.getText());
        }
        return new ValueOperand(value);
    }

    List<Operand> arguments(FunctionCallContext call) {
        return call.operand().stream().map(this::build).toList();
    }

    /** Reports a wrong argument count; true when the count is right. */
    boolean hasOperands(String function, List<Operand> arguments, int expected) {
        if (arguments.size() != expected) {
            session.report(Problem.OPERAND_COUNT, Functions.operandCount(function, arguments.size()));
            return false;
        }
        return true;
    }

    /** Reports a non-path argument; true when it is a path. */
    boolean isPath(String function, Operand argument) {
        if (!(argument instanceof PathOperand)) {
            session.report(Problem.OPERAND_TYPE, Functions.requiresPath(function));
            return false;
        }
        return true;
    }

    private Operand function(FunctionCallContext call) {
        String name = call.IDENTIFIER().getText();
        session.countOperator();
        List<Operand> arguments = arguments(call);
        if (!Functions.isConditionFunction(name) && !Functions.isUpdateFunction(name)) {
            session.report(Problem.UNKNOWN_FUNCTION, Functions.invalidName(name));
            return PLACEHOLDER;
        }
        return dialect == Dialect.UPDATE ? updateFunction(name, call, arguments) : conditionFunction(name, arguments);
    }

    /** In a condition, size() is the only function that yields a value. */
    private Operand conditionFunction(String name, List<Operand> arguments) {
        if (Functions.isUpdateFunction(name)) {
            session.report(Problem.MISUSED_FUNCTION, "The function is not allowed in a condition expression; function: " + name);
            return PLACEHOLDER;
        }
        if (!name.equals(Functions.SIZE)) {
            session.report(Problem.MISUSED_FUNCTION, Functions.notAllowedThisWay(name));
            return PLACEHOLDER;
        }
        if (!hasOperands(name, arguments, 1) || !isPath(name, arguments.get(0))) {
            return PLACEHOLDER;
        }
        return new Size(((PathOperand) arguments.get(0)).path());
    }

    private Operand updateFunction(String name, FunctionCallContext call, List<Operand> arguments) {
        if (Functions.isConditionFunction(name)) {
            session.report(Problem.MISUSED_FUNCTION, "The function is not allowed in an update expression; function: " + name);
            return PLACEHOLDER;
        }
        if (!hasOperands(name, arguments, 2)) {
            return PLACEHOLDER;
        }
        if (name.equals(Functions.IF_NOT_EXISTS)) {
            return isPath(name, arguments.get(0))
                    ? new IfNotExists(((PathOperand) arguments.get(0)).path(), arguments.get(1))
                    : PLACEHOLDER;
        }
        return listAppend(call, arguments);
    }

    /** DynamoDB rejects list_append nested in list_append, and literals that are not lists. */
    private Operand listAppend(FunctionCallContext call, List<Operand> arguments) {
        for (OperandContext argument : call.operand()) {
            if (argument instanceof FunctionOperandContext nested
                    && nested.functionCall().IDENTIFIER().getText().equals(Functions.LIST_APPEND)) {
                session.report(Problem.MISUSED_FUNCTION, Functions.notAllowedThisWay(Functions.LIST_APPEND));
            }
        }
        for (Operand argument : arguments) {
            AttributeValue literal = OperandTypes.literal(argument);
            if (literal != null && !(literal instanceof AttributeValue.L)) {
                session.report(Problem.OPERAND_TYPE, Functions.operandType(Functions.LIST_APPEND, literal.type()));
            }
        }
        return new ListAppend(arguments.get(0), arguments.get(1));
    }
}
