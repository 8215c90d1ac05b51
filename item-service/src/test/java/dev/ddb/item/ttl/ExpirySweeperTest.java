package dev.ddb.item.ttl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.event.ItemChange;
import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.ScalarAttributeType;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TimeToLive;
import dev.ddb.item.changelog.OutboxEntry;
import dev.ddb.item.key.PrimaryKeys;
import dev.ddb.item.storage.Durability;
import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.support.TestTables;
import dev.ddb.item.write.ItemLocks;
import dev.ddb.item.write.Write;
import dev.ddb.item.write.WritePath;

/** The sweeper on a real item store and write path. */
class ExpirySweeperTest {

    private static final MasterKey KEY = MasterKey.generate();

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path dir;

    ItemStore store;
    WritePath writes;
    TableDescription table;

    @BeforeEach
    void open() {
        store = new ItemStore(dir, KEY, Durability.SYNC);
        writes = new WritePath(store, new ItemLocks());
        table = TestTables.table("Sessions", "t-1", KeySchema.hashOnly("id", ScalarAttributeType.S))
                .withTimeToLive(TimeToLive.enabled("expiresAt", NOW.minusSeconds(7200)));
        store.createTable(table);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void deletesOnlyItemsWhoseNumberExpiryIsInThePastButNotMoreThanFiveYears() {
        put("past", new AttributeValue.N(BigDecimal.valueOf(NOW.getEpochSecond() - 10)));
        put("future", new AttributeValue.N(BigDecimal.valueOf(NOW.getEpochSecond() + 10)));
        put("ancient", new AttributeValue.N(BigDecimal.valueOf(NOW.minus(Duration.ofDays(6 * 365)).getEpochSecond())));
        put("text", new AttributeValue.S(String.valueOf(NOW.getEpochSecond() - 10)));
        put("none", null);
        int outboxBefore = store.outboxSize();

        int deleted = sweeper(100).sweep();

        assertThat(deleted).isEqualTo(1);
        assertThat(get("past")).isNull();
        assertThat(get("future")).isNotNull();
        assertThat(get("ancient")).isNotNull();
        assertThat(get("text")).isNotNull();
        assertThat(get("none")).isNotNull();
        List<OutboxEntry> outbox = store.durableOutbox(100);
        ItemChange removal = ItemChange.fromJson(outbox.get(outbox.size() - 1).value());
        assertThat(store.outboxSize()).isEqualTo(outboxBefore + 1);
        assertThat(removal.eventName()).isEqualTo("REMOVE");
        assertThat(removal.userIdentity()).isEqualTo("dynamodb.amazonaws.com");
    }

    @Test
    void aPassLooksAtABoundedNumberOfItemsAndTheNextResumesThere() {
        for (int i = 0; i < 10; i++) {
            put("item" + i, new AttributeValue.N(BigDecimal.valueOf(NOW.getEpochSecond() - 1)));
        }
        ExpirySweeper sweeper = sweeper(4);

        assertThat(sweeper.sweep()).isEqualTo(4);
        assertThat(sweeper.sweep()).isEqualTo(4);
        assertThat(sweeper.sweep()).isEqualTo(2);
        assertThat(sweeper.sweep()).isZero();
    }

    @Test
    void aTableWithoutTimeToLiveIsLeftAlone() {
        TableDescription plain = TestTables.table("Plain", "t-2", KeySchema.hashOnly("id", ScalarAttributeType.S));
        store.createTable(plain);
        Map<String, AttributeValue> item = Map.of("id", new AttributeValue.S("a"),
                "expiresAt", new AttributeValue.N(BigDecimal.valueOf(NOW.getEpochSecond() - 10)));
        writes.write(new Write(plain, PrimaryKeys.ofItem(plain.keySchema(), item), old -> item));

        assertThat(sweeper(100).sweep()).isZero();
        assertThat(store.get(plain, PrimaryKeys.ofItem(plain.keySchema(), item))).isNotNull();
    }

    @Test
    void anItemExtendedAfterThePassFoundItExpiredIsKept() {
        put("extended", new AttributeValue.N(BigDecimal.valueOf(NOW.getEpochSecond() - 10)));
        byte[] key = PrimaryKeys.ofItem(table.keySchema(), item("extended", null));
        // An update lands between the pass's look and its delete, which checks again under the item's lock.
        Map<String, AttributeValue> extended = item("extended", new AttributeValue.N(BigDecimal.valueOf(NOW.getEpochSecond() + 3600)));
        writes.write(new Write(table, key, old -> extended));

        assertThat(sweeper(100).delete(table, "expiresAt", List.of(key))).isZero();
        assertThat(get("extended")).isEqualTo(extended);
    }

    private ExpirySweeper sweeper(int itemsPerPass) {
        return new ExpirySweeper(store, writes, itemsPerPass, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Map<String, AttributeValue> item(String id, AttributeValue expiry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", new AttributeValue.S(id));
        if (expiry != null) {
            item.put("expiresAt", expiry);
        }
        return item;
    }

    private void put(String id, AttributeValue expiry) {
        Map<String, AttributeValue> item = item(id, expiry);
        writes.write(new Write(table, PrimaryKeys.ofItem(table.keySchema(), item), old -> item));
    }

    private Map<String, AttributeValue> get(String id) {
        return store.get(table, PrimaryKeys.ofItem(table.keySchema(), Map.of("id", new AttributeValue.S(id))));
    }
}
