package dev.ddb.gateway.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Optional;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.ssl.jks.JksSslStoreBundle;
import org.springframework.boot.ssl.jks.JksSslStoreDetails;

/**
 * The operator's own keystore ({@code DDB_GATEWAY_TLS_KEYSTORE}), read at start so that a wrong path,
 * password or alias stops the gateway with a message naming the setting (never the password).
 */
final class OperatorKeystore {

    private OperatorKeystore() {
    }

    static ServerCertificate load(TlsProperties properties) {
        Path path = Path.of(properties.keystore().trim()).toAbsolutePath().normalize();
        if (!Files.isReadable(path)) {
            throw new IllegalStateException("ddb.gateway.tls.keystore (DDB_GATEWAY_TLS_KEYSTORE): cannot read " + path);
        }
        String password = properties.keystorePassword();
        SslStoreBundle stores = new JksSslStoreBundle(
                new JksSslStoreDetails(properties.keystoreType(), null, path.toUri().toString(), password), null);
        KeyStore keyStore;
        try {
            keyStore = stores.getKeyStore();
        } catch (RuntimeException e) {
            throw new IllegalStateException("ddb.gateway.tls.keystore: cannot open " + path + " as " + properties.keystoreType()
                    + " (is DDB_GATEWAY_TLS_KEYSTORE_PASSWORD right?): " + rootMessage(e), e);
        }
        String alias = blankToNull(properties.keyAlias());
        SslBundleKey key = SslBundleKey.of(null, alias);
        key.assertContainsAlias(keyStore);
        String served = alias != null ? alias : firstKeyEntry(keyStore, path);
        X509Certificate certificate = certificate(keyStore, served, path);
        SslBundle bundle = SslBundle.of(stores, key, TlsProtocols.OPTIONS);
        return new ServerCertificate(bundle, certificate, path + " (entry " + served + ")", Optional.empty());
    }

    private static String firstKeyEntry(KeyStore keyStore, Path path) {
        try {
            for (String alias : Collections.list(keyStore.aliases())) {
                if (keyStore.isKeyEntry(alias)) {
                    return alias;
                }
            }
        } catch (KeyStoreException e) {
            throw new IllegalStateException("ddb.gateway.tls.keystore: cannot read " + path, e);
        }
        throw new IllegalStateException("ddb.gateway.tls.keystore: " + path + " holds no private key entry");
    }

    private static X509Certificate certificate(KeyStore keyStore, String alias, Path path) {
        try {
            if (keyStore.getCertificate(alias) instanceof X509Certificate certificate) {
                return certificate;
            }
        } catch (KeyStoreException e) {
            throw new IllegalStateException("ddb.gateway.tls.keystore: cannot read " + path, e);
        }
        throw new IllegalStateException("ddb.gateway.tls.keystore: entry " + alias + " of " + path + " has no X.509 certificate");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
