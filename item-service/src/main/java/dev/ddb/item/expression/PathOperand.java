package dev.ddb.item.expression;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

/** The value of an item attribute (possibly nested); null when it does not exist. */
public record PathOperand(DocumentPath path) implements Operand {

    @Override
    public AttributeValue evaluate(Map<String, AttributeValue> item) {
        return path.resolve(item);
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
