package dev.ddb.stream.read;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import dev.ddb.common.encryption.KeyPurposes;
import dev.ddb.common.encryption.MasterKey;
import dev.ddb.stream.registry.StreamArn;

/**
 * Shard iterators as callers hold them, shaped like DynamoDB's: {@code <StreamArn>|2|<position>.<signature>}.
 * The signature (HMAC-SHA256 over everything before it, with a key derived from the master key) makes
 * them as opaque as DynamoDB's: a caller can neither forge one nor move or extend one it was given,
 * and the stream ARN the gateway's access check reads from it is the one it was issued for. Iterators
 * issued under another master key (before a rotation) read as invalid, as expired ones must be fetched anew.
 */
@Component
public class ShardIteratorCodec {

    private static final String VERSION = "2";
    private static final int SIGNATURE_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public ShardIteratorCodec(MasterKey masterKey) {
        this.key = new SecretKeySpec(masterKey.derive(KeyPurposes.SHARD_ITERATORS).getEncoded(), "HmacSHA256");
    }

    public String encode(ShardIterator iterator) {
        String position = iterator.shard() + ":" + iterator.offset() + ":" + iterator.issuedMillis();
        String signed = iterator.streamArn() + "|" + VERSION + "|" + ENCODER.encodeToString(position.getBytes(StandardCharsets.UTF_8));
        return signed + "." + ENCODER.encodeToString(signature(signed));
    }

    /** Empty when the text is not an iterator this service issued, or was changed since. */
    public Optional<ShardIterator> decode(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int opaque = text.lastIndexOf('|');
        int version = opaque < 0 ? -1 : text.lastIndexOf('|', opaque - 1);
        int dot = text.lastIndexOf('.');
        if (version < 0 || dot < opaque || !VERSION.equals(text.substring(version + 1, opaque))) {
            return Optional.empty();
        }
        try {
            if (!MessageDigest.isEqual(signature(text.substring(0, dot)), DECODER.decode(text.substring(dot + 1)))) {
                return Optional.empty();
            }
            String arn = text.substring(0, version);
            String[] parts = new String(DECODER.decode(text.substring(opaque + 1, dot)), StandardCharsets.UTF_8).split(":");
            if (StreamArn.parse(arn).isEmpty() || parts.length != 3) {
                return Optional.empty();
            }
            int shard = Integer.parseInt(parts[0]);
            long offset = Long.parseLong(parts[1]);
            if (shard < 0 || offset < 0) {
                return Optional.empty();
            }
            return Optional.of(new ShardIterator(arn, shard, offset, Long.parseLong(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] signature(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)), SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
