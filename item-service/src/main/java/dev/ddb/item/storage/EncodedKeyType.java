package dev.ddb.item.storage;

import java.nio.ByteBuffer;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ByteArrayDataType;

import dev.ddb.common.key.UnsignedBytes;

/** MVStore key type for encoded primary keys: ordered as unsigned bytes, the order KeyEncoding preserves. */
final class EncodedKeyType extends BasicDataType<byte[]> {

    static final EncodedKeyType INSTANCE = new EncodedKeyType();

    @Override
    public int compare(byte[] a, byte[] b) {
        return UnsignedBytes.compare(a, b);
    }

    @Override
    public int getMemory(byte[] key) {
        return ByteArrayDataType.INSTANCE.getMemory(key);
    }

    @Override
    public void write(WriteBuffer buffer, byte[] key) {
        ByteArrayDataType.INSTANCE.write(buffer, key);
    }

    @Override
    public byte[] read(ByteBuffer buffer) {
        return ByteArrayDataType.INSTANCE.read(buffer);
    }

    @Override
    public byte[][] createStorage(int size) {
        return new byte[size][];
    }
}
