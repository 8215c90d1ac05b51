package dev.ddb.item.expression;

import java.math.BigDecimal;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.DynamoNumber;

/** Shared evaluation of SET's {@code +} and {@code -}: both operands must be existing numbers. */
final class Arithmetic {

    private Arithmetic() {
    }

    static BigDecimal number(Operand operand, Map<String, AttributeValue> item) {
        AttributeValue value = operand.evaluate(item);
        if (value == null) {
            throw UpdateErrors.missingAttribute();
        }
        if (!(value instanceof AttributeValue.N n)) {
            throw UpdateErrors.incorrectDataType();
        }
        return n.value();
    }

    /** The result must still be a number DynamoDB can store. */
    static AttributeValue.N result(BigDecimal value) {
        return new AttributeValue.N(DynamoNumber.validate(value));
    }
}
