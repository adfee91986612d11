package dustwatch.alert.channel.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook signature is HMAC-SHA256 over "<timestamp>.<body>", hex, as a receiver recomputes it. */
class WebhookChannelTest {
    @Test
    void theSignatureIsHmacSha256OverTimestampDotBody() throws Exception {
        // python3: hmac.new(b's3cret', b'1700000000.{"step":"WARNING"}', hashlib.sha256).hexdigest()
        assertThat(WebhookChannel.sign("s3cret", "1700000000", "{\"step\":\"WARNING\"}"))
                .isEqualTo("68ddca18da33195dcd9b38ecf7303dff015b1259f5ee37e2038fa87db64407d3");
    }

    @Test
    void anotherTimestampGivesAnotherSignature() throws Exception {
        assertThat(WebhookChannel.sign("s3cret", "1700000001", "{\"step\":\"WARNING\"}"))
                .isNotEqualTo(WebhookChannel.sign("s3cret", "1700000000", "{\"step\":\"WARNING\"}"));
    }
}
