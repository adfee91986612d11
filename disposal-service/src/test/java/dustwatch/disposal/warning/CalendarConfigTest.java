package dustwatch.disposal.warning;

import dustwatch.contracts.risk.Colour;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The working-day calendar is configuration: the shipped application.yml has no holidays (none are invented), and
 * holidays and 调休 workdays given as properties (e.g. environment variables, comma-separated) move the deadlines.
 */
class CalendarConfigTest {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    static DisposalProperties bind(Map<String, Object> overrides) throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        for (PropertySource<?> yml : new YamlPropertySourceLoader().load("shipped", new ClassPathResource("application.yml"))) {
            environment.getPropertySources().addLast(yml);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("overrides", overrides));
        return Binder.get(environment).bind("dustwatch.disposal", DisposalProperties.class).get();
    }

    static Instant china(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CHINA).toInstant();
    }

    @Test
    void theShippedCalendarHasNoHolidaysAndChinaTime() throws Exception {
        DisposalProperties shipped = bind(Map.of());
        assertThat(shipped.calendar().zone()).isEqualTo(CHINA);
        assertThat(shipped.calendar().holidays()).isEmpty();
        assertThat(shipped.calendar().extraWorkdays()).isEmpty();
    }

    @Test
    void holidaysAndExtraWorkdaysFromConfigurationMoveAWorkingDayDeadline() throws Exception {
        // YELLOW on working days: 72 h to clear. Issued Friday 2026-03-06 10:00 China time.
        Map<String, Object> workingYellow = Map.of("dustwatch.disposal.time-limits.YELLOW.calendar", "WORKING_DAYS");
        Instant issued = china("2026-03-06T10:00");
        // plain: Fri 14 h + Mon 24 h + Tue 24 h + Wed 10 h → Wednesday 10:00
        assertThat(bind(workingYellow).deadlines(Colour.YELLOW, issued).clear()).isEqualTo(china("2026-03-11T10:00"));
        // Monday a holiday, Saturday worked (as an environment variable would give them, comma-separated):
        // Fri 14 h + Sat 24 h + Tue 24 h + Wed 10 h → Wednesday 10:00 again; with Tuesday a holiday too → Thursday
        Map<String, Object> national = new java.util.HashMap<>(workingYellow);
        national.put("dustwatch.disposal.calendar.holidays", "2026-03-09,2026-03-10");
        national.put("dustwatch.disposal.calendar.extra-workdays", "2026-03-07");
        DisposalProperties configured = bind(national);
        assertThat(configured.calendar().holidays()).containsExactly(LocalDate.parse("2026-03-09"), LocalDate.parse("2026-03-10"));
        // Fri 14 h + Sat 24 h + Wed 24 h + Thu 10 h → Thursday 2026-03-12 10:00
        assertThat(configured.deadlines(Colour.YELLOW, issued).clear()).isEqualTo(china("2026-03-12T10:00"));
        // a CONTINUOUS colour ignores the calendar: RED 24 h → Saturday 10:00
        assertThat(configured.deadlines(Colour.RED, issued).clear()).isEqualTo(china("2026-03-07T10:00"));
        assertThat(List.of(configured.calendar().extraWorkdays())).hasSize(1);
    }
}
