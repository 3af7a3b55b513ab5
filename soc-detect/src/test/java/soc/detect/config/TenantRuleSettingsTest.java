package soc.detect.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import soc.detect.rules.AlertFactory;
import soc.detect.rules.BuiltInRules;
import soc.events.Alert;
import soc.events.SocEvent;
import soc.events.TenantDetectionConfig;
import soc.events.TenantDetectionConfig.CustomRule;
import soc.events.TenantDetectionConfig.Operator;
import soc.events.TenantDetectionConfig.RuleException;

/**
 * Per-tenant settings in the detection path: what the detection worker does for each event (the built-in rule
 * raises its alert, then the tenant's settings are applied to that event's alerts).
 */
class TenantRuleSettingsTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final String DUMPING = BuiltInRules.CREDENTIAL_DUMPING_TOOL.id();
    private static final String CUSTOM_YAML = """
            title: Backup tool run outside the backup window
            id: 4b1d6e61-6f0c-4a8e-9f57-5a0d0b1f2c3d
            author: Aberhafren IT
            level: high
            tags: [attack.t1490, attack.impact]
            logsource: {product: syslog}
            detection:
              selection:
                message|contains: vssadmin delete shadows
              condition: selection
            """;

    private final TenantRuleSettings settings = new TenantRuleSettings(Map.of());

    /** What the worker does for one event: built-in rules, then the tenant's settings. */
    private List<String> detect(String tenant, String message, String host) {
        SocEvent event = new SocEvent.Builder().put(SocEvent.EVENT_ID, "e1").put(SocEvent.TENANT_ID, tenant)
                .put(SocEvent.TIMESTAMP, "2026-11-30T11:59:00Z").put(SocEvent.DATASET, "syslog")
                .put(SocEvent.MESSAGE, message).put("host.name", host).build();
        List<Alert> alerts = new ArrayList<>();
        alerts.add(new Alert("other", "other-tenant", "r", "t", "a", soc.events.Severity.LOW, List.of(), List.of(),
                Map.of(), "f", NOW, NOW));
        int first = alerts.size();
        if (BuiltInRules.CREDENTIAL_DUMPING_TOOL.matches(event)) {
            alerts.add(AlertFactory.alert(BuiltInRules.CREDENTIAL_DUMPING_TOOL, event, NOW));
        }
        settings.apply(event, alerts.subList(first, alerts.size()), NOW);
        assertThat(alerts.get(0).alertId()).as("alerts of earlier events are left alone").isEqualTo("other");
        return alerts.subList(first, alerts.size()).stream().map(Alert::ruleId).toList();
    }

    @Test
    void aRuleSwitchedOffForOneTenantStillAlertsForOthers() {
        assertThat(detect("tenant-a", "mimikatz sekurlsa::logonpasswords", "ws1")).containsExactly(DUMPING);
        settings.update(new TenantDetectionConfig("tenant-a", Set.of(DUMPING), List.of(), List.of(), NOW));
        assertThat(detect("tenant-a", "mimikatz sekurlsa::logonpasswords", "ws1")).isEmpty();
        assertThat(detect("tenant-b", "mimikatz sekurlsa::logonpasswords", "ws1")).containsExactly(DUMPING);
        assertThat(settings.enabled("tenant-a", DUMPING)).isFalse();
        assertThat(settings.enabled("tenant-b", DUMPING)).isTrue();
        // switched on again: the next configuration replaces the previous one whole
        settings.update(TenantDetectionConfig.empty("tenant-a"));
        assertThat(detect("tenant-a", "mimikatz sekurlsa::logonpasswords", "ws1")).containsExactly(DUMPING);
    }

    @Test
    void anExceptionSuppressesOnlyMatchingEventsOfItsRuleUntilItExpires() {
        settings.update(new TenantDetectionConfig("tenant-a", Set.of(), List.of(
                new RuleException("x1", DUMPING, "host.name", Operator.EQUALS, "PENTEST-01", null),
                new RuleException("x2", DUMPING, "message", Operator.CONTAINS, "red team", NOW.minusSeconds(1)),
                new RuleException("x3", "another-rule", "host.name", Operator.EQUALS, "ws1", null)), List.of(), NOW));
        assertThat(detect("tenant-a", "mimikatz by the pen testers", "pentest-01")).as("equals, any case").isEmpty();
        assertThat(detect("tenant-a", "mimikatz", "ws1")).as("another host; x3 names another rule")
                .containsExactly(DUMPING);
        assertThat(detect("tenant-a", "mimikatz red team exercise", "ws2")).as("x2 has expired")
                .containsExactly(DUMPING);
        assertThat(detect("tenant-b", "mimikatz", "pentest-01")).as("another tenant's exception")
                .containsExactly(DUMPING);
    }

    @Test
    void customRulesRunForTheirTenantOnlyAndCanBeSwitchedOffAndExcepted() {
        String customId = "4b1d6e61-6f0c-4a8e-9f57-5a0d0b1f2c3d";
        settings.update(new TenantDetectionConfig("tenant-a", Set.of(), List.of(),
                List.of(new CustomRule(customId, CUSTOM_YAML)), NOW));
        assertThat(settings.customRuleProblems("tenant-a")).isEmpty();
        assertThat(detect("tenant-a", "vssadmin delete shadows /all /quiet", "fs1")).containsExactly(customId);
        assertThat(detect("tenant-b", "vssadmin delete shadows /all /quiet", "fs1")).isEmpty();
        assertThat(detect("tenant-a", "vssadmin list shadows", "fs1")).isEmpty();

        settings.update(new TenantDetectionConfig("tenant-a", Set.of(), List.of(new RuleException("x", customId,
                "host.name", Operator.CONTAINS, "backup", null)), List.of(new CustomRule(customId, CUSTOM_YAML)), NOW));
        assertThat(detect("tenant-a", "vssadmin delete shadows", "backup-srv")).isEmpty();
        assertThat(detect("tenant-a", "vssadmin delete shadows", "fs1")).containsExactly(customId);

        settings.update(new TenantDetectionConfig("tenant-a", Set.of(customId), List.of(),
                List.of(new CustomRule(customId, CUSTOM_YAML)), NOW));
        assertThat(detect("tenant-a", "vssadmin delete shadows", "fs1")).isEmpty();
    }

    @Test
    void aCustomRuleThatDoesNotCompileIsReportedAndTheOthersStillRun() {
        settings.update(new TenantDetectionConfig("tenant-a", Set.of(), List.of(), List.of(
                new CustomRule("broken", "title: x\nlogsource: {product: syslog}\ndetection:\n  sel:\n"
                        + "    message|nope: x\n  condition: sel\n"),
                new CustomRule("4b1d6e61-6f0c-4a8e-9f57-5a0d0b1f2c3d", CUSTOM_YAML)), NOW));
        assertThat(settings.customRuleProblems("tenant-a")).singleElement().asString().contains("nope");
        assertThat(detect("tenant-a", "vssadmin delete shadows", "fs1")).hasSize(1);
    }

    /** A correlation alert has no single event: its exceptions are tested against its key fields (group-by values). */
    @Test
    void aCorrelationAlertIsCheckedAgainstItsGroupByValuesAndTheCorrelationsSwitch() {
        String spray = "710455dd-2139-4412-b06e-b53187cf8bb6";
        Map<String, String> scanner = Map.of("IpAddress", "10.9.9.9", "correlation.distinct.TargetUserName",
                "alice, bob, svc-backup");
        Map<String, String> attacker = Map.of("IpAddress", "203.0.113.9", "correlation.distinct.TargetUserName",
                "alice, bob");
        assertThat(settings.admitsCorrelation("tenant-a", spray, scanner, NOW)).as("no settings").isTrue();

        settings.update(new TenantDetectionConfig("tenant-a", Set.of(), List.of(
                new RuleException("x1", spray, "ipaddress", Operator.EQUALS, "10.9.9.9", null),
                new RuleException("x2", spray, "correlation.distinct.TargetUserName", Operator.CONTAINS, "svc-",
                        NOW.minusSeconds(1)),
                new RuleException("x3", "other-rule", "IpAddress", Operator.EQUALS, "203.0.113.9", null),
                new RuleException("x4", spray, "source.ip", Operator.EQUALS, "203.0.113.9", null)), List.of(), NOW));
        assertThat(settings.admitsCorrelation("tenant-a", spray, scanner, NOW))
                .as("group-by field named case-insensitively").isFalse();
        assertThat(settings.admitsCorrelation("tenant-a", spray, Map.of("IpAddress", "10.9.9.10",
                "correlation.distinct.TargetUserName", "svc-x"), NOW)).as("x2 expired").isTrue();
        assertThat(settings.admitsCorrelation("tenant-a", spray, attacker, NOW))
                .as("x3 is another rule's, x4 names a field the alert does not carry").isTrue();
        assertThat(settings.admitsCorrelation("tenant-b", spray, scanner, NOW)).as("another tenant").isTrue();

        settings.update(new TenantDetectionConfig("tenant-a", Set.of(spray), List.of(), List.of(), NOW));
        assertThat(settings.admitsCorrelation("tenant-a", spray, attacker, NOW)).as("switched off").isFalse();
    }
}
