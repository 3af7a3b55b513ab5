package soc.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Own LocalInfra instances (not the shared TestInfra) on a private data dir. */
class LocalInfraRestartTest {

    @TempDir
    Path tempDir;

    @Test
    void postgresAndKafkaDataSurviveARestart() throws Exception {
        InfraSettings settings = InfraSettings.allOnFreePorts(tempDir.resolve("infra")).only(true, true, false);

        try (LocalInfra infra = LocalInfra.start(settings)) {
            assertThat(infra.settings().openSearch()).isFalse();
            assertThatThrownBy(infra::openSearchUrl).isInstanceOf(IllegalStateException.class);
            try (Connection c = DriverManager.getConnection(infra.jdbcUrl(), infra.ownerUser(), infra.ownerPassword());
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE survivor (note text)");
                s.execute("INSERT INTO survivor VALUES ('still here')");
            }
            InfraClients.produce(infra.kafkaBootstrapServers(), "survivors", "k", "still here too");
        }

        try (LocalInfra infra = LocalInfra.start(settings)) {
            try (Connection c = DriverManager.getConnection(infra.jdbcUrl(), infra.ownerUser(), infra.ownerPassword());
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT note FROM survivor")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("still here");
            }
            assertThat(InfraClients.consumeUntil(infra.kafkaBootstrapServers(), "survivors", "k", Duration.ofSeconds(30)))
                    .containsExactly("still here too");
        }
    }

    @Test
    void aDataDirIsUsedByOneInstanceAtATime() {
        InfraSettings nothing = InfraSettings.allOnFreePorts(tempDir.resolve("locked")).only(false, false, false);
        try (LocalInfra first = LocalInfra.start(nothing)) {
            assertThatThrownBy(() -> LocalInfra.start(nothing))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use");
        }
        LocalInfra.start(nothing).close(); // released again
    }
}
