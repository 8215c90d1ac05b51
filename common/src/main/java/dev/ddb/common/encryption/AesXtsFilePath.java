package dev.ddb.common.encryption;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * MVStore's way to a file system of our own: a store opened as {@code ddb-aes-xts:<file>} reads and
 * writes its file through an {@link AesXtsFileChannel}. MVStore opens a file by its name only, so
 * the key is handed over beside it, for the duration of {@link #open}; it never appears in a name
 * (which MVStore puts into its error messages).
 */
public final class AesXtsFilePath extends FilePathWrapper {

    private static final String SCHEME = "ddb-aes-xts";
    private static final String RETRY_SCHEME = "retry";
    private static final Map<String, byte[]> PASSWORDS = new ConcurrentHashMap<>();

    static {
        FilePath.register(new AesXtsFilePath());
    }

    /** Public for H2, which creates instances of a registered file system by reflection. */
    public AesXtsFilePath() {
    }

    /**
     * Runs {@code open} (which opens {@link #nameOf(Path) file's name} with MVStore) while the file's
     * password is known to this file system.
     */
    static <T> T open(Path file, byte[] password, Supplier<T> open) {
        String key = keyOf(file);
        PASSWORDS.put(key, password);
        try {
            return open.get();
        } finally {
            PASSWORDS.remove(key);
        }
    }

    /** The name under which MVStore opens {@code file} through this file system. */
    static String nameOf(Path file) {
        return SCHEME + ":" + keyOf(file);
    }

    private static String keyOf(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        String file = keyOf(Path.of(unwrap().toString()));
        byte[] password = PASSWORDS.get(file);
        if (password == null) {
            throw new IOException("No key for " + file + ": open it with EncryptedMVStore");
        }
        // through H2's retry: file system, which reopens a file an interrupt closed mid-call
        FileChannel base = FilePath.get(RETRY_SCHEME + ":" + getBase()).open(mode);
        try {
            return new AesXtsFileChannel(name, password, base);
        } catch (IOException | RuntimeException e) {
            base.close();
            throw e;
        }
    }

    @Override
    public long size() {
        return AesXtsFileChannel.sizeOf(getBase().size());
    }

    @Override
    public OutputStream newOutputStream(boolean append) throws IOException {
        return newFileChannelOutputStream(open("rw"), append);
    }

    @Override
    public InputStream newInputStream() throws IOException {
        return Channels.newInputStream(open("r"));
    }
}
