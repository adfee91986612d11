package dustwatch.risk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The risk engine (风险监测预警引擎): alarms, enterprise risk and warnings over Kafka Streams, port 8082. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RiskEngineApplication {
    public static void main(String[] args) {
        SpringApplication.run(RiskEngineApplication.class, args);
    }
}
