package dev.ddb.item.expression;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

/**
 * {@code DELETE path :set}: removes members from a set; a set left empty is removed, since
 * DynamoDB has no empty sets. Deleting from a missing attribute does nothing.
 */
public record DeleteAction(DocumentPath path, AttributeValue value) implements UpdateAction {

    @Override
    public AttributeValue newValue(Map<String, AttributeValue> item) {
        AttributeValue existing = path.resolve(item);
        if (existing == null) {
            return null;
        }
        if (existing instanceof AttributeValue.SS ss && value instanceof AttributeValue.SS delete) {
            List<String> left = difference(ss.values(), delete.values());
            return left.isEmpty() ? null : new AttributeValue.SS(left);
        }
        if (existing instanceof AttributeValue.NS ns && value instanceof AttributeValue.NS delete) {
            List<BigDecimal> left = difference(ns.values(), delete.values());
            return left.isEmpty() ? null : new AttributeValue.NS(left);
        }
        if (existing instanceof AttributeValue.BS bs && value instanceof AttributeValue.BS delete) {
            List<ByteBuffer> left = difference(SetMembers.wrap(bs.values()), SetMembers.wrap(delete.values()));
            return left.isEmpty() ? null : SetMembers.binarySet(left);
        }
        throw UpdateErrors.incorrectDataType();
    }

    private static <T> List<T> difference(List<T> existing, List<T> deleted) {
        List<T> left = new ArrayList<>(existing);
        left.removeAll(deleted);
        return left;
    }
}
