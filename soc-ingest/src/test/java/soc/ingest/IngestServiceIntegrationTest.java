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
                "spring.flyway.locations=classpath:db/migration",
                // the schedule would delete other tests' months-old events; EventRetentionIntegrationTest runs it itself
                "soc.ingest.retention.enabled=false"})
@Import(TestTenants.class)
abstract class IngestServiceIntegrationTest {
    static final LocalInfra INFRA = TestInfra.all();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        INFRA.springProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.flyway.placeholders.appRole", INFRA::appUser);
    }

    /** Documents matching a query in an index pattern (0 while the index does not exist yet). */
    static long count(String index, String query) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(INFRA.openSearchUrl() + "/" + index
                        + "/_count?q=" + query + "&ignore_unavailable=true&allow_no_indices=true")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        Object count = soc.events.EventJson.readObject(response.body()).get("count");
        return count == null ? 0 : ((Number) count).longValue();
    }

    @LocalServerPort
    int port;
    @Autowired
    TestTenants tenants;
}
