package dustwatch.ingest.envelope;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Keeps the envelope's SM4 keys and IVs encrypted at rest: AES-256-GCM under the platform's master key
 * ({@code dustwatch.ingest.envelope.master-key}, 64 hex digits, from {@code ENVELOPE_MASTER_KEY} in production),
 * a fresh 12-byte nonce per value, the nonce stored in front of the ciphertext. A row copied out of the database
 * is useless without the master key.
 */
public final class KeyVault {
    private static final int NONCE = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec master;

    public KeyVault(String masterKeyHex) {
        byte[] key = HexFormat.of().parseHex(masterKeyHex.strip());
        if (key.length != 32) {
            throw new IllegalArgumentException("dustwatch.ingest.envelope.master-key must be 64 hex digits (AES-256)");
        }
        this.master = new SecretKeySpec(key, "AES");
    }

    public byte[] seal(byte[] secret) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, master, new GCMParameterSpec(128, nonce));
            byte[] sealed = c.doFinal(secret);
            byte[] out = Arrays.copyOf(nonce, NONCE + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JRE", e);
        }
    }

    /** @throws IllegalStateException when the value was sealed under another master key or altered */
    public byte[] open(byte[] sealed) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, master, new GCMParameterSpec(128, sealed, 0, NONCE));
            return c.doFinal(sealed, NONCE, sealed.length - NONCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored envelope key does not open with the master key", e);
        }
    }
}
