package dev.ddb.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class TimeLimitedMonoTest {

    private static <T> Mono<T> limited(Mono<T> call, Duration limit) {
        return new TimeLimitedMono<>(call, limit, TimeoutScheduler.INSTANCE);
    }

    @Test
    void anAnswerInTimeIsRelayed() {
        assertThat(limited(Mono.just("now"), Duration.ofSeconds(5)).block()).isEqualTo("now");
        assertThat(limited(Mono.delay(Duration.ofMillis(20)).map(tick -> "later"), Duration.ofSeconds(5)).block())
                .isEqualTo("later");
        assertThat(limited(Mono.empty(), Duration.ofSeconds(5)).block()).isNull();
    }

    @Test
    void anErrorInTimeIsRelayed() {
        assertThatThrownBy(() -> limited(Mono.error(new IllegalStateException("down")), Duration.ofSeconds(5)).block())
                .isInstanceOf(IllegalStateException.class).hasMessage("down");
    }

    @Test
    void aCallThatDoesNotAnswerInTimeFailsWithATimeoutAndIsCancelled() {
        AtomicBoolean cancelled = new AtomicBoolean();
        CompletableFuture<String> never = new CompletableFuture<>();
        Mono<String> call = Mono.fromFuture(never).doOnCancel(() -> cancelled.set(true));

        long started = System.nanoTime();
        assertThatThrownBy(() -> limited(call, Duration.ofMillis(100)).block(Duration.ofSeconds(5)))
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(cancelled).isTrue();
        // an answer after the timeout goes nowhere
        never.complete("too late");
    }
}
