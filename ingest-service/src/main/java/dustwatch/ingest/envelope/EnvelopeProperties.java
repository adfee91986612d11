package dustwatch.ingest.envelope;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dustwatch.ingest.envelope.*}.
 *
 * @param masterKey 64 hex digits: the AES-256 key that seals the apps' SM4 keys and IVs at rest
 *                  ({@code ENVELOPE_MASTER_KEY}; the shipped value is for local runs only)
 */
@ConfigurationProperties("dustwatch.ingest.envelope")
public record EnvelopeProperties(String masterKey) {
}
