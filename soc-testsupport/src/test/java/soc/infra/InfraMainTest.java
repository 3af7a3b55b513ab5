package soc.infra;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InfraMainTest {

    @Test
    void defaultsMatchTheLocalRunLayout() {
        InfraSettings settings = InfraMain.parse(new String[0]);
        assertThat(settings.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(settings.postgresPort()).isEqualTo(15432);
        assertThat(settings.kafkaPort()).isEqualTo(19092);
        assertThat(settings.kafkaControllerPort()).isEqualTo(19093);
        assertThat(settings.openSearchPort()).isEqualTo(19200);
        assertThat(settings.postgres() && settings.kafka() && settings.openSearch()).isTrue();
    }

    @Test
    void optionsOverrideDefaults() {
        InfraSettings settings = InfraMain.parse(new String[] {"--data-dir", "/tmp/x", "--postgres-port", "1",
            "--kafka-port", "2", "--kafka-controller-port", "3", "--opensearch-port", "4"});
        assertThat(settings).isEqualTo(new InfraSettings(Path.of("/tmp/x"), 1, 2, 3, 4, true, true, true));
    }

    @Test
    void rejectsUnknownOptionsAndBadPorts() {
        assertThatThrownBy(() -> InfraMain.parse(new String[] {"--nope", "1"})).hasMessageContaining("unknown");
        assertThatThrownBy(() -> InfraMain.parse(new String[] {"--kafka-port", "x"})).hasMessageContaining("port");
        assertThatThrownBy(() -> InfraMain.parse(new String[] {"--kafka-port"})).hasMessageContaining("missing");
    }
}
