package dev.ddb.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4's signing keys, {@code HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region),
 * service), "aws4_request")}, derived once per secret, date, region and service: four HMACs per
 * request would cost more than the check itself.
 */
final class SigningKeys {

    private static final String HMAC_SHA256 = "HmacSHA256";
    /** Far more than a day's keys of a large principals file; beyond it the cache starts over. */
    private static final int MAX_CACHED = 10_000;

    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance(HMAC_SHA256);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    });

    private final Map<Scope, byte[]> cache = new ConcurrentHashMap<>();

    byte[] signingKey(String secretAccessKey, String date, String region, String service) {
        Scope scope = new Scope(secretAccessKey, date, region, service);
        byte[] key = cache.get(scope);
        if (key == null) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            key = derive(scope);
            cache.put(scope, key);
        }
        return key;
    }

    private static byte[] derive(Scope scope) {
        byte[] key = hmac(("AWS4" + scope.secretAccessKey).getBytes(StandardCharsets.UTF_8), scope.date);
        key = hmac(key, scope.region);
        key = hmac(key, scope.service);
        return hmac(key, "aws4_request");
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = MACS.get(); // looking the algorithm up costs more than the HMAC of a string to sign
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** A cache key; its text never shows the secret. */
    private record Scope(String secretAccessKey, String date, String region, String service) {
        @Override
        public String toString() {
            return date + "/" + region + "/" + service;
        }
    }
}
