package dev.ddb.gateway.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ddb.gateway.auth.Principals.InvalidPrincipalsException;

/**
 * The principals file, read at start (a file that cannot be used stops the gateway) and read again
 * when it changes: on the request path, at most once a second, its modification time and size are
 * compared with those of the last read. A changed file that cannot be used is logged (what is wrong,
 * never a secret) and the last good principals stay in force until the file is fixed.
 */
final class PrincipalsFile {

    private static final Logger LOG = LoggerFactory.getLogger(PrincipalsFile.class);
    private static final long CHECK_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Path path;
    private final LongSupplier nanoTime;
    private final AtomicLong nextCheck = new AtomicLong();
    private volatile Principals current;
    private volatile Stamp loaded;

    PrincipalsFile(Path path) {
        this(path, System::nanoTime);
    }

    PrincipalsFile(Path path, LongSupplier nanoTime) {
        this.path = path.toAbsolutePath().normalize();
        this.nanoTime = nanoTime;
        Stamp stamp = stamp();
        if (stamp == null) {
            throw new InvalidPrincipalsException("The principals file " + this.path + " cannot be read");
        }
        current = read();
        loaded = stamp;
        nextCheck.set(nanoTime.getAsLong() + CHECK_INTERVAL_NANOS);
        LOG.info("{} principals from {}", current.size(), this.path);
    }

    Optional<PrincipalKey> byAccessKeyId(String accessKeyId) {
        reloadIfChanged();
        return current.byAccessKeyId(accessKeyId);
    }

    /** One caller a second looks at the file; the others go on with the principals they have. */
    private void reloadIfChanged() {
        long now = nanoTime.getAsLong();
        long due = nextCheck.get();
        if (now - due < 0 || !nextCheck.compareAndSet(due, now + CHECK_INTERVAL_NANOS)) {
            return;
        }
        Stamp stamp = stamp();
        if (stamp == null || stamp.equals(loaded)) {
            return; // gone for a moment (an editor replacing it), or unchanged
        }
        loaded = stamp; // a broken file is reported once, not every second
        try {
            current = read();
            LOG.info("Reloaded {}: {} principals", path, current.size());
        } catch (InvalidPrincipalsException e) {
            LOG.error("{}; keeping the principals read before", e.getMessage());
        }
    }

    private Principals read() {
        try {
            return Principals.parse(Files.readAllBytes(path), path.toString());
        } catch (IOException e) {
            throw new InvalidPrincipalsException("The principals file " + path + " cannot be read: " + e);
        }
    }

    private Stamp stamp() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return new Stamp(attributes.lastModifiedTime(), attributes.size());
        } catch (IOException e) {
            return null;
        }
    }

    private record Stamp(FileTime modified, long size) {
    }
}
