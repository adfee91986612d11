package dustwatch.contracts.enterprise;

/**
 * A video camera (视频监控点) at a collector or in the dust workshop. Domain reference §2.3 and §1.2 (VIDEO_*).
 *
 * @param code          {@code {USCC}-CAM{nnn}}
 * @param streamUrl     where the platform's video gateway pulls the stream (rtsp, http(s) or a GB/T 28181 id)
 * @param collectorCode the collector it watches, or null for a workshop camera
 */
public record Camera(String code, String streamUrl, String collectorCode) {
}
