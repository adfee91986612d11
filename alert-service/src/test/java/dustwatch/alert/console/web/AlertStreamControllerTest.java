package dustwatch.alert.console.web;

import dustwatch.alert.console.ConsoleHub;
import dustwatch.alert.console.ConsoleProperties;
import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.scope.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.time.Clock;
import java.time.Duration;

import static dustwatch.alert.Fixtures.LICHENG;
import static dustwatch.alert.Fixtures.PUTIAN;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The stream endpoint's refusals as problem details, with the caller fixed by a stand-in argument resolver. */
class AlertStreamControllerTest {
    private final ConsoleHub hub = new ConsoleHub(new ConsoleProperties(16, Duration.ofHours(1), 8, 1,
            Duration.ofSeconds(30), "test-console"), new dustwatch.alert.console.MemoryConsoleLog(), Clock.systemUTC(),
                tools.jackson.databind.json.JsonMapper.builder()
                        .addModule(dustwatch.support.time.PlatformTimes.module(java.time.ZoneId.of("Asia/Shanghai"))).build());
    private Actor caller;
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new AlertStreamController(hub))
            .setCustomArgumentResolvers(new HandlerMethodArgumentResolver() {
                @Override
                public boolean supportsParameter(MethodParameter parameter) {
                    return parameter.getParameterType().equals(Actor.class);
                }

                @Override
                public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                                              NativeWebRequest request, WebDataBinderFactory binderFactory) {
                    return caller;
                }
            })
            .build();

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void aConsoleBeyondMaxClientsIsA503ProblemWithRetryAfter() throws Exception {
        caller = new Actor("licheng-duty", Actor.Kind.REGULATOR, RegionCode.of(LICHENG), null);
        mvc.perform(get("/api/v1/alerts/stream").accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(request().asyncStarted())
                .andExpect(header().string("X-Accel-Buffering", "no"));
        mvc.perform(get("/api/v1/alerts/stream").accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(503));
    }

    @Test
    void aCityNodeIsA403Problem() throws Exception {
        caller = new Actor("putian-node", Actor.Kind.CITY_NODE, RegionCode.of(PUTIAN), null);
        mvc.perform(get("/api/v1/alerts/stream").accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
