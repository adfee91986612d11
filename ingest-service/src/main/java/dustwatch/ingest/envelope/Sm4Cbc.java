package dustwatch.ingest.envelope;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

import java.util.Arrays;

/**
 * SM4 (GB/T 32907-2016) in CBC mode with PKCS#7 padding (the "PKCS5" of the national interface, domain reference
 * §2.4), through BouncyCastle's SM4 engine. Keys and IVs are 16 bytes.
 */
public final class Sm4Cbc {
    /** SM4's block, key and IV size in bytes. */
    public static final int BLOCK = 16;

    private final byte[] key;
    private final byte[] iv;

    public Sm4Cbc(byte[] key, byte[] iv) {
        if (key == null || key.length != BLOCK || iv == null || iv.length != BLOCK) {
            throw new IllegalArgumentException("SM4 needs a 16-byte key and a 16-byte IV");
        }
        this.key = key.clone();
        this.iv = iv.clone();
    }

    public byte[] encrypt(byte[] plaintext) {
        try {
            return run(true, plaintext);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("encryption cannot fail on padding", e);
        }
    }

    /**
     * @throws InvalidCipherTextException when the length is not a whole number of blocks or the padding is bad
     *                                    (a wrong key or IV shows as bad padding in almost every case)
     */
    public byte[] decrypt(byte[] ciphertext) throws InvalidCipherTextException {
        if (ciphertext.length == 0 || ciphertext.length % BLOCK != 0) {
            throw new InvalidCipherTextException("ciphertext of " + ciphertext.length + " bytes is not a whole number of 16-byte blocks");
        }
        return run(false, ciphertext);
    }

    private byte[] run(boolean encrypt, byte[] in) throws InvalidCipherTextException {
        PaddedBufferedBlockCipher cipher = new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(new SM4Engine()),
                new PKCS7Padding());
        cipher.init(encrypt, new ParametersWithIV(new KeyParameter(key), iv));
        byte[] out = new byte[cipher.getOutputSize(in.length)];
        int n = cipher.processBytes(in, 0, in.length, out, 0);
        n += cipher.doFinal(out, n);
        return Arrays.copyOf(out, n);
    }
}
