package dev.ddb.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.ddb.gateway.GatewayServiceApplication;

/** The gateway started as a user starts it, with HTTP and HTTPS switched on and off, restarted, and given a keystore. */
class ListenersAndCertificatesTest {

    @TempDir
    Path dataDir;

    @Test
    void withHttpOffOnlyHttpsAnswers() throws Exception {
        int[] ports = freePorts(2); // both chosen here: with port 0 the system may hand HTTPS the port HTTP would have had
        int httpPort = ports[0];
        int httpsPort = ports[1];
        try (ConfigurableApplicationContext gateway = start("--server.port=" + httpPort, "--ddb.gateway.tls.port=" + httpsPort,
                "--ddb.gateway.http.enabled=false")) {
            GatewayWebServer server = server(gateway);

            assertThat(server.httpPort()).isEmpty();
            assertThat(server.getPort()).isEqualTo(server.httpsPort().orElseThrow());
            assertThat(server.getPort()).isEqualTo(httpsPort);
            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), httpPort).close()).isInstanceOf(ConnectException.class);
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(server)).build();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + server.getPort() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void withTlsOffOnlyHttpAnswersAndNoCertificateIsMade() throws Exception {
        try (ConfigurableApplicationContext gateway = start("--ddb.gateway.tls.enabled=false")) {
            GatewayWebServer server = server(gateway);

            assertThat(server.httpsPort()).isEmpty();
            assertThat(server.certificate()).isEmpty();
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + server.getPort() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        }
        assertThat(dataDir.resolve(SelfSignedCertificate.CERTIFICATE_FILE)).doesNotExist();
    }

    @Test
    void withBothOffTheGatewayRefusesToStart() {
        assertThatThrownBy(() -> start("--ddb.gateway.http.enabled=false", "--ddb.gateway.tls.enabled=false").close())
                .satisfies(e -> assertThat(messages(e)).contains("DDB_GATEWAY_HTTP_ENABLED", "DDB_GATEWAY_TLS_ENABLED", "listen nowhere"));
    }

    @Test
    void theGeneratedCertificateIsKeptAndServedAgainAfterARestart() throws Exception {
        X509Certificate first;
        String fingerprint;
        try (ConfigurableApplicationContext gateway = start()) {
            ServerCertificate certificate = server(gateway).certificate().orElseThrow();
            first = certificate.certificate();
            fingerprint = certificate.sha256Fingerprint();
            assertThat(certificate.pemFile()).hasValue(dataDir.toAbsolutePath().resolve(SelfSignedCertificate.CERTIFICATE_FILE));
            assertThat(PemTrust.servedCertificate(trusting(server(gateway)), server(gateway).httpsPort().orElseThrow())).isEqualTo(first);
        }
        try (ConfigurableApplicationContext gateway = start()) {
            GatewayWebServer server = server(gateway);

            assertThat(server.certificate().orElseThrow().sha256Fingerprint()).isEqualTo(fingerprint);
            // A client that trusted the first start's PEM trusts this start's server.
            assertThat(PemTrust.servedCertificate(PemTrust.sslContext(dataDir.resolve(SelfSignedCertificate.CERTIFICATE_FILE)),
                    server.httpsPort().orElseThrow())).isEqualTo(first);
        }
    }

    @Test
    void theOperatorsKeystoreIsServedAndNoCertificateIsMade() throws Exception {
        Path operatorDir = Files.createTempDirectory(dataDir.getParent(), "operator");
        ServerCertificate operators = SelfSignedCertificate.loadOrCreate(operatorDir, List.of("ddb.example.com"), Clock.systemUTC());
        Path keystore = pkcs12(operatorDir, "s3cret-Passw0rd");

        try (ConfigurableApplicationContext gateway = start("--ddb.gateway.tls.keystore=" + keystore,
                "--ddb.gateway.tls.keystore-password=s3cret-Passw0rd")) {
            GatewayWebServer server = server(gateway);

            assertThat(server.certificate().orElseThrow().pemFile()).isEmpty();
            assertThat(PemTrust.servedCertificate(PemTrust.sslContext(operators.pemFile().orElseThrow()), server.httpsPort().orElseThrow()))
                    .isEqualTo(operators.certificate());
        }
        assertThat(dataDir.resolve(SelfSignedCertificate.CERTIFICATE_FILE)).doesNotExist();
    }

    @Test
    void aWrongKeystorePasswordStopsTheStartNamingTheSettingButNotThePassword() throws Exception {
        Path operatorDir = Files.createTempDirectory(dataDir.getParent(), "operator");
        SelfSignedCertificate.loadOrCreate(operatorDir, List.of(), Clock.systemUTC());
        Path keystore = pkcs12(operatorDir, "right-password");

        assertThatThrownBy(() -> start("--ddb.gateway.tls.keystore=" + keystore, "--ddb.gateway.tls.keystore-password=wrong-password").close())
                .satisfies(e -> assertThat(messages(e)).contains("DDB_GATEWAY_TLS_KEYSTORE_PASSWORD", keystore.toString())
                        .doesNotContain("wrong-password").doesNotContain("right-password"));
    }

    @Test
    void aMissingKeystoreStopsTheStart() {
        Path missing = dataDir.resolve("no-such.p12");
        assertThatThrownBy(() -> start("--ddb.gateway.tls.keystore=" + missing).close())
                .satisfies(e -> assertThat(messages(e)).contains("DDB_GATEWAY_TLS_KEYSTORE", missing.toString()));
    }

    /** Each argument {@code --name=value}; one given here replaces the default of the same name. */
    private ConfigurableApplicationContext start(String... extra) {
        Map<String, String> args = new LinkedHashMap<>();
        for (String arg : List.of("--server.port=0", "--ddb.gateway.tls.port=0", "--ddb.gateway.tls.certificate-dir=" + dataDir,
                "--spring.main.banner-mode=off", "--ddb.gateway.table-service-url=http://localhost:1",
                "--ddb.gateway.item-service-url=http://localhost:1", "--ddb.gateway.stream-service-url=http://localhost:1",
                "--ddb.gateway.backup-service-url=http://localhost:1")) {
            args.put(arg.substring(0, arg.indexOf('=')), arg);
        }
        for (String arg : extra) {
            args.put(arg.substring(0, arg.indexOf('=')), arg);
        }
        return GatewayServiceApplication.builder().run(args.values().toArray(String[]::new));
    }

    private static GatewayWebServer server(ConfigurableApplicationContext context) {
        return (GatewayWebServer) ((WebServerApplicationContext) context).getWebServer();
    }

    private static SSLContext trusting(GatewayWebServer server) {
        return PemTrust.sslContext(server.certificate().orElseThrow().pemFile().orElseThrow());
    }

    /** A PKCS12 keystore holding the key and certificate {@link SelfSignedCertificate} wrote in {@code dir}, as an operator would bring. */
    private static Path pkcs12(Path dir, String password) throws Exception {
        String pem = Files.readString(dir.resolve(SelfSignedCertificate.KEY_FILE));
        byte[] pkcs8 = Base64.getMimeDecoder().decode(pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", ""));
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        X509Certificate certificate = SelfSignedCertificate.loadOrCreate(dir, List.of(), Clock.systemUTC()).certificate();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry("ddb", key, password.toCharArray(), new Certificate[] {certificate});
        Path file = dir.resolve("operator.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            keyStore.store(out, password.toCharArray());
        }
        return file;
    }

    private static int[] freePorts(int count) throws IOException {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append('\n');
        }
        return all.toString();
    }
}
