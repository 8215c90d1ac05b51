package dev.ddb.item.expression;

import java.util.List;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

/** {@code value IN (candidate, ...)}: equal to any candidate; candidates may have different types. */
public record In(Operand value, List<Operand> candidates) implements Condition {

    public In {
        candidates = List.copyOf(candidates);
    }

    @Override
    public boolean test(Map<String, AttributeValue> item) {
        AttributeValue v = value.evaluate(item);
        return v != null && candidates.stream().anyMatch(c -> AttributeValues.equal(v, c.evaluate(item)));
    }
}
