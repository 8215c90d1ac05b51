package dev.ddb.gateway.tls;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's HTTPS listener, under {@code ddb.gateway.tls} (defaults in gateway-service.yml); each
 * can be set by an environment variable, e.g. {@code DDB_GATEWAY_TLS_PORT}.
 *
 * @param enabled          whether the gateway serves HTTPS at all
 * @param port             the HTTPS port, 8443 by default (0: any free port, for tests)
 * @param keystore         the operator's keystore (a file path); unset: a self-signed certificate is made and kept
 *                         in {@code certificateDir}
 * @param keystorePassword the keystore's password (also the key's); never logged
 * @param keystoreType     PKCS12 (the default) or JKS
 * @param keyAlias         which key entry of the keystore to serve, when it holds more than one
 * @param certificateDir   where the self-signed certificate and its key are kept
 * @param hostNames        names (or addresses) the self-signed certificate is valid for besides localhost,
 *                         127.0.0.1, ::1 and this machine's host name, e.g. {@code gateway-service} under docker-compose
 */
@ConfigurationProperties("ddb.gateway.tls")
public record TlsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("8443") int port,
        String keystore,
        String keystorePassword,
        @DefaultValue("PKCS12") String keystoreType,
        String keyAlias,
        Path certificateDir,
        @DefaultValue List<String> hostNames) {

    public boolean hasKeystore() {
        return keystore != null && !keystore.isBlank();
    }

    /** Without the password: records print every component. */
    @Override
    public String toString() {
        return "TlsProperties[enabled=" + enabled + ", port=" + port + ", keystore=" + keystore
                + ", keystorePassword=" + (keystorePassword == null ? "null" : "***") + ", keystoreType=" + keystoreType
                + ", keyAlias=" + keyAlias + ", certificateDir=" + certificateDir + ", hostNames=" + hostNames + "]";
    }
}
