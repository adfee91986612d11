package dustwatch.deploy.stack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceProcessTest {

    @Test
    void theLocalDefaultsFavourStartUpAndTheSettingReplacesThem() {
        assertThat(ServiceProcess.jvmOptions(null)).containsExactly("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:+ExitOnOutOfMemoryError");
        assertThat(ServiceProcess.jvmOptions(" -Xms256m  -Xmx768m ")).containsExactly("-Xms256m", "-Xmx768m",
                "-XX:+ExitOnOutOfMemoryError");
        assertThat(ServiceProcess.jvmOptions("-Xmx1g -XX:+ExitOnOutOfMemoryError"))
                .containsExactly("-Xmx1g", "-XX:+ExitOnOutOfMemoryError");
    }
}
