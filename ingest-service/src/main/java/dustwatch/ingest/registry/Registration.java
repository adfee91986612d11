package dustwatch.ingest.registry;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code PUT /api/v1/registry/enterprises/{uscc}} (企业基础信息, domain reference §2.3–2.4 BASIC), as
 * sent: enums are strings and numbers boxed so that validation can name every bad field instead of failing
 * on the first.
 *
 * @param name                 registered name, e.g. 黄石金榕木艺有限公司
 * @param regionCode           district (6 digits) or town (9 digits) inside the node's city
 * @param dustType             a {@link dustwatch.contracts.enterprise.DustType} name, e.g. {@code WOOD}
 * @param dustWorkers          dust-exposed workers (涉粉作业人数), ≥ 0
 * @param ignitionProneProcess sanding, grinding/polishing, crushing or granulating
 * @param collectors           the dust collectors (除尘器), codes {@code {uscc}-DC{nnn}}
 * @param gateways             the data-collection gateways (采集网关), codes {@code {uscc}-GW{nn}}; optional
 * @param cameras              the video cameras (视频监控), codes {@code {uscc}-CAM{nnn}}; optional
 * @param longitude            WGS-84 longitude of the site (73–136 for China); optional
 * @param latitude             WGS-84 latitude of the site (3–54 for China); optional
 */
public record Registration(
        String name,
        String regionCode,
        String dustType,
        Integer dustWorkers,
        Boolean ignitionProneProcess,
        List<Collector> collectors,
        List<Gateway> gateways,
        List<Camera> cameras,
        Double longitude,
        Double latitude) {

    /** A registration with collectors only. */
    public Registration(String name, String regionCode, String dustType, Integer dustWorkers,
                        Boolean ignitionProneProcess, List<Collector> collectors) {
        this(name, regionCode, dustType, dustWorkers, ignitionProneProcess, collectors, null, null, null, null);
    }

    /**
     * One collector as sent.
     *
     * @param code     {@code {uscc}-DC{nnn}}
     * @param type     a {@link dustwatch.contracts.enterprise.CollectorType} name, e.g. {@code DRY_BAG}
     * @param indoor   installed indoors
     * @param dustType its own dust when it differs from the enterprise's; optional
     * @param points   its monitoring points; optional (none: any parameter its type admits is accepted)
     */
    public record Collector(String code, String type, Boolean indoor, String dustType, List<Point> points) {
        public Collector(String code, String type, Boolean indoor) {
            this(code, type, indoor, null, null);
        }
    }

    /**
     * One monitoring point as sent.
     *
     * @param code       {@code {collectorCode}-{PARAM}[-{n}]}
     * @param unit       the unit its sensor sends when a message names none; optional
     * @param thresholds alarm thresholds overriding the defaults, by alarm type name ({@code HIGH}, {@code LOW} …),
     *                   in the catalogue unit; optional
     */
    public record Point(String code, String unit, Map<String, Double> thresholds) {
    }

    /**
     * One gateway as sent.
     *
     * @param code     {@code {uscc}-GW{nn}}
     * @param model    maker and model; optional
     * @param firmware firmware version; optional
     */
    public record Gateway(String code, String model, String firmware) {
    }

    /**
     * One camera as sent.
     *
     * @param code          {@code {uscc}-CAM{nnn}}
     * @param streamUrl     rtsp://, http(s):// or a 20-digit GB/T 28181 device id
     * @param collectorCode the collector it watches; optional
     */
    public record Camera(String code, String streamUrl, String collectorCode) {
    }
}
