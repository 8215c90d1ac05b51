package dev.ddb.common.encryption;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** fsync of a file or a directory (a directory's entry for a renamed or linked file). */
final class Durably {

    private Durably() {
    }

    static void force(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (!path.toFile().isDirectory()) {
                throw e;
            }
            // some file systems cannot open a directory for syncing: its entry is as durable as they make it
        }
    }
}
