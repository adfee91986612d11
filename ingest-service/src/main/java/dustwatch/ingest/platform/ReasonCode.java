package dustwatch.ingest.platform;

import org.springframework.http.HttpStatus;

/**
 * Why a record or a request was refused (拒收原因代码): the stable {@code code} of every rejection that the push
 * API ({@code POST /api/v1/ingest/messages}) and the national envelope ({@code POST /api/v1/ingest/envelope})
 * answer. City nodes may switch on the code; the message beside it is for people and may change.
 * {@code docs/integration.md} lists them all (a test keeps the list in step with this enum).
 */
public enum ReasonCode {
    // ---- one message or one point of a push (422, the batch's valid messages are kept)
    /** A required member is absent, null or empty. */
    MISSING_FIELD("a required field is missing", "缺少必填字段"),
    /** A member has the wrong JSON type (a string where a number belongs, …). */
    WRONG_TYPE("a field has the wrong JSON type", "字段类型错误"),
    /** A string breaks its shape: length, characters, code pattern, control characters. */
    BAD_FORMAT("a field breaks its format (length, characters, code pattern)", "字段格式错误"),
    /** {@code msgType} is not one this platform takes. */
    UNSUPPORTED_MSG_TYPE("the msgType is not supported", "不支持的消息类型"),
    /** The enterprise code is not a USCC with a valid check character. */
    INVALID_USCC("enterpriseCode is not a valid unified social credit code", "统一社会信用代码无效"),
    /** The enterprise is not registered in the pushing node's city (or not at all: the two are not told apart). */
    NOT_IN_NODE_CITY("the enterprise is not registered in the node's city", "企业未在本市登记"),
    /** The gateway code is not {@code {uscc}-GW{nn}} of this enterprise, or not among its registered gateways. */
    UNKNOWN_GATEWAY("the gateway is not one of the enterprise's", "网关不属于该企业"),
    /** A time is not a real calendar time in an accepted form ({@code 2026-11-31 10:00:00} is refused). */
    BAD_TIME("a time is unreadable or impossible", "时间格式错误或日期不存在"),
    /** A time is further ahead of the platform's clock than the allowed skew (5 min). */
    IN_FUTURE("a time lies in the future", "时间超前"),
    /** NORMAL data older than 24 h (send it as RESEND), or RESEND data older than 30 days. */
    TOO_OLD("a time is too old for its report type", "数据过旧"),
    /** More points in a message than allowed. */
    TOO_MANY_POINTS("too many points in one message", "点位数量超限"),
    /** The point code names no parameter of the catalogue. */
    UNKNOWN_PARAMETER("the point code names no catalogue parameter", "未知监测参数"),
    /** The point code belongs to another enterprise. */
    POINT_NOT_OF_ENTERPRISE("the point belongs to another enterprise", "点位不属于该企业"),
    /** The point's collector ({@code {uscc}-DC{nnn}}) is not registered. */
    UNKNOWN_COLLECTOR("the point's dust collector is not registered", "除尘器未登记"),
    /** The parameter does not exist on this kind of collector (a WET_* point on a dry collector). */
    PARAMETER_NOT_FOR_COLLECTOR("the parameter does not apply to the collector's type", "参数与除尘器类型不符"),
    /** The collector has registered points and this is not one of them. */
    UNKNOWN_POINT("the point is not registered on its collector", "点位未登记"),
    /** The unit is neither the parameter's unit nor one with a defined conversion. */
    UNIT_MISMATCH("the unit is not the parameter's and has no defined conversion", "计量单位不符"),
    /** NaN or infinite. */
    NOT_FINITE("the value is not a finite number", "数值非有限数"),
    /** Outside the parameter's plausible physical range ({@code dustwatch.ingest.catalogue.ranges}). */
    OUT_OF_RANGE("the value is outside the parameter's plausible range", "数值超出合理范围"),
    /** A digital (DI) point other than 0 or 1, or a counter that is negative or fractional. */
    NOT_DISCRETE("a digital point is not 0/1, or a counter is not a whole number ≥ 0", "开关量/计数值无效"),
    /** A quality code a gateway may not send (reference §2.5; {@code dustwatch.ingest.catalogue.gateway-quality-codes}). */
    INVALID_QUALITY("the quality code is not one a gateway may send", "质量码无效"),
    /** The msgId was already accepted for this enterprise with different content. */
    MSGID_CONFLICT("the msgId was already accepted with different content", "消息编号重复且内容不同"),
    /** A different value for a point and second already stored or sent earlier in the same push. */
    READING_CONFLICT("another value is already stored for this point and second", "同一点位同一时刻数值冲突"),
    /** A FILING's {@code filingKind} is not STOP_PRODUCTION, MAINTENANCE or COLLECTOR_OUT_OF_SERVICE. */
    UNKNOWN_FILING_KIND("the filing kind is not one this platform takes", "报备类型无效"),
    /** A FILING's window: planned end not after start, longer than 90 days, or already over. */
    FILING_WINDOW("the filing's window is empty, too long or already over", "报备时段无效"),

