package dev.ddb.common.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {

    @TempDir
    Path dir;

    @Test
    void deletesTheTreeAndLeavesItsSiblings() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root/a/b"));
        Files.writeString(root.resolve("file"), "x");
        Files.writeString(dir.resolve("root/a/other"), "y");
        Path sibling = Files.writeString(dir.resolve("sibling"), "z");

        FileTrees.delete(dir.resolve("root"));

        assertThat(dir.resolve("root")).doesNotExist();
        assertThat(sibling).hasContent("z");
    }

    @Test
    void aMissingTreeIsNothingToDo() throws IOException {
        FileTrees.delete(dir.resolve("missing"));

        assertThat(dir.resolve("missing")).doesNotExist();
    }
}
