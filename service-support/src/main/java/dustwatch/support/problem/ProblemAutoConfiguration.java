package dustwatch.support.problem;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Problems everywhere in a servlet service: a {@code type} on every {@link org.springframework.http.ProblemDetail}
 * ({@link ProblemTypeAdvice}), the error page as a problem ({@link ProblemErrorController}, in place of Boot's
 * {@code BasicErrorController}), Tomcat's own refusals as a problem ({@link ProblemReportValve}).
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemAutoConfiguration {

    @Bean
    ProblemTypeAdvice problemTypeAdvice() {
        return new ProblemTypeAdvice();
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /** Runs after Boot's Tomcat customizer, so the problem valve sits inside the ErrorReportValve Boot adds. */
    @Bean
    @ConditionalOnClass(TomcatServletWebServerFactory.class)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    if (context.getParent() instanceof StandardHost host) {
                        // the host then adds no ErrorReportValve of its own inside this one
                        host.setErrorReportValveClass(ProblemReportValve.class.getName());
                    }
                    context.getParent().getPipeline().addValve(new ProblemReportValve());
                });
            }
        };
    }
}
