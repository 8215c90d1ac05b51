package dev.ddb.gateway.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.netty.util.NetUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

/**
 * The gateway's own certificate when the operator gives none: an EC P-256 key and a self-signed
 * certificate for localhost, 127.0.0.1, ::1, this machine's host name and {@code ddb.gateway.tls.host-names},
 * made on the first start and kept in the certificate directory ({@value #CERTIFICATE_FILE}, {@value #KEY_FILE})
 * so that clients trust it once. It is made again only when it is missing or unreadable, expires within
 * {@link #RENEW_BEFORE}, or lacks a configured name (the machine's host name is not required: a container
 * gets a new one each time it is created).
 *
 * <p>Its extensions are those of {@code openssl req -x509} (a self-signed certificate is its own CA:
 * critical CA basic constraints, key identifiers) plus serverAuth, because Python 3.13's strict
 * verification (boto3, the AWS CLI) rejects a trust anchor without them.
 */
public final class SelfSignedCertificate {

    public static final String CERTIFICATE_FILE = "gateway-cert.pem";
    public static final String KEY_FILE = "gateway-key.pem";
    /** The longest validity Apple's platforms accept for a TLS server certificate. */
    static final Duration VALIDITY = Duration.ofDays(825);
    static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final List<String> ALWAYS = List.of("localhost", "127.0.0.1", "::1");
    private static final Logger LOG = LoggerFactory.getLogger(SelfSignedCertificate.class);
    // Object identifiers (RFC 5280, RFC 5758)
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String ORGANIZATION = "2.5.4.10";
    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String SUBJECT_KEY_IDENTIFIER = "2.5.29.14";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String SUBJECT_ALTERNATIVE_NAME = "2.5.29.17";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String AUTHORITY_KEY_IDENTIFIER = "2.5.29.35";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final int DIGITAL_SIGNATURE_BIT = 0;
    private static final int KEY_CERT_SIGN_BIT = 5;

    private SelfSignedCertificate() {
    }

    /** The kept certificate if it still fits, else a new one written in {@code directory}. */
    public static ServerCertificate loadOrCreate(Path directory, List<String> hostNames, Clock clock) {
        Path directoryPath = directory.toAbsolutePath().normalize();
        Path certificateFile = directoryPath.resolve(CERTIFICATE_FILE);
        Path keyFile = directoryPath.resolve(KEY_FILE);
        Set<String> required = new LinkedHashSet<>(ALWAYS);
        hostNames.stream().map(String::trim).filter(name -> !name.isEmpty()).forEach(required::add);
        Optional<String> reason = reasonToMakeANewOne(certificateFile, keyFile, required, clock);
        if (reason.isPresent()) {
            LOG.info("Making a self-signed TLS certificate in {}: {}", directoryPath, reason.get());
            Set<String> names = new LinkedHashSet<>(required);
            machineHostName().ifPresent(names::add);
            write(directoryPath, certificateFile, keyFile, names, clock);
        }
        return load(certificateFile, keyFile);
    }

    /** The names and addresses a certificate is valid for, normalized as {@link #normalize} does. */
    public static Set<String> subjectAlternativeNames(X509Certificate certificate) {
        Set<String> names = new LinkedHashSet<>();
        try {
            Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
            if (entries != null) {
                entries.forEach(entry -> names.add(normalize(String.valueOf(entry.get(1)))));
            }
        } catch (CertificateParsingException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    private static Optional<String> reasonToMakeANewOne(Path certificateFile, Path keyFile, Set<String> required, Clock clock) {
        if (!Files.exists(certificateFile) || !Files.exists(keyFile)) {
            return Optional.of("there is none yet");
        }
        X509Certificate certificate;
        try {
            certificate = parseCertificate(readString(certificateFile), certificateFile);
        } catch (RuntimeException e) {
            return Optional.of(certificateFile + " cannot be read (" + e.getMessage() + ")");
        }
        if (certificate.getNotAfter().toInstant().isBefore(clock.instant().plus(RENEW_BEFORE))) {
            return Optional.of("the kept one expires on " + certificate.getNotAfter().toInstant());
        }
        Set<String> missing = new LinkedHashSet<>();
        Set<String> names = subjectAlternativeNames(certificate);
        required.stream().map(SelfSignedCertificate::normalize).filter(name -> !names.contains(name)).forEach(missing::add);
        if (!missing.isEmpty()) {
            return Optional.of("the kept one is not valid for " + String.join(", ", missing));
        }
        return Optional.empty();
    }

    private static void write(Path directory, Path certificateFile, Path keyFile, Set<String> names, Clock clock) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair keys = generator.generateKeyPair();
            X509Certificate certificate = certificate(keys, names, clock);
            Files.createDirectories(directory);
            // The key first: a certificate is only ever kept beside its own key.
            writeAtomically(keyFile, pem("PRIVATE KEY", keys.getPrivate().getEncoded()), true); // PKCS #8
            writeAtomically(certificateFile, pem("CERTIFICATE", certificate.getEncoded()), false);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make the gateway's self-signed TLS certificate", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the gateway's TLS certificate in " + directory, e);
        }
    }

