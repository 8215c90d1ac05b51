package dev.ddb.item.expression;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

/**
 * {@code ADD path :value}: adds to a number or unites sets, creating the attribute when missing.
 * Appending to a list is only reachable through the legacy AttributeUpdates (the expression
 * parser rejects list operands), where DynamoDB allows it.
 */
public record AddAction(DocumentPath path, AttributeValue value) implements UpdateAction {

    @Override
    public AttributeValue newValue(Map<String, AttributeValue> item) {
        AttributeValue existing = path.resolve(item);
        if (existing == null) {
            return value;
        }
        if (existing instanceof AttributeValue.N n && value instanceof AttributeValue.N add) {
            return Arithmetic.result(n.value().add(add.value()));
        }
        if (existing instanceof AttributeValue.L l && value instanceof AttributeValue.L add) {
            List<AttributeValue> joined = new ArrayList<>(l.values());
            joined.addAll(add.values());
            return new AttributeValue.L(joined);
        }
        if (existing instanceof AttributeValue.SS ss && value instanceof AttributeValue.SS add) {
            return new AttributeValue.SS(union(ss.values(), add.values()));
        }
        if (existing instanceof AttributeValue.NS ns && value instanceof AttributeValue.NS add) {
            return new AttributeValue.NS(union(ns.values(), add.values()));
        }
        if (existing instanceof AttributeValue.BS bs && value instanceof AttributeValue.BS add) {
            return SetMembers.binarySet(union(SetMembers.wrap(bs.values()), SetMembers.wrap(add.values())));
        }
        throw UpdateErrors.incorrectDataType();
    }

    private static <T> List<T> union(List<T> existing, List<T> added) {
        LinkedHashSet<T> members = new LinkedHashSet<>(existing);
        members.addAll(added);
        return List.copyOf(members);
    }
}
