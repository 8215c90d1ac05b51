package dev.ddb.stream.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.event.TableEvent;
import dev.ddb.stream.kafka.StreamTopics;
import dev.ddb.stream.support.Streams;

class TableEventApplierTest {

    private static final MasterKey KEY = MasterKey.generate();

    private static final String LABEL = "2026-11-25T10:37:34.123";
    private static final String LATER = "2026-11-25T10:40:00.000";
    private static final long T = 1_795_603_054_123L;

    @TempDir
    Path dataDir;

    private StreamRegistry registry;
    private final List<String> prepared = new ArrayList<>();
    private TableEventApplier applier;

    @BeforeEach
    void start() {
        registry = new StreamRegistry(dataDir, KEY);
        StreamTopics topics = new StreamTopics() {
            @Override
            public List<Long> prepare(String tableName) {
                prepared.add(tableName);
                return Streams.offsets(5, 0, 9);
            }

            @Override
            public long endOffset(TopicPartition partition) {
                throw new UnsupportedOperationException();
            }
        };
        applier = new TableEventApplier(registry, topics);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void tableCreatedWithAStreamRegistersItFromTheTopicsEnd() {
        applier.apply(Streams.event(TableEvent.Type.CREATED, "Music", "id-1", T, Streams.table("Music", LABEL, true, "NEW_IMAGE")));

        Stream stream = registry.find(Streams.arn("Music", LABEL)).orElseThrow();
        assertThat(stream.enabled()).isTrue();
        assertThat(stream.tableId()).isEqualTo("id-1");
        assertThat(stream.streamViewType()).isEqualTo("NEW_IMAGE");
        assertThat(stream.creationMillis()).isEqualTo(T);
        assertThat(stream.startOffsets()).containsExactly(5L, 0L, 9L);
        assertThat(stream.lastOffsets()).containsExactly(-1L, -1L, -1L);
        assertThat(stream.hashKeyName()).isEqualTo("pk");
        assertThat(prepared).containsExactly("Music");
    }

    @Test
    void repeatedEventChangesNothing() {
        TableEvent created = Streams.event(TableEvent.Type.CREATED, "Music", "id-1", T, Streams.table("Music", LABEL, true, "KEYS_ONLY"));
        applier.apply(created);
        applier.apply(Streams.event(TableEvent.Type.CREATED, "Music", "id-1", T + 60_000, created.table()));

        assertThat(registry.all()).singleElement().satisfies(stream -> assertThat(stream.enabled()).isTrue());
        assertThat(prepared).hasSize(1);
    }

    @Test
    void disablingRecordsWhenAndReEnablingAddsANewStream() {
        applier.apply(Streams.event(TableEvent.Type.CREATED, "Music", "id-1", T, Streams.table("Music", LABEL, true, "KEYS_ONLY")));
        applier.apply(Streams.event(TableEvent.Type.UPDATED, "Music", "id-1", T + 1000, Streams.table("Music", LABEL, false, null)));
        assertThat(registry.find(Streams.arn("Music", LABEL)).orElseThrow().disabledMillis()).isEqualTo(T + 1000);

        applier.apply(Streams.event(TableEvent.Type.UPDATED, "Music", "id-1", T + 2000, Streams.table("Music", LATER, true, "OLD_IMAGE")));

        assertThat(registry.ofTable("Music")).extracting(Stream::streamArn, Stream::enabled)
                .containsExactly(tuple(Streams.arn("Music", LABEL), false),
                        tuple(Streams.arn("Music", LATER), true));
    }

    @Test
    void missedDisableIsInferredFromTheNextStream() {
        applier.apply(Streams.event(TableEvent.Type.CREATED, "Music", "id-1", T, Streams.table("Music", LABEL, true, "KEYS_ONLY")));
        // the UPDATED event that disabled it was compacted away
        applier.apply(Streams.event(TableEvent.Type.UPDATED, "Music", "id-1", T + 2000, Streams.table("Music", LATER, true, "OLD_IMAGE")));

        assertThat(registry.find(Streams.arn("Music", LABEL)).orElseThrow().disabledMillis()).isEqualTo(T + 2000);
    }

    @Test
    void deletedOrRecreatedTableDisablesItsStream() {
        applier.apply(Streams.event(TableEvent.Type.CREATED, "Music", "id-1", T, Streams.table("Music", LABEL, true, "KEYS_ONLY")));
        applier.apply(Streams.event(TableEvent.Type.DELETED, "Music", "id-1", T + 500, Streams.table("Music", LABEL, true, "KEYS_ONLY")));
        assertThat(registry.find(Streams.arn("Music", LABEL)).orElseThrow().disabledMillis()).isEqualTo(T + 500);

        applier.apply(Streams.event(TableEvent.Type.CREATED, "Books", "id-2", T, Streams.table("Books", LABEL, true, "KEYS_ONLY")));
        applier.apply(Streams.event(TableEvent.Type.CREATED, "Books", "id-3", T + 900, Streams.table("Books", null, false, null)));
        assertThat(registry.find(Streams.arn("Books", LABEL)).orElseThrow().disabledMillis()).isEqualTo(T + 900);
    }
}
