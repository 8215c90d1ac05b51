package dev.ddb.stream.record;

import java.math.BigInteger;
import java.util.Optional;

/**
 * DynamoDB Streams sequence numbers from Kafka positions: {@code (shard + 1) * 10^20 + offset} in
 * decimal, e.g. {@code 100000000000000000042} for offset 42 of shard 0. Like DynamoDB's they are
 * 21 or more digits, and within a shard they have one length and grow with the offset, so they
 * sort the same as text and as numbers.
 */
public final class SequenceNumbers {

    private static final BigInteger SHARD_STEP = BigInteger.TEN.pow(20);

    private SequenceNumbers() {
    }

    /** A position in a stream's topic. */
    public record Position(int shard, long offset) {
    }

    public static String of(int shard, long offset) {
        return BigInteger.valueOf(shard + 1L).multiply(SHARD_STEP).add(BigInteger.valueOf(offset)).toString();
    }

    /** Empty when the text is not a sequence number this service made. */
    public static Optional<Position> parse(String sequenceNumber) {
        if (sequenceNumber == null || sequenceNumber.isEmpty() || !sequenceNumber.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        BigInteger[] shardAndOffset = new BigInteger(sequenceNumber).divideAndRemainder(SHARD_STEP);
        BigInteger shard = shardAndOffset[0].subtract(BigInteger.ONE);
        if (shard.signum() < 0 || shard.bitLength() > 30 || shardAndOffset[1].bitLength() > 63) {
            return Optional.empty();
        }
        return Optional.of(new Position(shard.intValueExact(), shardAndOffset[1].longValueExact()));
    }
}
