package dev.ddb.standalone.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import software.amazon.awssdk.http.apache5.Apache5HttpClient;

/** What a Java user does with the gateway's PEM: an SDK HTTP client trusting that certificate alone. */
final class TrustedPem {

    private TrustedPem() {
    }

    static Apache5HttpClient.Builder httpClientTrusting(Path pemFile) {
        return Apache5HttpClient.builder().tlsTrustManagersProvider(() -> trustManagers(pemFile));
    }

    private static TrustManager[] trustManagers(Path pemFile) {
        try (InputStream in = Files.newInputStream(pemFile)) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("ddb-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            return factory.getTrustManagers();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
