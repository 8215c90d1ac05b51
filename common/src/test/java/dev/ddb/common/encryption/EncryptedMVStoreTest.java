package dev.ddb.common.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thread interrupted while it writes a store (an executor's shutdownNow during a commit) must
 * not close the store's file under everyone else: the JDK closes an interruptible channel on
 * interrupt, and MVStore then refuses every later write and its own close.
 */
class EncryptedMVStoreTest {

    @TempDir
    Path dir;

    private final MasterKey key = MasterKey.generate();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void aCommitByAnInterruptedThreadIsWrittenAndTheStoreStaysOpen() {
        Path file = dir.resolve("catalog.mv.db");
        try (MVStore store = EncryptedMVStore.open(file, key, MVStore.Builder::autoCommitDisabled)) {
            MVMap<Integer, String> map = store.openMap("m");
            map.put(1, "before");
            store.commit();

            Thread.currentThread().interrupt();
            map.put(2, "while interrupted");
            store.commit();
            assertThat(Thread.interrupted()).as("the thread keeps its interrupt").isTrue();

            map.put(3, "after");
            store.commit();
        }
        try (MVStore store = EncryptedMVStore.open(file, key, b -> b)) {
            MVMap<Integer, String> map = store.openMap("m");
            assertThat(map).containsEntry(1, "before").containsEntry(2, "while interrupted").containsEntry(3, "after");
        }
    }

    @Test
    void anInterruptedReadOfAnEvictedPageReadsIt() {
        Path file = dir.resolve("items.mv.db");
        try (MVStore store = EncryptedMVStore.open(file, key, MVStore.Builder::autoCommitDisabled)) {
            MVMap<Integer, String> map = store.openMap("m");
            for (int i = 0; i < 20_000; i++) {
                map.put(i, "value-" + i);
            }
            store.commit();
        }
        try (MVStore store = EncryptedMVStore.open(file, key, b -> b.cacheSize(0))) {
            MVMap<Integer, String> map = store.openMap("m");
            Thread.currentThread().interrupt();
            assertThat(map.get(12_345)).isEqualTo("value-12345");
            assertThat(Thread.interrupted()).isTrue();
            assertThat(map.get(17)).isEqualTo("value-17");
        }
    }

    @Test
    void interruptsLandingDuringWritesLoseNothing() throws Exception {
        Path file = dir.resolve("items.mv.db");
        int commits = 300;
        try (MVStore store = EncryptedMVStore.open(file, key, MVStore.Builder::autoCommitDisabled)) {
            MVMap<Integer, String> map = store.openMap("m");
            Thread writer = new Thread(() -> {
                for (int i = 0; i < commits; i++) {
                    for (int j = 0; j < 50; j++) {
                        map.put(i * 50 + j, "value-" + i + "-" + j + "-" + "x".repeat(200));
                    }
                    store.commit();
                    store.sync();
                }
            });
            writer.start();
            while (writer.isAlive()) {
                writer.interrupt();
                Thread.sleep(0, 200_000);
            }
            writer.join();
        }
        try (MVStore store = EncryptedMVStore.open(file, key, b -> b)) {
            MVMap<Integer, String> map = store.openMap("m");
            assertThat(map.size()).isEqualTo(commits * 50);
            assertThat(map.get(commits * 50 - 1)).startsWith("value-" + (commits - 1) + "-49-");
        }
    }

    @Test
    void aClosedStoreFileStaysClosed() throws Exception {
        Path file = dir.resolve("closed.mv.db");
        MVStore store = EncryptedMVStore.open(file, key, MVStore.Builder::autoCommitDisabled);
        store.openMap("m").put(1, "x");
        store.commit();
        java.nio.channels.FileChannel channel = AesXtsFilePath.open(file, new byte[0], () -> {
            try {
                return org.h2.store.fs.FilePath.get(AesXtsFilePath.nameOf(file)).open("r");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        channel.close();
        // the retry: file system below would reopen it; a closed channel refuses instead
        assertThatThrownBy(() -> channel.read(java.nio.ByteBuffer.allocate(16), 0))
                .isInstanceOf(java.nio.channels.ClosedChannelException.class);
        store.close();
    }
}
