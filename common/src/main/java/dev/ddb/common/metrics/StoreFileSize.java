package dev.ddb.common.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code ddb.store.file.size}: the bytes a service keeps in its data directory (store file, log, backups), read at each scrape. */
public final class StoreFileSize {

    private StoreFileSize() {
    }

    public static void bind(MeterRegistry registry, Path dataDir) {
        Gauge.builder(MeterNames.STORE_FILE_SIZE, dataDir, StoreFileSize::bytes)
                .description("Bytes in the service's data directory: its MVStore file and what it keeps beside it")
                .baseUnit("bytes")
                .register(registry);
    }

    static double bytes(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.mapToLong(StoreFileSize::size).sum();
        } catch (IOException | UncheckedIOException e) {
            return Double.NaN; // a file went away during the walk: no value this time
        }
    }

    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
