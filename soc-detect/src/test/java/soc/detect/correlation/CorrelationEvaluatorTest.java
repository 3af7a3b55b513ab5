package soc.detect.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import soc.detect.config.TenantRuleSettings;
import soc.detect.sigma.CompiledRule;
import soc.detect.sigma.SigmaEngine;
import soc.events.Alert;
import soc.events.SocEvent;
import soc.events.TenantDetectionConfig;
import soc.events.TenantDetectionConfig.CustomRule;
import soc.events.TenantDetectionConfig.Operator;
import soc.events.TenantDetectionConfig.RuleException;

/**
 * The correlation stage's decisions on the correlation rule's OWN alert, as {@link CorrelationProcessor} makes
 * them ({@link CorrelationEvaluator} against a map instead of the Kafka Streams store): the tenant's exceptions and
 * switches for the correlation rule, and chains from a platform correlation onto the platform's and a tenant's own
 * correlations. Signals are made from events as the detection worker makes them ({@link TenantCorrelations#signals}).
 */
class CorrelationEvaluatorTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final Instant NOW = T0.plus(Duration.ofHours(1));
    private static final String SPRAY = "710455dd-2139-4412-b06e-b53187cf8bb6";
    private static final String SPRAY_TITLE = "Password Spray - One Source, Many Accounts";
    private static final String REPEATED = "5b0c8e0a-3f1d-4e7b-9a51-6c2d7e8f9a01";
    private static final String REPEATED_TITLE = "Repeated Password Spray From One Source";
    private static final String REPEATED_YAML = """
            title: Repeated Password Spray From One Source
            id: 5b0c8e0a-3f1d-4e7b-9a51-6c2d7e8f9a01
            author: Aberhafren IT
            level: critical
            tags: [attack.credential-access, attack.t1110.003]
            correlation:
              type: event_count
              rules: [soc_password_spray_one_source]
              group-by: [IpAddress]
              timespan: 1h
              condition: {gte: 2}
            """;

    private static final SigmaEngine PACKS = CorrelationRuleSetTest.packs();

    private final TenantRuleSettings settings = new TenantRuleSettings(Map.of());
    private final TenantCorrelations correlations = new TenantCorrelations(
            CorrelationRuleSet.of(PACKS, 300_000, 1000), PACKS, settings, 300_000, 1000);
    private final CorrelationEvaluator evaluator = new CorrelationEvaluator(correlations);
    private final Map<String, String> state = new HashMap<>();
    private final CorrelationEvaluator.Store store = new CorrelationEvaluator.Store() {
        @Override
        public String get(String key) {
            return state.get(key);
        }

        @Override
        public void put(String key, String value) {
            state.put(key, value);
        }
    };

    /** Failed logons of {@code count} different accounts (numbered from {@code from}) from one address. */
    private static List<SocEvent> spray(String tenant, String ip, int from, int count) {
        List<SocEvent> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            out.add(CorrelationRuleSetTest.failedLogon(tenant, tenant + "-" + ip + "-" + i, T0.plusSeconds(10L * i),
                    "user" + i, ip));
        }
        return out;
    }

    private List<CorrelationSignal> signals(SigmaEngine engine, List<SocEvent> events) {
        List<CorrelationSignal> out = new ArrayList<>();
        for (SocEvent event : events) {
            for (CompiledRule rule : engine.match(event)) {
                out.addAll(correlations.signals(rule, event));
            }
        }
        return out;
    }

    private record Run(List<Alert> fired, List<Alert> suppressed) {
        List<String> firedTitles() {
            return fired.stream().map(Alert::ruleTitle).toList();
        }
    }

    private Run evaluate(List<CorrelationSignal> signals) {
        List<Alert> fired = new ArrayList<>();
        List<Alert> suppressed = new ArrayList<>();
        for (CorrelationSignal s : signals) {
            CorrelationEvaluator.Result r = evaluator.evaluate(s, store, NOW);
            r.fired().forEach(f -> fired.add(f.alert()));
            suppressed.addAll(r.suppressed());
        }
        return new Run(fired, suppressed);
    }

    private Run run(List<SocEvent> events) {
        return evaluate(signals(PACKS, events));
    }

    private void configure(String tenant, Set<String> disabled, List<RuleException> exceptions,
                           List<CustomRule> custom) {
        settings.update(new TenantDetectionConfig(tenant, disabled, exceptions, custom, T0));
    }

    @Test
    void anExceptionOnTheCorrelationRuleSuppressesItsAlertForTheExceptedGroupOnly() {
        // the vulnerability scanner sprays on purpose: excepted from the spray correlation (not from the base rule)
        configure("tenant-a", Set.of(), List.of(new RuleException("x1", SPRAY, "IpAddress", Operator.EQUALS,
                "10.9.9.9", null)), List.of());
        Run scanner = run(spray("tenant-a", "10.9.9.9", 0, 10));
        assertThat(scanner.fired()).isEmpty();
        assertThat(scanner.suppressed()).extracting(Alert::ruleTitle).containsExactly(SPRAY_TITLE);
        assertThat(scanner.suppressed().get(0).keyFields()).containsEntry("IpAddress", "10.9.9.9");
        // the scanner's further attempts do not re-raise the suppressed match with every event
        assertThat(run(spray("tenant-a", "10.9.9.9", 10, 1)).suppressed()).isEmpty();

        assertThat(run(spray("tenant-a", "203.0.113.99", 0, 10)).firedTitles())
                .as("another source of the same tenant").containsExactly(SPRAY_TITLE);
        assertThat(run(spray("tenant-b", "10.9.9.9", 0, 10)).firedTitles())
                .as("the same source at another tenant").containsExactly(SPRAY_TITLE);
    }

    @Test
    void anExceptionCanTestTheCorrelationsDistinctValuesAndExpires() {
        // "contains" on the distinct accounts: a spray that includes the training account is the phishing exercise
        configure("tenant-a", Set.of(), List.of(
                new RuleException("x1", SPRAY, "correlation.distinct.TargetUserName", Operator.CONTAINS, "user3",
                        null),
                new RuleException("x2", SPRAY, "ipaddress", Operator.EQUALS, "198.51.100.1", T0)), List.of());
        assertThat(run(spray("tenant-a", "203.0.113.99", 0, 10)).suppressed()).hasSize(1);
        assertThat(run(spray("tenant-a", "203.0.113.99", 10, 10)).firedTitles())
                .as("user10..user19 do not contain user3").containsExactly(SPRAY_TITLE);
        assertThat(run(spray("tenant-a", "198.51.100.1", 20, 10)).firedTitles())
                .as("the exception on that address expired before now").containsExactly(SPRAY_TITLE);
    }

    @Test
    void aCorrelationSwitchedOffAfterItsSignalsWereSentRaisesNothing() {
        List<CorrelationSignal> pending = signals(PACKS, spray("tenant-a", "203.0.113.99", 0, 10));
        assertThat(pending).extracting(CorrelationSignal::correlation).contains(SPRAY);
        configure("tenant-a", Set.of(SPRAY), List.of(), List.of());
        Run a = evaluate(pending);
        assertThat(a.fired()).isEmpty();
        assertThat(a.suppressed()).extracting(Alert::ruleId).containsExactly(SPRAY);
    }

    @Test
    void aTenantsOwnCorrelationChainsOntoAPlatformCorrelation() {
        configure("tenant-a", Set.of(), List.of(), List.of(new CustomRule("c1", REPEATED_YAML)));
        assertThat(correlations.custom("tenant-a").rejected()).isEmpty();
        Run first = run(spray("tenant-a", "203.0.113.99", 0, 10));
        assertThat(first.firedTitles()).containsExactly(SPRAY_TITLE);
        Run second = run(spray("tenant-a", "203.0.113.99", 10, 10));
        assertThat(second.firedTitles()).containsExactly(SPRAY_TITLE, REPEATED_TITLE);
        Alert repeated = second.fired().get(1);
        assertThat(repeated.tenantId()).isEqualTo("tenant-a");
        assertThat(repeated.ruleId()).isEqualTo(REPEATED);
        assertThat(repeated.ruleAuthor()).isEqualTo("Aberhafren IT");
        assertThat(repeated.keyFields()).containsEntry("IpAddress", "203.0.113.99")
                .containsEntry("correlation.events", "2");
        assertThat(repeated.eventIds()).as("the contributing items are the two spray alerts")
                .containsExactly(first.fired().get(0).alertId(), second.fired().get(0).alertId());

        // another tenant: the platform spray fires twice, the tenant-a correlation does not exist there
        run(spray("tenant-b", "203.0.113.99", 0, 10));
        assertThat(run(spray("tenant-b", "203.0.113.99", 10, 10)).firedTitles()).containsExactly(SPRAY_TITLE);
    }

    @Test
    void aSuppressedOrSwitchedOffPlatformCorrelationFeedsNoChain() {
        configure("tenant-a", Set.of(), List.of(new RuleException("x1", SPRAY, "IpAddress", Operator.EQUALS,
                "10.9.9.9", null)), List.of(new CustomRule("c1", REPEATED_YAML)));
        Run scanner = run(spray("tenant-a", "10.9.9.9", 0, 30));
        assertThat(scanner.fired()).isEmpty();
        assertThat(scanner.suppressed()).extracting(Alert::ruleId).containsExactly(SPRAY, SPRAY, SPRAY);

        configure("tenant-a", Set.of(REPEATED), List.of(), List.of(new CustomRule("c1", REPEATED_YAML)));
        run(spray("tenant-a", "203.0.113.99", 0, 10));
        assertThat(run(spray("tenant-a", "203.0.113.99", 10, 10)).firedTitles())
                .as("the tenant switched its own chained correlation off").containsExactly(SPRAY_TITLE);
    }

    @Test
    void aPlatformCorrelationChainsOntoAPlatformCorrelation() {
        SigmaEngine engine = SigmaEngine.builder().addYaml("""
                title: Account Locked Out
                name: lockout
                logsource: {product: windows, service: security}
                detection: {sel: {EventID: 4740}, condition: sel}
                ---
                title: Lockouts On One Host
                id: 1c7e3a10-0000-4000-8000-000000000001
                name: lockouts_on_host
                level: medium
                correlation: {type: event_count, rules: [lockout], group-by: [Computer], timespan: 10m,
                              condition: {gte: 2}}
                ---
                title: Lockout Storm On One Host
                id: 1c7e3a10-0000-4000-8000-000000000002
                level: high
                correlation: {type: event_count, rules: [lockouts_on_host], group-by: [Computer], timespan: 1h,
                              condition: {gte: 2}}
                """, "chain.yml").build();
        TenantCorrelations platformOnly = new TenantCorrelations(CorrelationRuleSet.of(engine, 0, 100), engine,
                settings, 0, 100);
        assertThat(platformOnly.platform().rejected()).isEmpty();
        CorrelationEvaluator chain = new CorrelationEvaluator(platformOnly);
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SocEvent event = SocEvent.of(Map.of(SocEvent.EVENT_ID, "l" + i, SocEvent.TENANT_ID, "tenant-a",
                    SocEvent.TIMESTAMP, T0.plusSeconds(60L * i).toString(), "winlog.channel", "Security",
                    "winlog.event_id", 4740, "winlog.computer_name", "WS-1"));
            for (CompiledRule rule : engine.match(event)) {
                for (CorrelationSignal s : platformOnly.signals(rule, event)) {
                    chain.evaluate(s, store, NOW).fired().forEach(f -> titles.add(f.alert().ruleTitle()));
                }
            }
        }
        assertThat(titles).containsExactly("Lockouts On One Host", "Lockouts On One Host", "Lockout Storm On One Host");
    }
}
