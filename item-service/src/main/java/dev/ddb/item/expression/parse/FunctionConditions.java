package dev.ddb.item.expression.parse;

import java.util.List;
import java.util.Set;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.item.expression.AttributeExists;
import dev.ddb.item.expression.AttributeNotExists;
import dev.ddb.item.expression.AttributeType;
import dev.ddb.item.expression.BeginsWith;
import dev.ddb.item.expression.Condition;
import dev.ddb.item.expression.Contains;
import dev.ddb.item.expression.Operand;
import dev.ddb.item.expression.PathOperand;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.FunctionCallContext;

/** Builds the functions that are conditions by themselves: attribute_exists, begins_with, contains, ... */
final class FunctionConditions {

    private static final Set<String> TYPE_NAMES = Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");

    /** Never true; stands in for a function that has a problem, which fails the parse anyway. */
    private static final Condition PLACEHOLDER = item -> false;

    private final ParseSession session;
    private final OperandBuilder operands;
    private final OperandChecks checks;

    FunctionConditions(ParseSession session, OperandBuilder operands, OperandChecks checks) {
        this.session = session;
        this.operands = operands;
        this.checks = checks;
    }

    Condition build(FunctionCallContext call) {
        String name = call.IDENTIFIER().getText();
        List<Operand> arguments = operands.arguments(call);
        if (Functions.isUpdateFunction(name)) {
            session.report(Problem.MISUSED_FUNCTION, "The function is not allowed in a condition expression; function: " + name);
            return PLACEHOLDER;
        }
        if (!Functions.isConditionFunction(name)) {
            session.report(Problem.UNKNOWN_FUNCTION, Functions.invalidName(name));
            return PLACEHOLDER;
        }
        return switch (name) {
            case Functions.ATTRIBUTE_EXISTS, Functions.ATTRIBUTE_NOT_EXISTS -> existence(name, arguments);
            case Functions.ATTRIBUTE_TYPE -> attributeType(arguments);
            case Functions.BEGINS_WITH -> beginsWith(arguments);
            case Functions.CONTAINS -> contains(arguments);
            default -> {
                // size() yields a number, it is no condition
                session.report(Problem.MISUSED_FUNCTION, Functions.notAllowedThisWay(name));
                yield PLACEHOLDER;
            }
        };
    }

    private Condition existence(String name, List<Operand> arguments) {
        if (!operands.hasOperands(name, arguments, 1) || !operands.isPath(name, arguments.get(0))) {
            return PLACEHOLDER;
        }
        PathOperand path = (PathOperand) arguments.get(0);
        return name.equals(Functions.ATTRIBUTE_EXISTS) ? new AttributeExists(path.path()) : new AttributeNotExists(path.path());
    }

    private Condition attributeType(List<Operand> arguments) {
        String name = Functions.ATTRIBUTE_TYPE;
        if (!operands.hasOperands(name, arguments, 2)) {
            return PLACEHOLDER;
        }
        checks.distinct(name, arguments.get(0), arguments.subList(1, 2));
        Operand type = arguments.get(1);
        AttributeValue literal = OperandTypes.literal(type);
        if (!(literal instanceof AttributeValue.S typeName)) {
            session.report(Problem.OPERAND_TYPE, Functions.operandType(name,
                    literal != null ? literal.type() : type instanceof PathOperand ? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}" : "N"));
            return PLACEHOLDER;
        }
        if (!TYPE_NAMES.contains(typeName.value())) {
            session.report(Problem.OPERAND_TYPE, "Invalid attribute type name found; type: " + typeName.value()
                    + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
        }
        if (!operands.isPath(name, arguments.get(0))) {
            return PLACEHOLDER;
        }
        return new AttributeType(((PathOperand) arguments.get(0)).path(), type);
    }

    private Condition beginsWith(List<Operand> arguments) {
        String name = Functions.BEGINS_WITH;
        if (!operands.hasOperands(name, arguments, 2)) {
            return PLACEHOLDER;
        }
        checks.distinct(name, arguments.get(0), arguments.subList(1, 2));
        for (Operand argument : arguments) {
            checks.typeIn(name, argument, List.of("S", "B"));
        }
        return new BeginsWith(arguments.get(0), arguments.get(1));
    }

    private Condition contains(List<Operand> arguments) {
        String name = Functions.CONTAINS;
        if (!operands.hasOperands(name, arguments, 2)) {
            return PLACEHOLDER;
        }
        checks.distinct(name, arguments.get(0), arguments.subList(1, 2));
        return new Contains(arguments.get(0), arguments.get(1));
    }
}
