package soc.cases;

import org.springframework.test.context.DynamicPropertyRegistry;

import soc.infra.LocalInfra;
import soc.infra.TestInfra;

/** Points a Spring test at the real PostgreSQL of this test JVM: app role for queries, owner for Flyway. */
public final class RealPostgres {
    private RealPostgres() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        LocalInfra infra = TestInfra.postgres();
        infra.springProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.flyway.placeholders.appRole", infra::appUser);
        // the module's Kafka listener is not under test here and there is no broker
        registry.add("spring.kafka.listener.auto-startup", () -> "false");
        // nor should start-up wait for a broker to declare topics (the indicators topic is declared by this module)
        registry.add("spring.kafka.admin.auto-create", () -> "false");
    }
}
