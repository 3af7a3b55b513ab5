package soc.detect.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import soc.detect.sigma.CompiledRule;
import soc.detect.sigma.SigmaEngine;
import soc.events.Alert;
import soc.events.Severity;
import soc.events.SocEvent;

/** The IT pack's password spray and brute force correlations, driven with Windows 4625 events. */
class CorrelationRuleSetTest {
    static SigmaEngine packs() {
        SigmaEngine.Builder b = SigmaEngine.builder();
        soc.detect.stream.TestPacks.builtInPacks().forEach((source, yaml) -> b.addYaml(yaml, source));
        return b.build();
    }

    static SocEvent failedLogon(String tenant, String id, Instant time, String user, String ip) {
        return SocEvent.of(Map.of(SocEvent.EVENT_ID, id, SocEvent.TENANT_ID, tenant,
                SocEvent.TIMESTAMP, time.toString(), "winlog.channel", "Security", "winlog.event_id", 4625,
                "winlog.event_data.Status", "0xC000006D", "winlog.event_data.SubStatus", "0xC000006A",
                "winlog.event_data.TargetUserName", user, "winlog.event_data.TargetDomainName", "COUNCIL",
                "winlog.event_data.IpAddress", ip));
    }

    /** Runs every event through engine + correlations (state per key in a map, as the store would). */
    static List<Alert> correlate(SigmaEngine engine, CorrelationRuleSet set, List<SocEvent> events) {
        Map<String, CorrelationWindow.State> store = new java.util.HashMap<>();
        List<Alert> alerts = new ArrayList<>();
        for (SocEvent event : events) {
            for (CompiledRule rule : engine.match(event)) {
                for (CorrelationSignal s : set.signals(rule, event)) {
                    CorrelationRuleSet.Correlation c = set.correlation(s.correlation());
                    CorrelationWindow.Outcome o = c.window().offer(store.get(s.stateKey()),
                            new CorrelationWindow.Entry(s.time(), s.eventId(), s.rule(), s.value(), false));
                    store.put(s.stateKey(), o.state());
                    if (o.match() != null) {
                        alerts.add(set.alert(c, s, o.match(), Instant.now()));
                    }
                }
            }
        }
        return alerts;
    }

    @Test
    void tenUsersFromOneAddressAreOnePasswordSpray() {
        SigmaEngine engine = packs();
        CorrelationRuleSet set = CorrelationRuleSet.of(engine, 300_000, 1000);
        assertThat(set.rejected()).isEmpty();
        assertThat(set.correlations()).extracting(c -> c.rule().type()).contains("event_count", "value_count");
        Instant t0 = Instant.parse("2026-11-30T10:00:00Z");
        List<SocEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(failedLogon("council-a", "ev-" + i, t0.plusSeconds(20 * i), "user" + i, "203.0.113.7"));
        }
        // the same spray against another tenant stays that tenant's: 9 users only
        for (int i = 0; i < 9; i++) {
            events.add(failedLogon("council-b", "evb-" + i, t0.plusSeconds(20 * i), "user" + i, "203.0.113.7"));
        }
        List<Alert> alerts = correlate(engine, set, events);
        assertThat(alerts).hasSize(1);
        Alert spray = alerts.get(0);
        assertThat(spray.ruleTitle()).isEqualTo("Password Spray - One Source, Many Accounts");
        assertThat(spray.ruleAuthor()).isEqualTo("SOC platform team");
        assertThat(spray.techniques()).containsExactly("T1110.003");
        assertThat(spray.severity()).isEqualTo(Severity.HIGH);
        assertThat(spray.tenantId()).isEqualTo("council-a");
        assertThat(spray.eventIds()).hasSize(10).contains("ev-0", "ev-9");
        assertThat(spray.keyFields()).containsEntry("IpAddress", "203.0.113.7")
                .containsEntry("correlation.value", "10");
        assertThat(spray.fingerprint()).isEqualTo(correlate(engine, set, events).get(0).fingerprint());
    }

    @Test
    void tenFailuresForOneAccountAreBruteForce() {
        SigmaEngine engine = packs();
        CorrelationRuleSet set = CorrelationRuleSet.of(engine, 300_000, 1000);
        Instant t0 = Instant.parse("2026-11-30T10:00:00Z");
        List<SocEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(failedLogon("council-a", "ev-" + i, t0.plusSeconds(30 * i), "jsmith", "198.51.100." + i));
        }
        List<Alert> alerts = correlate(engine, set, events);
        assertThat(alerts).extracting(Alert::ruleTitle).containsExactly("Brute Force - Many Failed Logons For One Account");
        assertThat(alerts.get(0).keyFields()).containsEntry("TargetUserName", "jsmith");
        // base rule keeps alerting on its own (generate: true)
        assertThat(set.standalone(engine.match(events.get(0)).get(0))).isTrue();
    }

    @Test
    void generateFalseSuppressesTheBaseRulesOwnAlerts() {
        SigmaEngine engine = SigmaEngine.builder().addYaml("""
                title: Base
                name: base
                logsource: {product: windows, service: security}
                detection: {sel: {EventID: 1}, condition: sel}
                ---
                title: Corr
                correlation: {type: event_count, rules: [base], group-by: [Computer], timespan: 1m, condition: {gte: 2}}
                """, "t.yml").build();
        CorrelationRuleSet set = CorrelationRuleSet.of(engine, 0, 10);
        assertThat(set.standalone(engine.rules().get(0))).isFalse();
    }
}
