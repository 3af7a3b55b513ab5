package soc.web;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

import soc.cases.CasesModule;
import soc.tenants.TenantsModule;

/**
 * The web application: analysts' alert queue and cases, onboarding, tenant admins' posture. It hosts the
 * tenants and cases modules, owns the PostgreSQL schema (Flyway) and consumes the alerts topic.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import({TenantsModule.class, CasesModule.class})
public class WebApplication {

    /** Each service reads its own config file (soc-web.yml) so several can share one JVM in tests. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(WebApplication.class).properties("spring.config.name=soc-web");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
