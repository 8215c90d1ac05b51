package dev.ddb.item.changelog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** A change waiting in the outbox for the relay: its sequence, Kafka key and Kafka value. */
public record OutboxEntry(long sequence, String kafkaKey, byte[] value) {

    public byte[] encode() {
        byte[] key = kafkaKey.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + key.length + value.length).putInt(key.length).put(key).put(value).array();
    }

    public static OutboxEntry decode(long sequence, byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte[] key = new byte[buffer.getInt()];
        buffer.get(key);
        byte[] value = new byte[buffer.remaining()];
        buffer.get(value);
        return new OutboxEntry(sequence, new String(key, StandardCharsets.UTF_8), value);
    }
}
