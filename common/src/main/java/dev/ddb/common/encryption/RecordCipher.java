package dev.ddb.common.encryption;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;

/**
 * Encrypts the records of an append-only log one by one with AES-GCM (a random 96-bit nonce per
 * record, ahead of the ciphertext and its tag), under a key derived for one purpose: a record is
 * readable on its own, and a changed byte or a wrong key fails {@link #open}.
 */
public final class RecordCipher {

    /** What a sealed record adds to its plaintext. */
    public static final int OVERHEAD = AesGcm.NONCE_BYTES + AesGcm.TAG_BYTES;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final byte[] aad;

    public RecordCipher(MasterKey masterKey, String purpose) {
        this.key = masterKey.derive(purpose);
        this.aad = purpose.getBytes(StandardCharsets.UTF_8);
    }

    public byte[] seal(byte[] plaintext) {
        byte[] nonce = new byte[AesGcm.NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = Arrays.copyOf(nonce, OVERHEAD + plaintext.length);
        AesGcm.encrypt(key, nonce, aad, plaintext, 0, plaintext.length, sealed, AesGcm.NONCE_BYTES);
        return sealed;
    }

    /** @throws AEADBadTagException when the record was changed or sealed under another key */
    public byte[] open(byte[] sealed) throws AEADBadTagException {
        if (sealed.length < OVERHEAD) {
            throw new AEADBadTagException("record of " + sealed.length + " bytes is shorter than nonce and tag");
        }
        return AesGcm.decrypt(key, Arrays.copyOf(sealed, AesGcm.NONCE_BYTES), aad, sealed, AesGcm.NONCE_BYTES,
                sealed.length - AesGcm.NONCE_BYTES);
    }
}
