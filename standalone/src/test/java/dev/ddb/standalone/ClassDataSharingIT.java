package dev.ddb.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The class data sharing archive the build made at package (standalone/pom.xml: the extracted jar and
 * a training run of {@link CdsTrainingCommand}) is one the JVM maps for the extracted jar, as the README's
 * start command gives it. -Xshare:on makes an archive the JVM cannot use (another JDK, other jars)
 * a start-up error instead of a silent start without it.
 */
class ClassDataSharingIT {

    private static final Path APP = Path.of("target", "app");

    @Test
    void theExtractedJarRunsWithTheArchivesClasses() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:on", "-XX:SharedArchiveFile=" + APP.resolve("ddb-standalone.jsa"), "-Xlog:class+load=info",
                "-jar", APP.resolve("ddb-standalone.jar").toString(), "--help")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Usage:");
        // the launcher's own class, from the archive the training run wrote ("top": above the JDK's own archive)
        assertThat(output).contains("dev.ddb.standalone.StandaloneLauncher source: shared objects file (top)");
    }
}
