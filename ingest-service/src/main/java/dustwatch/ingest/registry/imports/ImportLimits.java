package dustwatch.ingest.registry.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code dustwatch.ingest.imports.*}: how much one bulk import may hold; defaults in the shipped application.yml.
 *
 * @param maxRows          data rows per file (the header not counted); more is answered 413
 * @param maxBytes         size of the uploaded file; more is answered 413
 * @param maxUnzippedBytes total inflated size of an xlsx's parts, so that a zip bomb is answered 413 and not
 *                         inflated into the heap
 */
@ConfigurationProperties("dustwatch.ingest.imports")
public record ImportLimits(int maxRows, DataSize maxBytes, DataSize maxUnzippedBytes) {
}
