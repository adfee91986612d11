package dustwatch.ingest.readings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dustwatch.ingest.readings.*}.
 *
 * @param defaultLimit rows answered when {@code limit} is not given
 * @param maxLimit     the largest {@code limit} honoured
 */
@ConfigurationProperties("dustwatch.ingest.readings")
public record ReadingsProperties(@DefaultValue("100") int defaultLimit, @DefaultValue("1000") int maxLimit) {
}
