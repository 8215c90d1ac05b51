package dev.ddb.stream.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import dev.ddb.common.encryption.MasterKey;
import dev.ddb.stream.support.Streams;

class ShardIteratorCodecTest {

    private static final String ARN = Streams.arn("Music", "2026-11-25T10:37:34.123");
    private static final String OTHER_ARN = Streams.arn("Other", "2026-11-25T10:37:34.123");
    private final ShardIteratorCodec codec = new ShardIteratorCodec(MasterKey.generate());

    @Test
    void looksLikeDynamoDbsAndReadsBack() {
        ShardIterator iterator = new ShardIterator(ARN, 3, 1234, 1_764_067_054_123L);

        String text = codec.encode(iterator);

        assertThat(text).startsWith(ARN + "|2|").hasSizeLessThanOrEqualTo(2048);
        assertThat(codec.decode(text)).contains(iterator);
    }

    @Test
    void textThatIsNoIteratorOfOursIsRejected() {
        assertThat(codec.decode("garbage")).isEmpty();
        assertThat(codec.decode(ARN + "|1|MzoxMjM0OjE")).isEmpty(); // the unsigned form of before
        assertThat(codec.decode(ARN + "|2|!!!.!!!")).isEmpty();
        assertThat(codec.decode("arn:aws:dynamodb:x|2|MzoxMjM0OjE.AAAA")).isEmpty();
        assertThat(codec.decode(null)).isEmpty();
    }

    @Test
    void anIteratorChangedOrSignedUnderAnotherKeyIsRejected() {
        String text = codec.encode(new ShardIterator(ARN, 0, 5, 1_764_067_054_123L));
        String signature = text.substring(text.lastIndexOf('.'));

        // later, so that it would not expire; another position; another stream
        String later = ARN + "|2|" + base64("0:5:99999999999999999") + signature;
        String elsewhere = ARN + "|2|" + base64("3:0:1764067054123") + signature;
        String otherStream = OTHER_ARN + text.substring(ARN.length());

        assertThat(codec.decode(later)).isEmpty();
        assertThat(codec.decode(elsewhere)).isEmpty();
        assertThat(codec.decode(otherStream)).isEmpty();
        assertThat(new ShardIteratorCodec(MasterKey.generate()).decode(text)).isEmpty();
    }

    private static String base64(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }
}
