package soc.ingest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import soc.infra.LocalInfra;
import soc.infra.TestInfra;

/**
 * The ingest service alone on real PostgreSQL, Kafka and OpenSearch, with the schema migrated as in production
 * (the web application owns migrations, so this test runs them itself). Syslog receivers have their own test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=soc-ingest", "spring.flyway.enabled=true", "soc.ingest.syslog.enabled=false",
                "spring.flyway.locations=classpath:db/migration"})
@Import(TestTenants.class)
abstract class IngestServiceIntegrationTest {
    static final LocalInfra INFRA = TestInfra.all();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        INFRA.springProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.flyway.placeholders.appRole", INFRA::appUser);
    }

    @LocalServerPort
    int port;
    @Autowired
    TestTenants tenants;
}
