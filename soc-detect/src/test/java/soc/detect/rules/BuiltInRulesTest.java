package soc.detect.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import soc.events.Alert;
import soc.events.RawEnvelope;
import soc.events.SocEvent;

class BuiltInRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static SocEvent event(String id, String field, String value) {
        RawEnvelope raw = new RawEnvelope(id, "cardiff", "src-1", NOW, "http", "json", "{}");
        return SocEvent.from(raw).put(field, value).put("host.name", "ws01").build();
    }

    @Test
    void credentialDumpingToolIsFoundInCommandLinesCaseInsensitively() {
        assertThat(BuiltInRules.CREDENTIAL_DUMPING_TOOL.matches(
                event("e1", "process.command_line", "C:\\tmp\\MimiKatz.exe privilege::debug"))).isTrue();
        assertThat(BuiltInRules.CREDENTIAL_DUMPING_TOOL.matches(
                event("e2", "message", "lsadump::sam executed"))).isTrue();
    }

    @Test
    void ordinaryEventsDoNotMatch() {
        assertThat(BuiltInRules.CREDENTIAL_DUMPING_TOOL.matches(
                event("e3", "process.command_line", "notepad.exe report.txt"))).isFalse();
        assertThat(BuiltInRules.CREDENTIAL_DUMPING_TOOL.matches(event("e4", "user.name", "mimikatz-fan"))).isFalse();
    }

    @Test
    void alertsAreDeterministicAndCarryRuleAuthorTenantAndKeyFields() {
        SocEvent event = event("e5", "process.command_line", "mimikatz.exe");

        Alert first = AlertFactory.alert(BuiltInRules.CREDENTIAL_DUMPING_TOOL, event, NOW);
        Alert replay = AlertFactory.alert(BuiltInRules.CREDENTIAL_DUMPING_TOOL, event, NOW.plusSeconds(60));

        assertThat(replay.alertId()).isEqualTo(first.alertId());
        assertThat(replay.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(first.tenantId()).isEqualTo("cardiff");
        assertThat(first.ruleAuthor()).isEqualTo(BuiltInRules.AUTHOR);
        assertThat(first.eventIds()).containsExactly("e5");
        assertThat(first.keyFields()).containsEntry("host.name", "ws01").containsEntry("process.command_line", "mimikatz.exe");
        assertThat(AlertFactory.alert(BuiltInRules.CREDENTIAL_DUMPING_TOOL, event("e6", "message", "mimikatz"), NOW)
                .alertId()).isNotEqualTo(first.alertId());
    }
}
