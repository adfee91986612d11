package dustwatch.ingest.envelope;

import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.scope.Actor;
import dustwatch.contracts.topic.Json;
import dustwatch.ingest.push.PushOutcome;
import dustwatch.ingest.push.PushParser;
import dustwatch.ingest.push.PushService;
import dustwatch.ingest.platform.ReasonCode;
import dustwatch.ingest.platform.RejectedRequestException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The national envelope (国家接入规范信封, domain reference §2.3–2.4): {@code {"appid": "…", "data": "<hex>"}} with
 * {@code data} the SM4-CBC ciphertext of the same message JSON the plain endpoint takes — one message, or
 * {@code {"messages":[…]}} — and the {@code appsecret} header. The decrypted JSON goes through the very same
 * strict parser and {@link PushService} as a plain push, so every rule and every reason code is the same. The
 * answer is enveloped too, encrypted with the same key: {@code {code, msg, accepted, duplicates, rejected}}
 * ({@code code} 0 when all were accepted, 1 when some were refused).
 */
@Service
public class EnvelopeService {
    private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2})+");
    private final NodeApps apps;
    private final PushParser parser;
    private final PushService push;

    public EnvelopeService(NodeApps apps, PushParser parser, PushService push) {
        this.apps = apps;
        this.parser = parser;
        this.push = push;
    }

    /** The outcome and the enveloped answer. */
    public record Answer(PushOutcome outcome, Map<String, String> envelope) {
    }

    /**
     * Opens, checks and pushes an envelope.
     *
     * @throws RejectedRequestException APP_AUTH_FAILED, MALFORMED_BODY, DUPLICATE_KEY, NOT_HEX or DECRYPT_FAILED
     */
    public Answer receive(byte[] body, String contentEncoding, String appSecret) {
        JsonNode envelope = parser.parse(body, contentEncoding);
        if (!envelope.isObject() || !envelope.path("appid").isString() || !envelope.path("data").isString()) {
            throw new RejectedRequestException(ReasonCode.MALFORMED_BODY, "the body must be {\"appid\":\"…\",\"data\":\"<hex>\"}");
        }
        NodeApp app = apps.authenticate(envelope.get("appid").stringValue(), appSecret);
        String data = envelope.get("data").stringValue();
        if (!HEX.matcher(data).matches()) {
            throw new RejectedRequestException(ReasonCode.NOT_HEX, "data must be an even number of hex digits ("
                    + data.length() + " characters received)");
        }
        byte[] plaintext;
        try {
            plaintext = app.cipher().decrypt(HexFormat.of().parseHex(data));
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(plaintext));
        } catch (InvalidCipherTextException | CharacterCodingException e) {
            throw new RejectedRequestException(ReasonCode.DECRYPT_FAILED, "data does not decrypt with the SM4 key and IV of "
                    + app.appId() + " (" + e.getMessage() + "); check key, IV and PKCS#7 padding");
        }
        // it decrypted with valid padding into valid UTF-8: what it says is the sender's, not a key problem
        JsonNode json = parser.parse(plaintext);
        JsonNode batch = json;
        if (json.isObject() && !json.has("messages")) {
            ObjectNode wrapped = Json.MAPPER.createObjectNode();
            ArrayNode messages = wrapped.putArray("messages");
            messages.add(json);
            batch = wrapped;
        }
        Actor node = new Actor("app:" + app.appId(), Actor.Kind.CITY_NODE, RegionCode.of(app.regionCode()), null);
        PushOutcome outcome = push.push(batch, node);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", outcome.rejected().isEmpty() ? 0 : 1);
        answer.put("msg", outcome.rejected().isEmpty() ? "ok" : outcome.rejected().size() + " message(s) rejected");
        answer.put("accepted", outcome.accepted());
        answer.put("duplicates", outcome.duplicates());
        answer.put("rejected", outcome.rejected());
        byte[] sealed = app.cipher().encrypt(Json.MAPPER.writeValueAsBytes(answer));
        Map<String, String> enveloped = new LinkedHashMap<>();
        enveloped.put("appid", app.appId());
        enveloped.put("data", HexFormat.of().formatHex(sealed));
        return new Answer(outcome, enveloped);
    }
}
