package dev.ddb.common.encryption;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * XTS-AES over whole 4 KiB sectors with one key for data and tweak, exactly as H2's own
 * {@code org.h2.store.fs.encrypt.XTS} does it (so files stay readable by either), but through the
 * JDK's AES, which uses the processor's AES instructions: H2's table-driven AES in pure Java made
 * an MVStore commit spend most of its time encrypting, with every writer waiting.
 *
 * <p>A sector's tweak is AES(sector number, little-endian); block j of the sector is
 * AES(P xor T_j) xor T_j, with T_{j+1} = T_j * x in GF(2^128) (little-endian, feedback 0x87). Not
 * thread-safe: one instance per thread.
 */
final class AesXts {

    static final int SECTOR_BYTES = 4096;
    private static final int BLOCK_BYTES = 16;
    private static final int GF_128_FEEDBACK = 0x87;
    /** Tweaks are 128-bit little-endian numbers; XOR and doubling go eight bytes at a time. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final Cipher encrypt;
    private final Cipher decrypt;
    private final byte[] tweaks = new byte[SECTOR_BYTES];
    /** The sector XORed with its tweaks: the cipher's input (it is slower in place). */
    private final byte[] whitened = new byte[SECTOR_BYTES];
    private final byte[] sectorNumber = new byte[BLOCK_BYTES];

    AesXts(byte[] key) {
        try {
            SecretKeySpec spec = new SecretKeySpec(key, "AES");
            encrypt = Cipher.getInstance("AES/ECB/NoPadding");
            encrypt.init(Cipher.ENCRYPT_MODE, spec);
            decrypt = Cipher.getInstance("AES/ECB/NoPadding");
            decrypt.init(Cipher.DECRYPT_MODE, spec);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    /** Encrypts {@code sectors} whole sectors in place, the first of them number {@code firstSector}. */
    void encrypt(long firstSector, byte[] data, int offset, int sectors) {
        crypt(encrypt, firstSector, data, offset, sectors);
    }

    void decrypt(long firstSector, byte[] data, int offset, int sectors) {
        crypt(decrypt, firstSector, data, offset, sectors);
    }

    private void crypt(Cipher cipher, long firstSector, byte[] data, int offset, int sectors) {
        try {
            for (int s = 0; s < sectors; s++) {
                int at = offset + s * SECTOR_BYTES;
                fillTweaks(firstSector + s);
                for (int i = 0; i < SECTOR_BYTES; i += 8) {
                    LONGS.set(whitened, i, (long) LONGS.get(data, at + i) ^ (long) LONGS.get(tweaks, i));
                }
                cipher.update(whitened, 0, SECTOR_BYTES, data, at);
                for (int i = 0; i < SECTOR_BYTES; i += 8) {
                    LONGS.set(data, at + i, (long) LONGS.get(data, at + i) ^ (long) LONGS.get(tweaks, i));
                }
            }
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 256 tweaks of a sector, in the order of its blocks. */
    private void fillTweaks(long sector) throws ShortBufferException {
        long number = sector;
        for (int i = 0; i < BLOCK_BYTES; i++, number >>>= 8) {
            sectorNumber[i] = (byte) number;
        }
        encrypt.update(sectorNumber, 0, BLOCK_BYTES, tweaks, 0);
        long low = (long) LONGS.get(tweaks, 0);
        long high = (long) LONGS.get(tweaks, 8);
        for (int at = BLOCK_BYTES; at < SECTOR_BYTES; at += BLOCK_BYTES) {
            long carry = high >>> 63;
            high = (high << 1) | (low >>> 63);
            low = (low << 1) ^ (carry * GF_128_FEEDBACK);
            LONGS.set(tweaks, at, low);
            LONGS.set(tweaks, at + 8, high);
        }
    }
}
