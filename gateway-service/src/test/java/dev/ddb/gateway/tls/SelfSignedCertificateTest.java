package dev.ddb.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificateTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void isValidForLocalhostTheLoopbackAddressesTheHostNameAndTheConfiguredNames() throws Exception {
        ServerCertificate made = SelfSignedCertificate.loadOrCreate(dir, List.of("gateway-service", "10.1.2.3"), NOW);

        assertThat(SelfSignedCertificate.subjectAlternativeNames(made.certificate()))
                .contains("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1", "gateway-service", "10.1.2.3",
                        InetAddress.getLocalHost().getHostName().toLowerCase());
        assertThat(made.certificate().getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(made.certificate().getNotAfter().toInstant()).isEqualTo(NOW.instant().plus(SelfSignedCertificate.VALIDITY));
        assertThat(made.pemFile()).hasValue(dir.toAbsolutePath().resolve("gateway-cert.pem"));
        assertThat(Files.readString(dir.resolve("gateway-cert.pem"))).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void isKeptWhileItFits() {
        String first = SelfSignedCertificate.loadOrCreate(dir, List.of("gateway-service"), NOW).sha256Fingerprint();
        Clock aYearLater = Clock.offset(NOW, Duration.ofDays(365));

        assertThat(SelfSignedCertificate.loadOrCreate(dir, List.of("GATEWAY-SERVICE"), aYearLater).sha256Fingerprint()).isEqualTo(first);
        assertThat(SelfSignedCertificate.loadOrCreate(dir, List.of(), aYearLater).sha256Fingerprint()).isEqualTo(first);
    }

    @Test
    void isMadeAgainForANewConfiguredName() {
        ServerCertificate first = SelfSignedCertificate.loadOrCreate(dir, List.of(), NOW);

        ServerCertificate second = SelfSignedCertificate.loadOrCreate(dir, List.of("ddb.internal"), NOW);

        assertThat(second.sha256Fingerprint()).isNotEqualTo(first.sha256Fingerprint());
        assertThat(SelfSignedCertificate.subjectAlternativeNames(second.certificate())).contains("ddb.internal", "localhost");
    }

    @Test
    void isMadeAgainShortlyBeforeItExpires() {
        ServerCertificate first = SelfSignedCertificate.loadOrCreate(dir, List.of(), NOW);
        Clock nearTheEnd = Clock.offset(NOW, SelfSignedCertificate.VALIDITY.minus(SelfSignedCertificate.RENEW_BEFORE).plusDays(1));

        ServerCertificate second = SelfSignedCertificate.loadOrCreate(dir, List.of(), nearTheEnd);

        assertThat(second.sha256Fingerprint()).isNotEqualTo(first.sha256Fingerprint());
        assertThat(second.certificate().getNotAfter().toInstant()).isAfter(first.certificate().getNotAfter().toInstant());
    }

    @Test
    void isMadeAgainWhenItsFileIsDamaged() throws Exception {
        ServerCertificate first = SelfSignedCertificate.loadOrCreate(dir, List.of(), NOW);
        Files.writeString(dir.resolve("gateway-cert.pem"), "-----BEGIN CERTIFICATE-----\ngarbage\n-----END CERTIFICATE-----\n");

        ServerCertificate second = SelfSignedCertificate.loadOrCreate(dir, List.of(), NOW);

        assertThat(second.sha256Fingerprint()).isNotEqualTo(first.sha256Fingerprint());
    }

    @Test
    void onlyTheOwnerCanReadTheKey() throws Exception {
        SelfSignedCertificate.loadOrCreate(dir, List.of(), NOW);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("gateway-key.pem")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("gateway-cert.pem")))).isEqualTo("rw-r--r--");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("gateway-key.pem", "gateway-cert.pem");
        }
    }

    /** OpenSSL's RFC 5280 checks, which Python 3.13 applies by default (boto3, the AWS CLI). */
    @Test
    void passesOpenSslStrictVerification() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl not installed");
        Path pem = SelfSignedCertificate.loadOrCreate(dir, List.of(), Clock.systemUTC()).pemFile().orElseThrow();

        Process verify = new ProcessBuilder("/usr/bin/openssl", "verify", "-x509_strict", "-purpose", "sslserver",
                "-CAfile", pem.toString(), pem.toString()).redirectErrorStream(true).start();

        assertThat(verify.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(verify.getInputStream().readAllBytes());
        assertThat(verify.exitValue()).as(output).isZero();
        assertThat(output).contains(": OK");
    }
}
