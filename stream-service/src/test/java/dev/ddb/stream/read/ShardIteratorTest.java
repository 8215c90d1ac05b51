package dev.ddb.stream.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.ddb.stream.support.Streams;

class ShardIteratorTest {

    private static final String ARN = Streams.arn("Music", "2026-11-25T10:37:34.123");

    @Test
    void looksLikeDynamoDbsAndReadsBack() {
        ShardIterator iterator = new ShardIterator(ARN, 3, 1234, 1_764_067_054_123L);

        String text = iterator.encode();

        assertThat(text).startsWith(ARN + "|1|").hasSizeLessThanOrEqualTo(2048);
        assertThat(ShardIterator.decode(text)).contains(iterator);
    }

    @Test
    void textThatIsNoIteratorOfOursIsRejected() {
        assertThat(ShardIterator.decode("garbage")).isEmpty();
        assertThat(ShardIterator.decode(ARN + "|2|MzoxMjM0OjE")).isEmpty();
        assertThat(ShardIterator.decode(ARN + "|1|!!!")).isEmpty();
        assertThat(ShardIterator.decode("arn:aws:dynamodb:x|1|MzoxMjM0OjE")).isEmpty();
        assertThat(ShardIterator.decode(null)).isEmpty();
    }
}
