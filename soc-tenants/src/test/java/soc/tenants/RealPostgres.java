package soc.tenants;

import org.springframework.test.context.DynamicPropertyRegistry;

import soc.infra.LocalInfra;
import soc.infra.TestInfra;

/** Points a Spring test at the real PostgreSQL of this test JVM: app role for queries, owner for Flyway. */
final class RealPostgres {
    private RealPostgres() {
    }

    static void register(DynamicPropertyRegistry registry) {
        LocalInfra infra = TestInfra.postgres();
        infra.springProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.flyway.placeholders.appRole", infra::appUser);
    }
}
