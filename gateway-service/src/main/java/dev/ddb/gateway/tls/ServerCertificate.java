package dev.ddb.gateway.tls;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.boot.ssl.SslBundle;

/**
 * The certificate and key the HTTPS listener serves.
 *
 * @param bundle      what Spring Boot's Netty server factory takes: key material and TLS options
 * @param certificate the certificate clients see (and must trust)
 * @param source      where it came from, for the log: the operator's keystore or the self-signed files
 * @param pemFile     the self-signed certificate as PEM, for clients to trust (the AWS CLI's {@code --ca-bundle},
 *                    boto3's {@code verify=}); empty for an operator's keystore
 */
public record ServerCertificate(SslBundle bundle, X509Certificate certificate, String source, Optional<Path> pemFile) {

    /** The SHA-256 of the DER certificate, as {@code openssl x509 -fingerprint -sha256} prints it. */
    public String sha256Fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("Cannot fingerprint the gateway's certificate", e);
        }
    }
}
