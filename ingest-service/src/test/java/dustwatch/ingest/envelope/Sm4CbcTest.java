package dustwatch.ingest.envelope;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Sm4CbcTest {
    static final HexFormat HEX = HexFormat.of();
    /** GB/T 32907-2016, appendix A example 1: key = plaintext. */
    static final byte[] KEY = HEX.parseHex("0123456789abcdeffedcba9876543210");
    static final String CIPHER = "681edf34d206965e86b3e94f536e4246";

    @Test
    void theStandardVectorOnTheEngine() {
        SM4Engine engine = new SM4Engine();
        engine.init(true, new KeyParameter(KEY));
        byte[] out = new byte[16];
        engine.processBlock(KEY, 0, out, 0);
        assertThat(HEX.formatHex(out)).isEqualTo(CIPHER);
    }

    @Test
    void cbcWithAZeroIvStartsWithTheStandardBlockAndPadsAFullBlock() throws Exception {
        Sm4Cbc sm4 = new Sm4Cbc(KEY, new byte[16]);
        byte[] out = sm4.encrypt(KEY);
        assertThat(out).hasSize(32);
        assertThat(HEX.formatHex(Arrays.copyOf(out, 16))).isEqualTo(CIPHER);
        assertThat(sm4.decrypt(out)).isEqualTo(KEY);
    }

    @Test
    void roundTripAndRefusals() throws Exception {
        Sm4Cbc sm4 = new Sm4Cbc(KEY, HEX.parseHex("00112233445566778899aabbccddeeff"));
        byte[] message = "{\"msgId\":\"m-1\",\"msgType\":\"HEARTBEAT\"}".getBytes(StandardCharsets.UTF_8);
        byte[] c = sm4.encrypt(message);
        assertThat(c.length % 16).isZero();
        assertThat(sm4.decrypt(c)).isEqualTo(message);
        assertThatThrownBy(() -> sm4.decrypt(Arrays.copyOf(c, c.length - 3))).isInstanceOf(InvalidCipherTextException.class);
        byte[] tampered = c.clone();
        tampered[tampered.length - 1] ^= 0x5A;
        assertThatThrownBy(() -> sm4.decrypt(tampered)).isInstanceOf(InvalidCipherTextException.class);
    }

    @Test
    void theVaultSealsAndOpensButNotUnderAnotherKey() {
        KeyVault vault = new KeyVault("6477617463682d6c6f63616c2d6465762d6d61737465722d6b65792d30303031");
        byte[] sealed = vault.seal(KEY);
        assertThat(HEX.formatHex(sealed)).doesNotContain(HEX.formatHex(KEY));
        assertThat(vault.open(sealed)).isEqualTo(KEY);
        KeyVault other = new KeyVault("00".repeat(32));
        assertThatThrownBy(() -> other.open(sealed)).isInstanceOf(IllegalStateException.class);
    }
}