    /**
     * Encoded here rather than with a library: Bouncy Castle, which did it before, loaded ~730 classes
     * and kept ~4 MiB of heap on every start (Netty reads PEM with it whenever it is on the class path),
     * for a certificate made once. The JDK signs it and parses the result.
     */
    private static X509Certificate certificate(KeyPair keys, Set<String> names, Clock clock) throws GeneralSecurityException {
        Instant now = clock.instant();
        byte[] subject = Der.sequence(
                Der.set(Der.sequence(Der.objectIdentifier(COMMON_NAME), Der.utf8String("ddb gateway (self-signed)"))),
                Der.set(Der.sequence(Der.objectIdentifier(ORGANIZATION), Der.utf8String("ddb"))));
        byte[] keyIdentifier = keyIdentifier((ECPublicKey) keys.getPublic());
        byte[] extensions = Der.sequence(
                extension(BASIC_CONSTRAINTS, true, Der.sequence(Der.bool(true))), // a CA: its own trust anchor
                extension(KEY_USAGE, true, Der.namedBits(DIGITAL_SIGNATURE_BIT, KEY_CERT_SIGN_BIT)),
                extension(EXTENDED_KEY_USAGE, false, Der.sequence(Der.objectIdentifier(SERVER_AUTH))),
                extension(SUBJECT_KEY_IDENTIFIER, false, Der.octetString(keyIdentifier)),
                extension(AUTHORITY_KEY_IDENTIFIER, false, Der.sequence(Der.implicit(0, keyIdentifier))),
                extension(SUBJECT_ALTERNATIVE_NAME, false, Der.sequence(generalNames(names))));
        byte[] signatureAlgorithm = Der.sequence(Der.objectIdentifier(ECDSA_WITH_SHA256));
        byte[] toBeSigned = Der.sequence(
                Der.explicit(0, Der.integer(BigInteger.TWO)), // v3
                Der.integer(new BigInteger(159, new SecureRandom()).add(BigInteger.ONE)), // positive, at most 20 bytes
                signatureAlgorithm,
                subject, // issuer: itself
                Der.sequence(Der.time(now.minus(Duration.ofHours(1)).atZone(ZoneOffset.UTC)), // tolerates a client clock a little behind
                        Der.time(now.plus(VALIDITY).atZone(ZoneOffset.UTC))),
                subject,
                keys.getPublic().getEncoded(), // SubjectPublicKeyInfo
                Der.explicit(3, extensions));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(toBeSigned);
        byte[] certificate = Der.sequence(toBeSigned, signatureAlgorithm, Der.bitString(signer.sign()));
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(certificate));
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical
                ? Der.sequence(Der.objectIdentifier(oid), Der.bool(true), Der.octetString(value))
                : Der.sequence(Der.objectIdentifier(oid), Der.octetString(value)); // DER leaves out a default FALSE
    }

    /** RFC 5280 4.2.1.2, method 1: SHA-1 of the public key's bits, here the uncompressed point 04 || x || y. */
    private static byte[] keyIdentifier(ECPublicKey key) throws GeneralSecurityException {
        int size = (key.getParams().getCurve().getField().getFieldSize() + 7) / 8;
        byte[] point = new byte[1 + 2 * size];
        point[0] = 0x04;
        byte[] x = unsigned(key.getW().getAffineX(), size);
        byte[] y = unsigned(key.getW().getAffineY(), size);
        System.arraycopy(x, 0, point, 1, size);
        System.arraycopy(y, 0, point, 1 + size, size);
        return MessageDigest.getInstance("SHA-1").digest(point);
    }

    private static byte[] unsigned(BigInteger value, int size) {
        byte[] bytes = value.toByteArray(); // may carry a leading sign byte, or be shorter
        byte[] fixed = new byte[size];
        int length = Math.min(bytes.length, size);
        System.arraycopy(bytes, bytes.length - length, fixed, size - length, length);
        return fixed;
    }

    /** GeneralName: dNSName [2] or iPAddress [7], both IMPLICIT. */
    private static byte[][] generalNames(Set<String> names) {
        return names.stream().map(name -> {
            byte[] address = NetUtil.isValidIpV4Address(name) || NetUtil.isValidIpV6Address(name)
                    ? NetUtil.createByteArrayFromIpAddressString(name) : null;
            return address != null ? Der.implicit(7, address) : Der.implicit(2, name.getBytes(StandardCharsets.US_ASCII));
        }).toArray(byte[][]::new);
    }

    private static ServerCertificate load(Path certificateFile, Path keyFile) {
        String certificatePem = readString(certificateFile);
        String keyPem = readString(keyFile);
        X509Certificate certificate = parseCertificate(certificatePem, certificateFile);
        PemSslStoreBundle stores = new PemSslStoreBundle(PemSslStoreDetails.forCertificate(certificatePem).withPrivateKey(keyPem), null);
        SslBundle bundle = SslBundle.of(stores, SslBundleKey.NONE, TlsProtocols.OPTIONS);
        bundle.getManagers(); // reads the key now: a damaged key file stops the start, not the first handshake
        return new ServerCertificate(bundle, certificate, certificateFile + " (self-signed; key " + keyFile + ")",
                Optional.of(certificateFile));
    }

    private static X509Certificate parseCertificate(String pem, Path file) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no certificate in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Host names compare case-insensitively, and an address however it is written (::1, 0:0:0:0:0:0:0:1). */
    static String normalize(String name) {
        byte[] address = NetUtil.createByteArrayFromIpAddressString(name);
        if (address != null) {
            try {
                return InetAddress.getByAddress(address).getHostAddress();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private static Optional<String> machineHostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name == null || name.isBlank() || NetUtil.isValidIpV4Address(name) ? Optional.empty() : Optional.of(name);
        } catch (IOException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).filter(name -> !name.isBlank());
        }
    }

    /** RFC 7468's textual encoding: base64 in lines of 64 characters between the type's two labels. */
    private static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }

    /** To a temporary file renamed over the old one: a crash leaves the old file or the new one, never half of one. */
    private static void writeAtomically(Path file, String content, boolean secret) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        String permissions = secret ? "rw-------" : "rw-r--r--"; // a temporary file would be rw------- either way
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp", attributes);
        try {
            Files.writeString(temporary, content, StandardCharsets.US_ASCII);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
