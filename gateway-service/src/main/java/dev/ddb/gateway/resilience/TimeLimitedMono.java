package dev.ddb.gateway.resilience;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoOperator;
import reactor.core.publisher.Operators;

/**
 * A call's time limit: the call fails with a {@link TimeoutException} and is cancelled unless it
 * answered within {@code limit}. What {@code Mono.timeout(Duration, Scheduler)} does for a call
 * that answers once, at a fraction of its cost on every request: Reactor's operator names its
 * source for the error message on every subscription (walking the operator chain) and serialises
 * its signals; here one flag decides between the answer and the timeout. A call that answers while
 * it is being subscribed to (item-service's GetItem in the same JVM) arms no timer at all.
 */
final class TimeLimitedMono<T> extends MonoOperator<T, T> {

    private final long limitNanos;
    private final TimeoutScheduler clock;

    TimeLimitedMono(Mono<? extends T> call, Duration limit, TimeoutScheduler clock) {
        super(call);
        this.limitNanos = limit.toNanos();
        this.clock = clock;
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        source.subscribe(new Limit<>(actual, limitNanos, clock));
    }

    private static final class Limit<T> implements CoreSubscriber<T>, Subscription {

        private static final int RUNNING = 0;
        /** The call signalled its outcome: it is relayed. */
        private static final int ANSWERED = 1;
        /** The time ran out first: the call is cancelled, whatever it signals later is dropped. */
        private static final int TIMED_OUT = 2;
        private static final AtomicIntegerFieldUpdater<Limit> STATE = AtomicIntegerFieldUpdater.newUpdater(Limit.class, "state");

        private final CoreSubscriber<? super T> actual;
        private final long limitNanos;
        private final TimeoutScheduler clock;
        private Subscription upstream;
        private volatile Disposable timer;
        private volatile int state;

        Limit(CoreSubscriber<? super T> actual, long limitNanos, TimeoutScheduler clock) {
            this.actual = actual;
            this.limitNanos = limitNanos;
            this.clock = clock;
        }

        @Override
        public reactor.util.context.Context currentContext() {
            return actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            if (Operators.validate(upstream, subscription)) {
                upstream = subscription;
                actual.onSubscribe(this); // may answer at once, when it requests
                if (state == RUNNING) {
                    timer = clock.schedule(this::expire, limitNanos, TimeUnit.NANOSECONDS);
                    if (state != RUNNING) {
                        timer.dispose(); // answered meanwhile
                    }
                }
            }
        }

        @Override
        public void onNext(T value) {
            if (state == ANSWERED || STATE.compareAndSet(this, RUNNING, ANSWERED)) {
                stopTimer();
                actual.onNext(value);
            } else {
                Operators.onNextDropped(value, actual.currentContext());
            }
        }

        @Override
        public void onError(Throwable error) {
            if (state == ANSWERED || STATE.compareAndSet(this, RUNNING, ANSWERED)) {
                stopTimer();
                actual.onError(error);
            } else {
                Operators.onErrorDropped(error, actual.currentContext());
            }
        }

        @Override
        public void onComplete() {
            if (state == ANSWERED || STATE.compareAndSet(this, RUNNING, ANSWERED)) {
                stopTimer();
                actual.onComplete();
            }
        }

        private void expire() {
            if (STATE.compareAndSet(this, RUNNING, TIMED_OUT)) {
                upstream.cancel();
                actual.onError(new TimeoutException("Did not observe any item or terminal signal within "
                        + TimeUnit.NANOSECONDS.toMillis(limitNanos) + "ms (and no fallback has been configured)"));
            }
        }

        private void stopTimer() {
            Disposable armed = timer;
            if (armed != null) {
                armed.dispose();
            }
        }

        @Override
        public void request(long n) {
            upstream.request(n);
        }

        @Override
        public void cancel() {
            stopTimer();
            upstream.cancel();
        }
    }
}
