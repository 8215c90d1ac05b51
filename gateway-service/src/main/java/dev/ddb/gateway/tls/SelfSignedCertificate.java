package dev.ddb.gateway.tls;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
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
import java.security.SecureRandom;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.netty.util.NetUtil;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
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
            certificate = readCertificate(certificateFile);
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
            writeAtomically(keyFile, pem(new JcaPKCS8Generator(keys.getPrivate(), null)), true);
            writeAtomically(certificateFile, pem(certificate), false);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot make the gateway's self-signed TLS certificate", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the gateway's TLS certificate in " + directory, e);
        }
    }

    private static X509Certificate certificate(KeyPair keys, Set<String> names, Clock clock)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        Instant now = clock.instant();
        X500Name subject = new X500Name("CN=ddb gateway (self-signed),O=ddb");
        BigInteger serial = new BigInteger(159, new SecureRandom()).add(BigInteger.ONE); // positive, at most 20 bytes
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                Date.from(now.minus(Duration.ofHours(1))), // tolerates a client clock a little behind
                Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
        builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(keys.getPublic()));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(generalNames(names)));
        X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static GeneralName[] generalNames(Set<String> names) {
        List<GeneralName> generalNames = new ArrayList<>();
        for (String name : names) {
            boolean address = NetUtil.isValidIpV4Address(name) || NetUtil.isValidIpV6Address(name);
            generalNames.add(new GeneralName(address ? GeneralName.iPAddress : GeneralName.dNSName, name));
        }
        return generalNames.toArray(GeneralName[]::new);
    }

    private static ServerCertificate load(Path certificateFile, Path keyFile) {
        String certificatePem = readString(certificateFile);
        String keyPem = readString(keyFile);
        X509Certificate certificate = readCertificate(certificateFile);
        PemSslStoreBundle stores = new PemSslStoreBundle(PemSslStoreDetails.forCertificate(certificatePem).withPrivateKey(keyPem), null);
        SslBundle bundle = SslBundle.of(stores, SslBundleKey.NONE, TlsProtocols.OPTIONS);
        bundle.getManagers(); // reads the key now: a damaged key file stops the start, not the first handshake
        return new ServerCertificate(bundle, certificate, certificateFile + " (self-signed; key " + keyFile + ")",
                Optional.of(certificateFile));
    }

    private static X509Certificate readCertificate(Path file) {
        try (PEMParser parser = new PEMParser(new StringReader(readString(file)))) {
            if (parser.readObject() instanceof X509CertificateHolder holder) {
                return new JcaX509CertificateConverter().getCertificate(holder);
            }
            throw new IllegalStateException("no certificate in " + file);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e.getMessage(), e);
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

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
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
