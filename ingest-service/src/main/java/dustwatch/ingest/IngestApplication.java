package dustwatch.ingest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** ingest-service (port 8081): the southbound door of dustwatch. See docs/architecture.md "ingest-service". */
@SpringBootApplication
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
public class IngestApplication {
    /** Starts the service. */
    public static void main(String[] args) {
        SpringApplication.run(IngestApplication.class, args);
    }
}
