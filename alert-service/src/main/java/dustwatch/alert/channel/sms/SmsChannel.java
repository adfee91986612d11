package dustwatch.alert.channel.sms;

import dustwatch.alert.delivery.Channel;
import dustwatch.alert.delivery.ChannelName;
import dustwatch.alert.delivery.Message;
import dustwatch.alert.delivery.NotifyProperties;
import dustwatch.alert.delivery.Receipt;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * SMS (短信) through the provider at {@code dustwatch.alert.notify.sms.url}: {@code POST} JSON
 * {@code {"to", "text", "ref"}} ({@code ref} = delivery id); a 2xx is the provider's receipt, anything else a failure.
 */
@Component
class SmsChannel implements Channel {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final NotifyProperties.Sms sms;
    private final JsonMapper json;

    SmsChannel(NotifyProperties properties, JsonMapper json) {
        this.sms = properties.sms();
        this.json = json;
    }

    @Override
    public ChannelName name() {
        return ChannelName.SMS;
    }

    @Override
    public boolean canReach(Message message) {
        return message.contact().phone() != null && !message.contact().phone().isBlank();
    }

    @Override
    public Receipt send(Message message) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode();
        body.put("to", message.contact().phone());
        body.put("text", message.text());
        body.put("ref", Long.toString(message.deliveryId()));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sms.url())).timeout(sms.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("SMS provider answered " + response.statusCode());
        }
        return Receipt.PROVIDER_ACCEPTED;
    }
}
