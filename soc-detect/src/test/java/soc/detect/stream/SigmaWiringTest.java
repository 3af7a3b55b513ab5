package soc.detect.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import soc.detect.DetectProperties;
import soc.detect.rules.AlertFactory;
import soc.detect.sigma.CompiledRule;
import soc.detect.sigma.SigmaEngine;
import soc.events.Alert;
import soc.events.Severity;
import soc.events.SocEvent;

/** Configuration binding, rule loading at start-up and Sigma matches turned into alerts. */
class SigmaWiringTest {
    private static final String RULE = """
            title: Whoami Execution
            id: 5b2b4a4e-8d6f-4b8e-9a57-1f3f1d3f0a01
            author: Florian Roth (Nextron Systems)
            tags: [attack.discovery, attack.t1033]
            logsource: {category: process_creation, product: windows}
            detection:
                selection:
                    Image|endswith: '\\\\whoami.exe'
                condition: selection
            fields: [CommandLine, ParentImage]
            level: high
            """;

    private static DetectProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("soc.detect",
                DetectProperties.class);
    }

    @Test
    void propertiesBindWithDefaults() {
        DetectProperties defaults = bind(Map.of());
        assertThat(defaults.sigma().ruleDirs()).isEmpty();
        assertThat(defaults.sigma().builtInPacks()).isTrue();
        assertThat(defaults.sigma().placeholders()).isEmpty();
        DetectProperties set = bind(Map.of("soc.detect.sigma.rule-dirs", "/a,/b",
                "soc.detect.sigma.built-in-packs", "false",
                "soc.detect.sigma.placeholders.ot-networks[0]", "10.20.*",
                "soc.detect.sigma.placeholders.ot-networks[1]", "10.30.*"));
        assertThat(set.sigma().ruleDirs()).containsExactly("/a", "/b");
        assertThat(set.sigma().builtInPacks()).isFalse();
        assertThat(set.sigma().placeholders()).containsEntry("ot-networks", List.of("10.20.*", "10.30.*"));
    }

    @Test
    void ruleDirectoriesLoadNextToTheBuiltInPacks(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/whoami.yml"), RULE);
        Files.writeString(dir.resolve("broken.yml"), "title: broken\nlogsource: {product: windows}\n"
                + "detection: {condition: selection}\n");
        SigmaEngine engine = SigmaRulesConfiguration.build(new DetectProperties.Sigma(List.of(dir.toString()), true,
                Map.of()));
        assertThat(engine.rule("5b2b4a4e-8d6f-4b8e-9a57-1f3f1d3f0a01")).isNotNull();
        assertThat(engine.rules()).hasSize(14); // 13 pack rules + 1
        assertThat(engine.loadReport().failures()).hasSize(1);

        SigmaEngine packsOff = SigmaRulesConfiguration.build(new DetectProperties.Sigma(List.of(dir.toString()),
                false, Map.of()));
        assertThat(packsOff.rules()).hasSize(1);
    }

    @Test
    void aMissingRuleDirectoryStopsTheStartUp(@TempDir Path dir) {
        assertThatThrownBy(() -> SigmaRulesConfiguration.build(new DetectProperties.Sigma(List.of(dir.resolve(
                "nope").toString()), true, Map.of()))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("soc.detect.sigma.rule-dirs").hasMessageContaining("nope");
    }

    @Test
    void aSigmaMatchBecomesAnAlertWithTheRulesAuthorAndKeyFields() {
        SigmaEngine engine = SigmaEngine.builder().addYaml(RULE, "whoami.yml").build();
        SocEvent event = new SocEvent.Builder().put(SocEvent.EVENT_ID, "ev-1").put(SocEvent.TENANT_ID, "cardiff")
                .put(SocEvent.TIMESTAMP, "2026-11-23T10:00:00Z")
                .put("winlog.channel", "Microsoft-Windows-Sysmon/Operational").put("winlog.event_id", "1")
                .put("host.name", "ws042").put("winlog.event_data.Image", "C:\\Windows\\System32\\whoami.exe")
                .put("winlog.event_data.CommandLine", "whoami /all")
                .put("winlog.event_data.ParentImage", "C:\\Windows\\System32\\cmd.exe").build();
        List<CompiledRule> hits = engine.match(event);
        assertThat(hits).hasSize(1);
        Instant now = Instant.parse("2026-11-23T10:00:05Z");
        Alert alert = AlertFactory.alert(hits.get(0), event, now);
        assertThat(alert.ruleId()).isEqualTo("5b2b4a4e-8d6f-4b8e-9a57-1f3f1d3f0a01");
        assertThat(alert.ruleTitle()).isEqualTo("Whoami Execution");
        assertThat(alert.ruleAuthor()).isEqualTo("Florian Roth (Nextron Systems)");
        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
        assertThat(alert.techniques()).containsExactly("T1033");
        assertThat(alert.tenantId()).isEqualTo("cardiff");
        assertThat(alert.eventIds()).containsExactly("ev-1");
        assertThat(alert.keyFields()).containsEntry("host.name", "ws042")
                .containsEntry("winlog.event_data.CommandLine", "whoami /all")
                .containsEntry("winlog.event_data.ParentImage", "C:\\Windows\\System32\\cmd.exe");
        assertThat(AlertFactory.alert(hits.get(0), event, now.plusSeconds(60)).alertId()).isEqualTo(alert.alertId());

        SigmaEngine anonymous = SigmaEngine.builder().addYaml(RULE.replace("author: Florian Roth (Nextron Systems)\n",
                ""), "anon.yml").build();
        assertThat(AlertFactory.alert(anonymous.match(event).get(0), event, now).ruleAuthor())
                .isEqualTo(AlertFactory.UNKNOWN_AUTHOR);
    }
}
