package dev.ddb.item.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.json.Json;
import dev.ddb.item.storage.ClientRequestToken;
import dev.ddb.item.storage.Durability;
import dev.ddb.item.storage.ItemStore;

/** ClientRequestTokens: kept in the store's commit, known again after a reopen, good for 10 minutes, then swept. */
class ClientRequestTokensTest {

    private static final MasterKey KEY = MasterKey.generate();

    @TempDir
    Path dataDir;

    /** A clock the test moves. */
    private static final class Hands extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    @Test
    void aTokenStoredWithItsWritesIsKnownAfterAReopenForTenMinutesThenSwept() {
        Hands clock = new Hands();
        byte[] digest = RequestDigest.of(Json.parseRequest("{\"TransactItems\":[{\"Put\":{\"TableName\":\"t\"}}]}".getBytes()));
        try (ItemStore store = new ItemStore(dataDir, KEY, Durability.SYNC)) {
            ClientRequestTokens tokens = new ClientRequestTokens(store, clock);
            assertThat(tokens.recent("t-1")).isNull();
            store.apply(List.of(), tokens.use("t-1", digest));
            store.awaitDurable();
        }
        try (ItemStore store = new ItemStore(dataDir, KEY, Durability.SYNC)) {
            ClientRequestTokens tokens = new ClientRequestTokens(store, clock);
            ClientRequestToken used = tokens.recent("t-1");
            assertThat(used).isNotNull();
            assertThat(used.requestDigest()).isEqualTo(digest);

            clock.advance(Duration.ofMinutes(10).minusSeconds(1));
            assertThat(tokens.recent("t-1")).as("within 10 minutes").isNotNull();
            clock.advance(Duration.ofSeconds(1));
            assertThat(tokens.recent("t-1")).as("10 minutes after").isNull();

            clock.advance(Duration.ofMinutes(1));
            store.apply(List.of(), tokens.use("t-2", digest)); // a use a minute or more after the last sweep sweeps
            assertThat(store.clientRequestToken("t-1")).isNull();
            assertThat(store.clientRequestToken("t-2")).isNotNull();
        }
    }

    @Test
    void theDigestIgnoresMemberOrderButNotValues() {
        byte[] one = RequestDigest.of(Json.parseRequest("{\"a\":{\"S\":\"x\"},\"b\":[1,2]}".getBytes()));
        byte[] reordered = RequestDigest.of(Json.parseRequest("{\"b\":[1,2],\"a\":{\"S\":\"x\"}}".getBytes()));
        byte[] other = RequestDigest.of(Json.parseRequest("{\"a\":{\"S\":\"y\"},\"b\":[1,2]}".getBytes()));
        byte[] listOrder = RequestDigest.of(Json.parseRequest("{\"a\":{\"S\":\"x\"},\"b\":[2,1]}".getBytes()));
        assertThat(reordered).isEqualTo(one);
        assertThat(other).isNotEqualTo(one);
        assertThat(listOrder).isNotEqualTo(one);
    }
}
