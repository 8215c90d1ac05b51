package dev.ddb.stream.read;

/**
 * A position in a shard: the shard, the offset to read next and when the iterator was issued
 * (iterators expire). {@link ShardIteratorCodec} turns it into the text callers hold.
 */
public record ShardIterator(String streamArn, int shard, long offset, long issuedMillis) {

    public ShardIterator at(long nextOffset, long nowMillis) {
        return new ShardIterator(streamArn, shard, nextOffset, nowMillis);
    }
}
