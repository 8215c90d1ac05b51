package dev.ddb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
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

    @Test
    void theDefaultJarIsTheExtractedOneTheReadmeStarts() throws IOException {
        Path jarOfJars = Files.createFile(target.resolve("ddb-standalone.jar"));
        Path extracted = Files.createFile(Files.createDirectories(target.resolve("app")).resolve("ddb-standalone.jar"));
        Files.setLastModifiedTime(jarOfJars, FileTime.from(Instant.parse("2026-12-01T10:00:00Z")));
        Files.setLastModifiedTime(extracted, FileTime.from(Instant.parse("2026-12-01T10:00:05Z")));

        assertEquals(extracted, OwnStack.defaultJar(target));
    }

    @Test
    void theJarOfJarsWhenItIsNewerThanTheExtractionOrThereIsNone() throws IOException {
        Path jarOfJars = Files.createFile(target.resolve("ddb-standalone.jar"));
        assertEquals(jarOfJars, OwnStack.defaultJar(target));

        Path extracted = Files.createFile(Files.createDirectories(target.resolve("app")).resolve("ddb-standalone.jar"));
        Files.setLastModifiedTime(extracted, FileTime.from(Instant.parse("2026-12-01T10:00:00Z")));
        Files.setLastModifiedTime(jarOfJars, FileTime.from(Instant.parse("2026-12-01T11:00:00Z")));
        assertEquals(jarOfJars, OwnStack.defaultJar(target));
    }

    @Test
    void theComposeLikeStackFindsTheCheckoutFromEitherJar() {
        Path checkout = Path.of("/work/ddb");
        assertEquals(checkout, ComposeLikeStack.checkout(checkout.resolve("standalone/target/ddb-standalone.jar")));
        assertEquals(checkout, ComposeLikeStack.checkout(checkout.resolve("standalone/target/app/ddb-standalone.jar")));
    }
}
