package dev.ddb.item.expression.parse;

import java.util.List;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.item.expression.AttributeValues;
import dev.ddb.item.expression.Operand;
import dev.ddb.item.expression.PathOperand;

/** The parse-time checks DynamoDB makes on the operands of conditions. */
final class OperandChecks {

    private final ParseSession session;

    OperandChecks(ParseSession session) {
        this.session = session;
    }

    /** {@code a = a} and the like are rejected: the first path must differ from the others. */
    void distinct(String operator, Operand first, List<Operand> rest) {
        if (!(first instanceof PathOperand path)) {
            return;
        }
        for (Operand other : rest) {
            if (other instanceof PathOperand otherPath && otherPath.path().equals(path.path())) {
                session.report(Problem.OPERAND_NOT_DISTINCT,
                        "The first operand must be distinct from the remaining operands for this operator or function; operator: "
                                + operator + ", first operand: " + path.path().describe());
                return;
            }
        }
    }

    /** A literal compared by order must be a string, number or binary. */
    void orderable(String operator, Operand operand) {
        AttributeValue literal = OperandTypes.literal(operand);
        if (literal != null && !AttributeValues.isOrderable(literal)) {
            session.report(Problem.OPERAND_TYPE, Functions.operandType(operator, literal.type()));
        }
    }

    /** An operand whose type is known before the item must be one of the allowed types. */
    void typeIn(String function, Operand operand, List<String> allowed) {
        String type = OperandTypes.typeOf(operand);
        if (type != null && !allowed.contains(type)) {
            session.report(Problem.OPERAND_TYPE, Functions.operandType(function, type));
        }
    }
}
