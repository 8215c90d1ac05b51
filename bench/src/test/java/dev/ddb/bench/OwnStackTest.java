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
    void theExtractedJarWithItsArchiveWhenTheBuildMadeBoth() throws IOException {
        Path jar = Files.createFile(target.resolve("ddb-standalone.jar"));
        Path app = Files.createDirectories(target.resolve("app"));
        Files.createFile(app.resolve("ddb-standalone.jar"));
        Files.createFile(app.resolve("ddb-standalone.jsa"));

        assertEquals(List.of("-XX:SharedArchiveFile=" + app.resolve("ddb-standalone.jsa"), "-jar", app.resolve("ddb-standalone.jar").toString()),
                OwnStack.jarArguments(jar));
    }

    @Test
    void theGivenJarAloneWithoutAnArchive() throws IOException {
        Path jar = Files.createFile(target.resolve("ddb-standalone.jar"));
        Files.createFile(Files.createDirectories(target.resolve("app")).resolve("ddb-standalone.jar"));

        assertEquals(List.of("-jar", jar.toString()), OwnStack.jarArguments(jar));
    }
}
