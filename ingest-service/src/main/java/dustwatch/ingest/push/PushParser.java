package dustwatch.ingest.push;

import dustwatch.ingest.platform.ReasonCode;
import dustwatch.ingest.platform.RejectedRequestException;
import dustwatch.ingest.platform.StrictJson;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Turns a push body into a JSON tree, strictly: a member named twice in one object is refused
 * ({@link ReasonCode#DUPLICATE_KEY}, never "the last one wins"), trailing content after the document is refused,
 * and {@code Content-Encoding: gzip} is inflated with a cap ({@link IngestLimits#maxRequestBytes()} applies to
 * the inflated body too), so that a gzip bomb is answered 413 after reading at most the cap, not inflated into
 * the heap.
 */
@org.springframework.stereotype.Component
public final class PushParser {
    private final long maxBytes;

    public PushParser(IngestLimits limits) {
        this.maxBytes = limits.maxRequestBytes().toBytes();
    }

    /**
     * The JSON tree of {@code body} sent with {@code contentEncoding} (null or {@code identity} for none).
     *
     * @throws RejectedRequestException MALFORMED_BODY, DUPLICATE_KEY, BODY_TOO_LARGE or UNSUPPORTED_ENCODING
     */
    public JsonNode parse(byte[] body, String contentEncoding) {
        return parse(inflate(body, contentEncoding));
    }

    /** The JSON tree of an already decoded body ({@link StrictJson}). */
    public JsonNode parse(byte[] json) {
        return StrictJson.tree(json);
    }

    private byte[] inflate(byte[] body, String contentEncoding) {
        String encoding = contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        if (encoding.isEmpty() || encoding.equals("identity")) {
            return body;
        }
        if (!encoding.equals("gzip") && !encoding.equals("x-gzip")) {
            throw new RejectedRequestException(ReasonCode.UNSUPPORTED_ENCODING, "Content-Encoding "
                    + contentEncoding + " is not supported; send identity or gzip");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    throw new RejectedRequestException(ReasonCode.BODY_TOO_LARGE, "the gzip body inflates to more than "
                            + maxBytes + " bytes (dustwatch.ingest.limits.max-request-bytes); split the batch",
                            Map.of("limit", maxBytes));
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new RejectedRequestException(ReasonCode.UNSUPPORTED_ENCODING, "the gzip body is broken: " + e.getMessage());
        }
    }
}
