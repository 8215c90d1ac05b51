package dev.ddb.item.expression;

import java.nio.ByteBuffer;
import java.util.List;

import dev.ddb.common.attribute.AttributeValue;

/** Binary set members as values that compare by content, for set arithmetic. */
final class SetMembers {

    private SetMembers() {
    }

    static List<ByteBuffer> wrap(List<byte[]> members) {
        return members.stream().map(ByteBuffer::wrap).toList();
    }

    static AttributeValue.BS binarySet(List<ByteBuffer> members) {
        return new AttributeValue.BS(members.stream().map(ByteBuffer::array).toList());
    }
}
