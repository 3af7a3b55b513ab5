package soc.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starts all three servers through {@link TestInfra} and talks to each of them for real. */
class LocalInfraTest {

    private static LocalInfra infra;

    @BeforeAll
    static void startInfra() {
        infra = TestInfra.all();
    }

    @Test
    void appRoleCanQueryButHasNoPrivileges() throws SQLException {
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl(), infra.appUser(), infra.appPassword());
             Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT 1")).isEqualTo("1");
            assertThat(single(s, "SELECT current_user")).isEqualTo("soc_app");
            assertThat(single(s, "SELECT rolbypassrls FROM pg_roles WHERE rolname = 'soc_app'")).isEqualTo("f");
            assertThat(single(s, "SELECT rolsuper OR rolcreatedb OR rolcreaterole FROM pg_roles "
                    + "WHERE rolname = 'soc_app'")).isEqualTo("f");
            assertThatThrownBy(() -> s.execute("CREATE TABLE app_must_not_create (id int)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void ownerCreatesTablesAndRowLevelSecurityAppliesToApp() throws SQLException {
        String table = "it_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl(), infra.ownerUser(), infra.ownerPassword());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id int PRIMARY KEY, tenant text NOT NULL)");
            s.execute("INSERT INTO " + table + " VALUES (1, 'a'), (2, 'b')");
            assertThat(single(s, "SELECT count(*) FROM " + table)).isEqualTo("2");
            s.execute("ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY");
            s.execute("CREATE POLICY only_a ON " + table + " TO soc_app USING (tenant = 'a')");
            s.execute("GRANT SELECT ON " + table + " TO soc_app");
        }
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl(), infra.appUser(), infra.appPassword());
             Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT string_agg(tenant, ',') FROM " + table)).isEqualTo("a");
        }
    }

    @Test
    void kafkaRecordRoundTrip() throws Exception {
        String topic = "it-" + UUID.randomUUID();
        InfraClients.produce(infra.kafkaBootstrapServers(), topic, "k1", "hello kafka");
        assertThat(InfraClients.consumeUntil(infra.kafkaBootstrapServers(), topic, "k1", Duration.ofSeconds(30)))
                .containsExactly("hello kafka");
    }

    @Test
    void openSearchIndexesAndFindsADocument() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String index = "it-" + UUID.randomUUID();
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(
                        URI.create(infra.openSearchUrl() + "/" + index + "/_doc/1?refresh=true"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"message\":\"suspicious login from mars\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(201);

        HttpResponse<String> search = http.send(HttpRequest.newBuilder(
                        URI.create(infra.openSearchUrl() + "/" + index + "/_search"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":{\"match\":{\"message\":\"mars\"}}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("\"total\":{\"value\":1").contains("suspicious login from mars");
    }

    @Test
    void testInfraIsOneInstancePerJvm() {
        assertThat(TestInfra.postgres()).isSameAs(infra);
        assertThat(TestInfra.kafka()).isSameAs(infra);
        assertThat(TestInfra.openSearch()).isSameAs(infra);
        InfraSettings settings = infra.settings();
        assertThat(settings.postgres() && settings.kafka() && settings.openSearch()).isTrue();
        assertThat(settings.dataDir().toString()).contains("target/test-infra");
    }

    @Test
    void springPropertiesPointAtTheServers() {
        assertThat(infra.springProperties())
                .containsEntry("spring.datasource.url", infra.jdbcUrl())
                .containsEntry("spring.datasource.username", "soc_app")
                .containsEntry("spring.flyway.user", "soc_owner")
                .containsEntry("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers())
                .containsEntry("soc.opensearch.url", infra.openSearchUrl());
        assertThat(infra.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + infra.settings().postgresPort() + "/soc");
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