    // ---- a whole request (4xx problem, nothing kept)
    /** The body is not JSON, or not {@code {"messages":[…]}}. */
    MALFORMED_BODY("the body is not the expected JSON", "请求体格式错误"),
    /** A JSON object names a member twice. */
    DUPLICATE_KEY("a JSON object repeats a member name", "JSON 字段重复"),
    /** More messages in one push than allowed. */
    TOO_MANY_MESSAGES("too many messages in one push", "消息数量超限"),
    /** The body, or its inflated gzip content, is larger than allowed. */
    BODY_TOO_LARGE("the body is larger than allowed", "请求体过大"),
    /** A {@code Content-Encoding} other than identity or gzip, or a broken gzip stream. */
    UNSUPPORTED_ENCODING("the content encoding is not supported or broken", "不支持的内容编码"),
    /** The envelope's appid is unknown or its appsecret header does not match. */
    APP_AUTH_FAILED("appid unknown or appsecret wrong", "appid 或 appsecret 错误"),
    /** Too many failed appsecret checks for this appid in a short time: wait {@code Retry-After} seconds. */
    APP_LOCKED("too many failed appsecret checks; wait and retry", "密钥校验失败次数过多，请稍后重试"),
    /** The envelope's {@code data} is not an even-length hex string. */
    NOT_HEX("the envelope's data is not hex", "密文不是十六进制"),
    /** The ciphertext does not decrypt with the app's SM4 key and IV (length, padding, or not UTF-8 JSON). */
    DECRYPT_FAILED("the envelope's data does not decrypt with the app's key", "解密失败"),
    /** This node already has as many pushes in progress as it may: wait {@code Retry-After} seconds and resend. */
    NODE_BUSY("this node has too many pushes in progress; resend after Retry-After", "本节点并发推送过多，请按 Retry-After 重发"),
    /** The service is at its push capacity: wait {@code Retry-After} seconds and resend; nothing was kept. */
    SERVICE_BUSY("the service is at capacity; resend after Retry-After", "服务繁忙，请按 Retry-After 重发");

    private final String english;
    private final String chinese;

    ReasonCode(String english, String chinese) {
        this.english = english;
        this.chinese = chinese;
    }

    /** What the code means, in English. */
    public String english() {
        return english;
    }

    /** What the code means, in Chinese. */
    public String chinese() {
        return chinese;
    }

    /** True for the codes that refuse a whole request (declared from {@link #MALFORMED_BODY} on), false for a message's. */
    public boolean refusesRequest() {
        return ordinal() >= MALFORMED_BODY.ordinal();
    }

    /** The status a whole request refused with this code is answered with. */
    public HttpStatus requestStatus() {
        return switch (this) {
            case TOO_MANY_MESSAGES, BODY_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_ENCODING -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case APP_AUTH_FAILED -> HttpStatus.UNAUTHORIZED;
            case APP_LOCKED, NODE_BUSY -> HttpStatus.TOO_MANY_REQUESTS;
            case SERVICE_BUSY -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.BAD_REQUEST;
        };
    }
}
