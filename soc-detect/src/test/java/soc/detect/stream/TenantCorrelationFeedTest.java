package soc.detect.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import soc.detect.config.TenantRuleSettings;
import soc.detect.correlation.CorrelationRuleSet;
import soc.detect.correlation.CorrelationSignal;
import soc.detect.correlation.CorrelationSignals;
import soc.detect.correlation.CorrelationWindow;
import soc.detect.correlation.TenantCorrelations;
import soc.detect.sigma.SigmaEngine;
import soc.events.Alert;
import soc.events.SocEvent;
import soc.events.TenantDetectionConfig;
import soc.events.TenantDetectionConfig.CustomRule;
import soc.events.TenantDetectionConfig.Operator;
import soc.events.TenantDetectionConfig.RuleException;

/**
 * The tenant's settings apply before correlation: what the detection worker does per event
 * ({@link DetectionWorker#sigmaMatches}, {@link DetectionWorker#customMatches}), with the signals it would send run
 * through the correlation windows as {@code CorrelationProcessor} does (state per key in a map instead of the store).
 */
class TenantCorrelationFeedTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final String FAILED_LOGON = "24df2b18-1548-42ec-bc3d-89d05139b543";
    private static final String SPRAY = "710455dd-2139-4412-b06e-b53187cf8bb6";
    private static final String SPRAY_TITLE = "Password Spray - One Source, Many Accounts";

    private static final SigmaEngine ENGINE = engine();

    private final TenantRuleSettings settings = new TenantRuleSettings(Map.of());
    private final TenantCorrelations correlations = new TenantCorrelations(
            CorrelationRuleSet.of(ENGINE, 300_000, 1000), ENGINE, settings, 300_000, 1000);
    private final CorrelationSignals signals = new CorrelationSignals(correlations, null);
    private final Map<String, CorrelationWindow.State> store = new HashMap<>();

    private static SigmaEngine engine() {
        SigmaEngine.Builder b = SigmaEngine.builder();
        SigmaRulesConfiguration.builtInPacks().forEach((source, yaml) -> b.addYaml(yaml, source));
        return b.build();
    }

    private static SocEvent failedLogon(String tenant, int i, String user, String ip) {
        return SocEvent.of(Map.of(SocEvent.EVENT_ID, tenant + "-" + i, SocEvent.TENANT_ID, tenant,
                SocEvent.TIMESTAMP, T0.plusSeconds(10L * i).toString(), "winlog.channel", "Security",
                "winlog.event_id", 4625, "winlog.event_data.Status", "0xC000006D",
                "winlog.event_data.SubStatus", "0xC000006A", "winlog.event_data.TargetUserName", user,
                "winlog.event_data.TargetDomainName", "COUNCIL", "winlog.event_data.IpAddress", ip));
    }

    private static SocEvent vpnFailure(String tenant, int i, String ip) {
        return SocEvent.of(Map.of(SocEvent.EVENT_ID, tenant + "-vpn-" + i, SocEvent.TENANT_ID, tenant,
                SocEvent.TIMESTAMP, T0.plusSeconds(5L * i).toString(), SocEvent.DATASET, "syslog",
                SocEvent.MESSAGE, "openvpn: AUTH_FAILED for user bob", "source.ip", ip));
    }

    /** Spray: ten accounts from one address. */
    private static List<SocEvent> spray(String tenant, String ip) {
        List<SocEvent> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            out.add(failedLogon(tenant, i, "user" + i, ip));
        }
        return out;
    }

    /** Result of running events through the worker's per-event path and the correlation windows. */
    private record Run(List<Alert> ruleAlerts, List<CorrelationSignal> signals, List<Alert> correlationAlerts) {
        List<String> correlationTitles() {
            return correlationAlerts.stream().map(Alert::ruleTitle).toList();
        }
    }

    private Run detect(List<SocEvent> events) {
        List<Alert> alerts = new ArrayList<>();
        List<CorrelationSignal> sent = new ArrayList<>();
        List<Alert> correlated = new ArrayList<>();
        for (SocEvent event : events) {
            CorrelationSignals.Batch batch = signals.batch();
            DetectionWorker.sigmaMatches(ENGINE, settings, batch, event, T0, alerts);
            DetectionWorker.customMatches(settings, batch, event, T0, alerts);
            for (CorrelationSignal s : batch.pending()) {
                sent.add(s);
                CorrelationRuleSet.Correlation c = correlations.correlation(s.tenantId(), s.correlation());
                CorrelationWindow.Outcome o = c.window().offer(store.get(s.stateKey()),
                        new CorrelationWindow.Entry(s.time(), s.eventId(), s.rule(), s.value(), false));
                store.put(s.stateKey(), o.state());
                if (o.match() != null) {
                    CorrelationRuleSet owner = correlations.custom(s.tenantId()) != null
                            && correlations.custom(s.tenantId()).correlation(c.key()) != null
                            ? correlations.custom(s.tenantId()) : correlations.platform();
                    correlated.add(owner.alert(c, s, o.match(), T0));
                }
            }
        }
        return new Run(alerts, sent, correlated);
    }

    @Test
    void aRuleSwitchedOffForATenantFeedsNoneOfItsCorrelations() {
        settings.update(new TenantDetectionConfig("tenant-a", Set.of(FAILED_LOGON), List.of(), List.of(), T0));
        Run a = detect(spray("tenant-a", "203.0.113.99"));
        assertThat(a.ruleAlerts()).isEmpty();
        assertThat(a.signals()).as("no correlation window of tenant-a sees the switched-off rule").isEmpty();
        assertThat(a.correlationAlerts()).isEmpty();
        // the same events at another tenant: the precursor alerts (generate: true) and the spray fires
        Run b = detect(spray("tenant-b", "203.0.113.99"));
        assertThat(b.ruleAlerts()).hasSize(10).allSatisfy(x -> assertThat(x.ruleId()).isEqualTo(FAILED_LOGON));
        assertThat(b.correlationTitles()).containsExactly(SPRAY_TITLE);
    }

    @Test
    void anExceptionAppliesBeforeCorrelation() {
        // the vulnerability scanner's address is excepted from the failed-logon rule
        settings.update(new TenantDetectionConfig("tenant-a", Set.of(), List.of(new RuleException("x1", FAILED_LOGON,
                "winlog.event_data.IpAddress", Operator.EQUALS, "10.9.9.9", null)), List.of(), T0));
        Run scanner = detect(spray("tenant-a", "10.9.9.9"));
        assertThat(scanner.ruleAlerts()).isEmpty();
        assertThat(scanner.signals()).isEmpty();
        assertThat(scanner.correlationAlerts()).isEmpty();
        Run attacker = detect(spray("tenant-a", "203.0.113.99"));
        assertThat(attacker.correlationTitles()).containsExactly(SPRAY_TITLE);
    }

    @Test
    void aCorrelationSwitchedOffForATenantReceivesNoSignals() {
        settings.update(new TenantDetectionConfig("tenant-a", Set.of(SPRAY), List.of(), List.of(), T0));
        Run a = detect(spray("tenant-a", "203.0.113.99"));
        assertThat(a.ruleAlerts()).hasSize(10);
        assertThat(a.signals()).extracting(CorrelationSignal::correlation).isNotEmpty().doesNotContain(SPRAY);
        assertThat(a.correlationAlerts()).isEmpty();
    }

    @Test
    void aTenantsCustomCorrelationCountsItsCustomRule() {
        settings.update(new TenantDetectionConfig("tenant-a", Set.of(), List.of(), List.of(new CustomRule("c1", """
                title: VPN Authentication Failure
                id: 3f0e1c55-8d1b-4a55-9b1e-2b7f8d0c6a01
                name: tenant_vpn_auth_failed
                author: Aberhafren IT
                level: low
                logsource: {product: syslog}
                detection:
                  selection:
                    message|contains: AUTH_FAILED
                  condition: selection
                ---
                title: VPN Brute Force From One Address
                id: 3f0e1c55-8d1b-4a55-9b1e-2b7f8d0c6a02
                author: Aberhafren IT
                level: high
                tags: [attack.credential-access, attack.t1110]
                correlation:
                  type: event_count
                  rules: [tenant_vpn_auth_failed]
                  group-by: [source.ip]
                  timespan: 5m
                  condition: {gte: 3}
                """)), T0));
        Run a = detect(List.of(vpnFailure("tenant-a", 0, "198.51.100.7"), vpnFailure("tenant-a", 1, "198.51.100.7"),
                vpnFailure("tenant-a", 2, "198.51.100.7")));
        assertThat(a.correlationTitles()).containsExactly("VPN Brute Force From One Address");
        Alert alert = a.correlationAlerts().get(0);
        assertThat(alert.tenantId()).isEqualTo("tenant-a");
        assertThat(alert.ruleAuthor()).isEqualTo("Aberhafren IT");
        assertThat(alert.eventIds()).hasSize(3);
        assertThat(alert.keyFields()).containsEntry("source.ip", "198.51.100.7");
        assertThat(a.ruleAlerts()).as("generate defaults to false: only the correlation alerts").isEmpty();
        // another tenant's identical events: neither its custom rule nor its correlation exist there
        Run b = detect(List.of(vpnFailure("tenant-b", 0, "198.51.100.7"), vpnFailure("tenant-b", 1, "198.51.100.7"),
                vpnFailure("tenant-b", 2, "198.51.100.7")));
        assertThat(b.signals()).isEmpty();
        assertThat(b.correlationAlerts()).isEmpty();
    }

    @Test
    void aTenantsCustomCorrelationCanReferenceAPlatformRule() {
        settings.update(new TenantDetectionConfig("tenant-a", Set.of(), List.of(), List.of(new CustomRule("c2", """
                title: Three Failed Logons From The Kiosk Range
                id: 9a4d2b61-7e3f-4d8a-b6c2-1f0e9d8c7b01
                author: Aberhafren IT
                level: medium
                correlation:
                  type: value_count
                  rules: [soc_failed_logon_bad_credentials]
                  group-by: [IpAddress]
                  timespan: 10m
                  condition: {field: TargetUserName, gte: 3}
                  generate: true
                """)), T0));
        Run a = detect(List.of(failedLogon("tenant-a", 0, "u0", "10.1.1.1"), failedLogon("tenant-a", 1, "u1", "10.1.1.1"),
                failedLogon("tenant-a", 2, "u2", "10.1.1.1")));
        assertThat(a.correlationTitles()).containsExactly("Three Failed Logons From The Kiosk Range");
        assertThat(a.correlationAlerts().get(0).keyFields()).containsEntry("IpAddress", "10.1.1.1");
        assertThat(a.ruleAlerts()).as("the platform rule still alerts (generate: true)").hasSize(3);
        Run b = detect(List.of(failedLogon("tenant-b", 0, "u0", "10.1.1.1"), failedLogon("tenant-b", 1, "u1", "10.1.1.1"),
                failedLogon("tenant-b", 2, "u2", "10.1.1.1")));
        assertThat(b.correlationAlerts()).as("the custom correlation is tenant-a's only").isEmpty();
    }
}
