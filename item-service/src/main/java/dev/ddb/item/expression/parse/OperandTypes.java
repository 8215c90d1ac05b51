package dev.ddb.item.expression.parse;

import java.util.Base64;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.item.expression.ListAppend;
import dev.ddb.item.expression.Operand;
import dev.ddb.item.expression.Size;
import dev.ddb.item.expression.ValueOperand;

/**
 * What the parser knows of an operand's type before seeing an item: literals and function
 * results have one, paths do not. DynamoDB rejects some misuse of typed operands at parse time.
 */
final class OperandTypes {

    private OperandTypes() {
    }

    /** The type descriptor (S, N, L, ...), or null when only the item will tell. */
    static String typeOf(Operand operand) {
        if (operand instanceof ValueOperand value && value.value() != null) {
            return value.value().type();
        }
        if (operand instanceof Size) {
            return "N";
        }
        if (operand instanceof ListAppend) {
            return "L";
        }
        return null;
    }

    /** The literal, or null when the operand is not a (defined) literal. */
    static AttributeValue literal(Operand operand) {
        return operand instanceof ValueOperand value ? value.value() : null;
    }

    /** A value as DynamoDB prints it in BETWEEN errors: {@code AttributeValue: {N:5}}. */
    static String describe(AttributeValue value) {
        String text;
        if (value instanceof AttributeValue.S s) {
            text = s.value();
        } else if (value instanceof AttributeValue.N n) {
            text = n.text();
        } else if (value instanceof AttributeValue.B b) {
            text = Base64.getEncoder().encodeToString(b.value());
        } else {
            text = value.toString();
        }
        return "AttributeValue: {" + value.type() + ":" + text + "}";
    }

    /** The type names ADD and DELETE use in their operand errors. */
    static String longName(String type) {
        return switch (type) {
            case "S" -> "STRING";
            case "N" -> "NUMBER";
            case "B" -> "BINARY";
            case "BOOL" -> "BOOLEAN";
            case "NULL" -> "NULL";
            case "L" -> "LIST";
            case "M" -> "MAP";
            default -> type;
        };
    }
}
