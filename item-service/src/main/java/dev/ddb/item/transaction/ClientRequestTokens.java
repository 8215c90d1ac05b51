package dev.ddb.item.transaction;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import dev.ddb.item.storage.ClientRequestToken;
import dev.ddb.item.storage.ItemStore;

/**
 * TransactWriteItems' idempotency: a token is good for 10 minutes after its first use. Requests
 * with the same token run one at a time (a striped lock), so a retry racing the first attempt
 * finds the token it stored instead of writing again. Expired tokens are swept now and then.
 */
public final class ClientRequestTokens {

    static final Duration VALIDITY = Duration.ofMinutes(10);
    private static final long SWEEP_INTERVAL_MILLIS = Duration.ofMinutes(1).toMillis();
    private static final int STRIPES = 256;

    private final ItemStore store;
    private final Clock clock;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final AtomicLong lastSweep;

    public ClientRequestTokens(ItemStore store) {
        this(store, Clock.systemUTC());
    }

    ClientRequestTokens(ItemStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
        this.lastSweep = new AtomicLong(clock.millis());
    }

    /** Held while a request with this token looks it up and writes; release with close(). */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Serializes the requests with one token; a request without one (null) locks nothing. */
    public Held lock(String token) {
        if (token == null) {
            return () -> { };
        }
        ReentrantLock lock = locks[Math.floorMod(token.hashCode(), STRIPES)];
        lock.lock();
        return lock::unlock;
    }

    /** The token's first use when it was within the last 10 minutes, else null. */
    public ClientRequestToken recent(String token) {
        if (token == null) {
            return null;
        }
        ClientRequestToken used = store.clientRequestToken(token);
        return used == null || expired(used, clock.millis()) ? null : used;
    }

    /** A first use of the token now, to be stored with the transaction's writes; null without a token. */
    public ClientRequestToken use(String token, byte[] requestDigest) {
        if (token == null) {
            return null;
        }
        sweepWhenDue();
        return new ClientRequestToken(token, requestDigest, clock.millis());
    }

    private void sweepWhenDue() {
        long now = clock.millis();
        long last = lastSweep.get();
        if (now - last >= SWEEP_INTERVAL_MILLIS && lastSweep.compareAndSet(last, now)) {
            store.expireClientRequestTokens(now - VALIDITY.toMillis());
        }
    }

    private static boolean expired(ClientRequestToken used, long now) {
        return now - used.usedAtMillis() >= VALIDITY.toMillis();
    }
}
