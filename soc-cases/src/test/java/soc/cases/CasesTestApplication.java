package soc.cases;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import soc.tenants.TenantsModule;

/** The cases module with the tenants module it builds on, for its integration tests. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({TenantsModule.class, CasesModule.class})
public class CasesTestApplication {

    /** Metrics come from actuator in the services; the module on its own needs a registry of its own. */
    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
