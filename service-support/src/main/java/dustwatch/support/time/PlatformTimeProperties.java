package dustwatch.support.time;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;

/**
 * {@code dustwatch.time-zone}: the zone whose offset every time in an API answer carries. China Standard Time
 * ({@code Asia/Shanghai}, +08:00 all year) unless a deployment says otherwise; this is the one place of that default
 * for every servlet service.
 *
 * @param timeZone a region id ({@code Asia/Shanghai}) or a fixed offset ({@code +08:00})
 */
@ConfigurationProperties("dustwatch")
public record PlatformTimeProperties(@DefaultValue("Asia/Shanghai") ZoneId timeZone) {
}
