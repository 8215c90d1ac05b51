package dev.ddb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnStackTest {

    @TempDir
    Path target;

    @Test
    void theArchiveNamedAfterTheJarWhenItIsBesideIt() throws IOException {
        Path app = Files.createDirectories(target.resolve("app"));
        Path jar = Files.createFile(app.resolve("ddb-standalone.jar"));
        Files.createFile(app.resolve("ddb-standalone.jsa"));

        assertEquals(List.of("-XX:SharedArchiveFile=" + app.resolve("ddb-standalone.jsa"), "-jar", jar.toString()),
                OwnStack.jarArguments(jar));
    }

    @Test
    void theJarAloneWithoutAnArchive() throws IOException {
        Path jar = Files.createFile(target.resolve("ddb-standalone.jar"));
        Files.createFile(Files.createDirectories(target.resolve("app")).resolve("ddb-standalone.jsa"));

        assertEquals(List.of("-jar", jar.toString()), OwnStack.jarArguments(jar));
    }
}
