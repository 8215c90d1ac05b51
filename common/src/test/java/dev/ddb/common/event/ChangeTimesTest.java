package dev.ddb.common.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ChangeTimesTest {

    @Test
    void boundaryIsAfterEveryEarlierStampAndNotAfterAnyLaterOne() {
        Clock clock = Clock.systemUTC();
        for (int i = 0; i < 200; i++) {
            long acknowledgedBefore = clock.millis();
            long boundary = ChangeTimes.boundary(clock);
            long madeAfter = clock.millis();
            assertThat(acknowledgedBefore).isLessThan(boundary);
            assertThat(madeAfter).isGreaterThanOrEqualTo(boundary);
        }
    }

    @Test
    void aClockThatDoesNotMoveStillGetsTheNextMillisecond() {
        Instant now = Instant.parse("2026-11-25T10:37:34.123Z");
        assertThat(ChangeTimes.boundary(Clock.fixed(now, ZoneOffset.UTC))).isEqualTo(now.toEpochMilli() + 1);
    }
}
