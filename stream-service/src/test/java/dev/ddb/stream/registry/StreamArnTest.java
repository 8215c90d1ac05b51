package dev.ddb.stream.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamArnTest {

    @Test
    void readsRegionTableAndLabel() {
        StreamArn arn = StreamArn.parse("arn:aws:dynamodb:eu-west-1:000000000000:table/Music.v2/stream/2026-11-25T10:37:34.123")
                .orElseThrow();

        assertThat(arn.region()).isEqualTo("eu-west-1");
        assertThat(arn.tableName()).isEqualTo("Music.v2");
        assertThat(arn.label()).isEqualTo("2026-11-25T10:37:34.123");
        assertThat(arn.creationMillis()).isEqualTo(1_795_603_054_123L);
    }

    @Test
    void otherTextIsNoStreamArn() {
        assertThat(StreamArn.parse("arn:aws:dynamodb:eu-west-1:000000000000:table/Music")).isEmpty();
        assertThat(StreamArn.parse("arn:aws:dynamodb:eu-west-1:000000000000:table/Music/stream/latest")).isEmpty();
        assertThat(StreamArn.parse("arn:aws:dynamodb:eu-west-1:000000000000:table/Music/stream/2026-13-45T10:37:34.123")).isEmpty();
        assertThat(StreamArn.parse("sdfadfsdfnlfkajakfgjalksfgklasjklasdjfklasdfasdfgasf")).isEmpty();
    }
}
