package dustwatch.alert.channel.webhook;

import dustwatch.alert.delivery.Channel;
import dustwatch.alert.delivery.ChannelName;
import dustwatch.alert.delivery.Message;
import dustwatch.alert.delivery.NotifyProperties;
import dustwatch.alert.delivery.Receipt;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Signed webhooks to a unit's own system: {@code POST} JSON {@code {"deliveryId", "subjectId", "step", "unit",
 * "title", "text"}} with headers {@value #TIMESTAMP} (epoch seconds) and {@value #SIGNATURE}
 * ({@code sha256=<hex HMAC-SHA256 over "<timestamp>.<body>" with the unit's secret>}); a 2xx is the receipt.
 * Receivers recompute the HMAC and refuse timestamps older than a few minutes (replay).
 */
@Component
class WebhookChannel implements Channel {
    static final String TIMESTAMP = "X-Dustwatch-Timestamp";
    static final String SIGNATURE = "X-Dustwatch-Signature";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final NotifyProperties.Webhook webhook;
    private final JsonMapper json;
    private final Clock clock;

    WebhookChannel(NotifyProperties properties, JsonMapper json, Clock clock) {
        this.webhook = properties.webhook();
        this.json = json;
        this.clock = clock;
    }

    @Override
    public ChannelName name() {
        return ChannelName.WEBHOOK;
    }

    @Override
    public boolean canReach(Message message) {
        return message.webhook() != null && message.webhook().url() != null && message.webhook().secret() != null;
    }

    @Override
    public Receipt send(Message message) throws IOException, InterruptedException, GeneralSecurityException {
        ObjectNode body = json.createObjectNode();
        body.put("deliveryId", message.deliveryId());
        body.put("subjectId", message.subjectId());
        body.put("step", message.step());
        body.put("unit", message.unitCode());
        body.put("title", message.title());
        body.put("text", message.text());
        String payload = json.writeValueAsString(body);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(message.webhook().url()))
                .timeout(webhook.timeout()).header("Content-Type", "application/json")
                .header(TIMESTAMP, timestamp).header(SIGNATURE, "sha256=" + sign(message.webhook().secret(), timestamp, payload))
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("webhook answered " + response.statusCode());
        }
        return Receipt.WEBHOOK_2XX;
    }

    /** Hex HMAC-SHA256 of {@code "<timestamp>.<body>"}. */
    static String sign(String secret, String timestamp, String body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }
}
