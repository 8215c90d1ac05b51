package dev.ddb.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.ddb.common.files.FileTrees;

/**
 * The build's training run for class data sharing: {@code java -XX:ArchiveClassesAtExit=<archive> -jar
 * ddb-standalone.jar cds-training} starts the whole stack on free ports in a scratch directory, stops
 * it and exits; the JVM then writes every class it loaded to the archive. A stack started with
 * {@code -XX:SharedArchiveFile=<archive>} maps those classes instead of finding, reading, parsing and
 * verifying them again (README, "Start-up: class data sharing": ready in 7.8-10.0 s instead of
 * 14.8-16.7 s on 2 cores). The JDK archives only classes of its own class loaders, so this runs from
 * the extracted jar ({@code java -Djarmode=tools -jar ddb-standalone.jar extract}: the application jar
 * with its libraries beside it), not from the jar of jars; standalone/pom.xml does both at {@code package}.
 */
final class CdsTrainingCommand {

    private CdsTrainingCommand() {
    }

    static void run() throws IOException {
        Path scratch = Files.createTempDirectory("ddb-cds-training");
        try {
            LocalStack.start(StackSettings.ephemeral(scratch)).close();
        } finally {
            FileTrees.delete(scratch);
        }
    }
}
