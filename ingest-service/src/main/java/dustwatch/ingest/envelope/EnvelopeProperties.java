package dustwatch.ingest.envelope;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dustwatch.ingest.envelope.*}.
 *
 * @param masterKey         64 hex digits: the AES-256 key that seals the apps' SM4 keys and IVs at rest
 *                          ({@code ENVELOPE_MASTER_KEY}; the shipped value is for local runs only)
 * @param maxAuthFailures   failed appsecret checks of one appid within {@code authFailureWindow} after which the
 *                          appid is refused {@code APP_LOCKED} (429) until the window has passed
 * @param authFailureWindow the window of {@code maxAuthFailures}
 */
@ConfigurationProperties("dustwatch.ingest.envelope")
public record EnvelopeProperties(String masterKey, int maxAuthFailures, java.time.Duration authFailureWindow) {
}
