package dev.ddb.common.encryption;

import java.security.GeneralSecurityException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM from javax.crypto, with a 128-bit tag. A Cipher per thread, initialised anew for each
 * call (with its own nonce): Ciphers are not thread-safe, and getting one looks up the provider.
 */
final class AesGcm {

    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    });

    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;

    private AesGcm() {
    }

    static byte[] encrypt(SecretKey key, byte[] nonce, byte[] aad, byte[] plaintext, int offset, int length) {
        byte[] ciphertext = new byte[length + TAG_BYTES];
        encrypt(key, nonce, aad, plaintext, offset, length, ciphertext, 0);
        return ciphertext;
    }

    /** Encrypts into out at outOffset (length + {@link #TAG_BYTES} bytes), sparing a copy of the ciphertext. */
    static void encrypt(SecretKey key, byte[] nonce, byte[] aad, byte[] plaintext, int offset, int length, byte[] out, int outOffset) {
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
            cipher.updateAAD(aad);
            cipher.doFinal(plaintext, offset, length, out, outOffset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    }

    /** @throws AEADBadTagException when the ciphertext, the nonce or the associated data was changed, or the key is another */
    static byte[] decrypt(SecretKey key, byte[] nonce, byte[] aad, byte[] ciphertext, int offset, int length)
            throws AEADBadTagException {
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(ciphertext, offset, length);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    }
}
