package dev.ddb.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks a request's AWS Signature Version 4 against its signer's secret key, over the bytes
 * received, in the order DynamoDB checks: the signing time (within 15 minutes of this server's
 * clock; a presigned request until its {@code X-Amz-Expires}), {@code host} among the signed
 * headers, the credential scope, the access key, then the signature itself (compared in constant time).
 */
final class SignatureVerifier {

    /** DynamoDB Streams clients sign with DynamoDB's signing name too. */
    static final String SERVICE = "dynamodb";
    static final String TERMINATOR = "aws4_request";
    /** How far a request's signing time may be from this server's clock, as AWS allows. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(15);
    /** The longest X-Amz-Expires AWS accepts: a week. */
    private static final long MAX_EXPIRES_SECONDS = 604_800;

    private static final DateTimeFormatter BASIC_ISO_8601 =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final String CONTENT_SHA256 = "X-Amz-Content-Sha256";

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    });

    private final Function<String, Optional<PrincipalKey>> principals;
    private final SigningKeys signingKeys = new SigningKeys();
    private final Clock clock;

    /** The signing name a credential scope must name: {@link #SERVICE}, another only in tests (AWS's test suite signs for "service"). */
    private final String service;

    SignatureVerifier(Function<String, Optional<PrincipalKey>> principals, Clock clock) {
        this(principals, clock, SERVICE);
    }

    SignatureVerifier(Function<String, Optional<PrincipalKey>> principals, Clock clock, String service) {
        this.principals = principals;
        this.clock = clock;
        this.service = service;
    }

    /** @return who signed the request, when the signature is right */
    Principal verify(ReceivedRequest request, SigningParameters signing) {
        Instant signedAt = requestTime(signing.requestTime());
        checkTimeWindow(signedAt, signing);
        if (!signing.signedHeaderNames().contains("host")) {
            throw SignatureErrors.invalidSignature("'Host' must be a 'SignedHeader' in the AWS Authorization.");
        }
        checkCredentialScope(signing, signedAt);
        PrincipalKey signer = principals.apply(signing.accessKeyId())
                .orElseThrow(SignatureErrors::unrecognizedClient);
        String hashedPayload = hashedPayload(request);
        String stringToSign = AuthorizationHeader.ALGORITHM + "\n" + basicIso8601(signing.requestTime(), signedAt) + "\n"
                + signing.credentialScope() + "\n" + hex(sha256(CanonicalRequest.of(request, signing, hashedPayload)
                        .getBytes(StandardCharsets.UTF_8)));
        byte[] key = signingKeys.signingKey(signer.secretAccessKey(), signing.scopeDate(), signing.region(), signing.service());
        byte[] expected = hex(SigningKeys.hmac(key, stringToSign)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signing.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw SignatureErrors.signatureDoesNotMatch();
        }
        return signer.principal();
    }

    /** The signing time in the string to sign: X-Amz-Date as sent, else the {@code Date} header's time. */
    private static String basicIso8601(String sent, Instant signedAt) {
        return isBasicIso8601(sent) ? sent : BASIC_ISO_8601.format(signedAt);
    }

    /** {@code yyyyMMdd'T'HHmmss'Z'}, checked by hand: a regular expression costs more than the rest of the parse. */
    private static boolean isBasicIso8601(String text) {
        if (text == null || text.length() != 16 || text.charAt(8) != 'T' || text.charAt(15) != 'Z') {
            return false;
        }
        for (int i = 0; i < 15; i++) {
            if (i != 8 && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String text, int from, int to) {
        return Integer.parseInt(text, from, to, 10);
    }

    /** {@code X-Amz-Date} as sent, or a {@code Date} header's time. */
    private static Instant requestTime(String sent) {
        if (isBasicIso8601(sent)) {
            try {
                return LocalDateTime.of(digits(sent, 0, 4), digits(sent, 4, 6), digits(sent, 6, 8),
                        digits(sent, 9, 11), digits(sent, 11, 13), digits(sent, 13, 15)).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                // e.g. month 13: falls through to DynamoDB's message
            }
        } else if (sent != null && sent.contains(",")) {
            try {
                return ZonedDateTime.parse(sent, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                // falls through to DynamoDB's message
            }
        }
        throw SignatureErrors.incompleteSignature("Date must be in ISO-8601 'basic format'. Got '" + sent
                + "'. See http://en.wikipedia.org/wiki/ISO_8601");
    }

    /**
     * DynamoDB's messages, e.g. {@code Signature expired: 20130524T000000Z is now earlier than
     * 20130524T000100Z (20130524T001600Z - 15 min.)}. A presigned request is good from 15 minutes
     * before its signing time until its X-Amz-Expires has passed; its expiry is told in the same
     * words, with its own lifetime in place of the 15 minutes (our choice: AWS documents no text for it).
     */
    private void checkTimeWindow(Instant signedAt, SigningParameters signing) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant latest = now.plus(CLOCK_SKEW);
        if (signedAt.isAfter(latest)) {
            throw SignatureErrors.invalidSignature("Signature not yet current: " + BASIC_ISO_8601.format(signedAt)
                    + " is still later than " + BASIC_ISO_8601.format(latest) + " (" + BASIC_ISO_8601.format(now)
                    + " + " + minutesOrSeconds(CLOCK_SKEW) + ".)");
        }
        Duration lifetime = signing.presigned() && signing.expires() != null ? expires(signing.expires()) : CLOCK_SKEW;
        Instant earliest = now.minus(lifetime);
        if (signedAt.isBefore(earliest)) {
            throw SignatureErrors.invalidSignature("Signature expired: " + BASIC_ISO_8601.format(signedAt)
                    + " is now earlier than " + BASIC_ISO_8601.format(earliest) + " (" + BASIC_ISO_8601.format(now)
                    + " - " + minutesOrSeconds(lifetime) + ".)");
        }
    }

    private static Duration expires(String sent) {
        long seconds;
        try {
            seconds = Long.parseLong(sent);
        } catch (NumberFormatException e) {
            throw SignatureErrors.incompleteSignature("X-Amz-Expires should be a number of seconds, got '" + sent + "'");
        }
        if (seconds < 0) {
            throw SignatureErrors.incompleteSignature("X-Amz-Expires must be non-negative");
        }
        if (seconds > MAX_EXPIRES_SECONDS) {
            throw SignatureErrors.incompleteSignature(
                    "X-Amz-Expires must be less than a week (in seconds) that is " + MAX_EXPIRES_SECONDS);
        }
        return Duration.ofSeconds(seconds);
    }

    private static String minutesOrSeconds(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " sec";
    }

    /** Every wrong piece of the scope in one message, as DynamoDB answers. */
    private void checkCredentialScope(SigningParameters signing, Instant signedAt) {
        List<String> problems = new ArrayList<>();
        if (!REGION.matcher(signing.region()).matches()) {
            problems.add("Credential should be scoped to a valid region, not '" + signing.region() + "'.");
        }
        if (!service.equals(signing.service())) {
            problems.add("Credential should be scoped to correct service: '" + service + "'.");
        }
        if (!TERMINATOR.equals(signing.terminator())) {
            problems.add("Credential should be scoped with a valid terminator: '" + TERMINATOR + "', not '"
                    + signing.terminator() + "'.");
        }
        String date = basicIso8601(signing.requestTime(), signedAt);
        if (!date.startsWith(signing.scopeDate()) || signing.scopeDate().length() != 8) {
            problems.add("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                    + signing.scopeDate() + "' != '" + date.substring(0, 8) + "', from '" + date + "'.");
        }
        if (!problems.isEmpty()) {
            throw SignatureErrors.invalidSignature(String.join(" ", problems));
        }
    }

    /**
     * The SHA-256 of the body received. An {@code X-Amz-Content-Sha256} header, when sent, must name
     * exactly that hash: DynamoDB has no unsigned payloads, every byte of the body is signed.
     */
    private static String hashedPayload(ReceivedRequest request) {
        String hashed = hex(sha256(request.body()));
        String claimed = request.headers().getFirst(CONTENT_SHA256);
        if (claimed != null && !MessageDigest.isEqual(hashed.getBytes(StandardCharsets.US_ASCII),
                claimed.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw SignatureErrors.signatureDoesNotMatch();
        }
        return hashed;
    }

    private static byte[] sha256(byte[] bytes) {
        return SHA_256.get().digest(bytes); // digest() resets it for the next use
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
