package dev.ddb.stream.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.common.encryption.MasterKey;
import dev.ddb.stream.support.Streams;

class StreamRegistryTest {

    private static final MasterKey KEY = MasterKey.generate();

    @TempDir
    Path dataDir;

    @Test
    void streamsAndProgressSurviveAReopen() {
        Stream stream = Streams.stream("Music", "2026-11-25T10:37:34.123", "NEW_IMAGE", 2);
        try (StreamRegistry registry = new StreamRegistry(dataDir, KEY)) {
            registry.save(stream);
            registry.recordLastOffsets(Map.of(stream.streamArn(), Map.of(1, 41L)));
            registry.tableEventsApplied(7);
        }
        try (StreamRegistry registry = new StreamRegistry(dataDir, KEY)) {
            assertThat(registry.find(stream.streamArn())).contains(stream.withLastOffset(1, 41));
            assertThat(registry.tableEventsPosition()).isEqualTo(7);
        }
    }

    @Test
    void theStoreIsEncryptedAndAnotherKeyIsRefused() throws Exception {
        Stream stream = Streams.stream("MarkerTableName", "2026-11-25T10:37:34.123", "NEW_IMAGE", 2);
        try (StreamRegistry registry = new StreamRegistry(dataDir, KEY)) {
            registry.save(stream);
        }
        assertThat(new String(java.nio.file.Files.readAllBytes(dataDir.resolve(StreamRegistry.FILE_NAME)),
                java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("MarkerTableName");
        try (StreamRegistry registry = new StreamRegistry(dataDir, KEY)) {
            assertThat(registry.find(stream.streamArn())).contains(stream);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StreamRegistry(dataDir, MasterKey.generate()))
                .isInstanceOf(dev.ddb.common.encryption.MasterKeyException.class)
                .hasMessageContaining("does not open " + dataDir.resolve(StreamRegistry.FILE_NAME));
    }

    @Test
    void changeGoesToTheStreamEnabledAtItsTime() {
        Stream first = Streams.stream("Music", "2026-11-25T10:37:34.123", "KEYS_ONLY", 1);
        Stream second = Streams.stream("Music", "2026-11-25T10:40:00.000", "NEW_IMAGE", 1);
        long disabledAt = first.creationMillis() + 1000;
        try (StreamRegistry registry = new StreamRegistry(dataDir, KEY)) {
            registry.save(first.disabledAt(disabledAt));
            registry.save(second);

            assertThat(registry.streamFor("id-Music", first.creationMillis() - 1)).isEmpty();
            assertThat(registry.streamFor("id-Music", first.creationMillis())).map(Stream::streamArn).contains(first.streamArn());
            assertThat(registry.streamFor("id-Music", disabledAt)).isEmpty();
            assertThat(registry.streamFor("id-Music", second.creationMillis() + 5)).map(Stream::streamArn).contains(second.streamArn());
            assertThat(registry.streamFor("id-Other", second.creationMillis() + 5)).isEmpty();
        }
    }

    @Test
    void lastOffsetsOnlyMoveForward() {
        Stream stream = Streams.stream("Music", "2026-11-25T10:37:34.123", "KEYS_ONLY", 2);
        try (StreamRegistry registry = new StreamRegistry(dataDir, KEY)) {
            registry.save(stream);
            registry.recordLastOffsets(Map.of(stream.streamArn(), Map.of(0, 10L)));
            registry.recordLastOffsets(Map.of(stream.streamArn(), Map.of(0, 4L, 1, 3L)));

            assertThat(registry.find(stream.streamArn()).orElseThrow().lastOffsets()).containsExactly(10L, 3L);
        }
    }

    @Test
    void streamsAreListedInArnOrderUntilTheyExpire() {
        Stream books = Streams.stream("Books", "2026-11-25T10:37:34.123", "KEYS_ONLY", 1);
        Stream music = Streams.stream("Music", "2026-11-25T10:37:34.123", "KEYS_ONLY", 1);
        try (StreamRegistry registry = new StreamRegistry(dataDir, KEY)) {
            registry.save(music.disabledAt(music.creationMillis() + 10));
            registry.save(books);
            assertThat(registry.all()).extracting(Stream::tableName).containsExactly("Books", "Music");
            assertThat(registry.ofTable("Music")).hasSize(1);

            assertThat(registry.purgeDisabledBefore(music.creationMillis() + 11)).extracting(Stream::tableName).containsExactly("Music");
            assertThat(registry.all()).extracting(Stream::tableName).containsExactly("Books");
        }
        try (StreamRegistry registry = new StreamRegistry(dataDir, KEY)) {
            assertThat(registry.all()).extracting(Stream::tableName).containsExactly("Books");
        }
    }
}
