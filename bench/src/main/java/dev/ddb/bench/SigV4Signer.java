package dev.ddb.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for the raw client's DynamoDB requests ({@code POST /}, no query string),
 * signing {@code content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target} and the body's SHA-256,
 * as AWS documents it ("Create a signed AWS API request"). The SDK's DynamoDB client sends and signs
 * X-Amz-Content-Sha256 too (and its own amz-sdk-* headers and Content-Length, which add nothing here). Own HMAC code rather than the SDK's signer: the SDK's builds an
 * SdkHttpRequest and a property bag per request, and the point of the raw client is to cost little.
 * The signing key is derived once per day and the date strings once per second. Not thread-safe: one
 * instance per client thread.
 */
final class SigV4Signer {

    static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    static final String SIGNED_HEADERS = "content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target";
    private static final String SERVICE = "dynamodb";
    private static final String TERMINATOR = "aws4_request";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** What goes into the request: the X-Amz-Content-Sha256, X-Amz-Date and Authorization headers' values. */
    record Signature(String contentSha256, String amzDate, String authorization) {
    }

    private final String accessKey;
    private final String secretKey;
    private final String region;
    private final String host;
    private final MessageDigest sha256;
    private final Mac hmac;
    private long cachedSecond = Long.MIN_VALUE;
    private String amzDate;
    private String day = "";
    private String scope;
    private byte[] signingKey;

    SigV4Signer(String accessKey, String secretKey, String region, String host) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
        this.host = host;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
            this.hmac = Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs {@code POST /} with this target and body at the given time. */
    Signature sign(String target, byte[] body, int bodyLength, long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000);
        if (second != cachedSecond) {
            cachedSecond = second;
            amzDate = AMZ_DATE.format(Instant.ofEpochSecond(second));
            String today = amzDate.substring(0, 8);
            if (!today.equals(day)) {
                day = today;
                scope = day + "/" + region + "/" + SERVICE + "/" + TERMINATOR;
                byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), day);
                key = hmac(key, region);
                key = hmac(key, SERVICE);
                signingKey = hmac(key, TERMINATOR);
            }
        }
        sha256.update(body, 0, bodyLength);
        String contentSha256 = hex(sha256.digest());
        String canonicalRequest = "POST\n/\n\n"
                + "content-type:" + CONTENT_TYPE + "\n"
                + "host:" + host + "\n"
                + "x-amz-content-sha256:" + contentSha256 + "\n"
                + "x-amz-date:" + amzDate + "\n"
                + "x-amz-target:" + target + "\n"
                + "\n" + SIGNED_HEADERS + "\n"
                + contentSha256;
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256.digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        String signature = hex(hmac(signingKey, stringToSign));
        return new Signature(contentSha256, amzDate, "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope
                + ", SignedHeaders=" + SIGNED_HEADERS + ", Signature=" + signature);
    }

    private byte[] hmac(byte[] key, String data) {
        try {
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return hmac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }
}
