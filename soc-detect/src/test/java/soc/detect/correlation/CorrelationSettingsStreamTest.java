package soc.detect.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import soc.detect.config.TenantRuleSettings;
import soc.detect.sigma.CompiledRule;
import soc.detect.sigma.SigmaEngine;
import soc.events.Alert;
import soc.events.SocEvent;
import soc.events.TenantDetectionConfig;
import soc.events.TenantDetectionConfig.CustomRule;
import soc.events.TenantDetectionConfig.Operator;
import soc.events.TenantDetectionConfig.RuleException;
import soc.infra.TestInfra;

/**
 * With a real Kafka broker, through the Kafka Streams correlation stage: a tenant's exception on the platform's
 * password-spray correlation (its vulnerability scanner's address) suppresses that correlation's own alert, and
 * the tenant's own correlation chained onto the platform's spray ("two sprays from one source within an hour")
 * fires from the stored spray alerts; the suppressed sprays feed no chain, and another tenant is unaffected.
 */
class CorrelationSettingsStreamTest {
    private static final String SPRAY = "710455dd-2139-4412-b06e-b53187cf8bb6";
    private static final String REPEATED_TITLE = "Repeated Password Spray From One Source";

    @Test
    void exceptionsAndChainsOfATenantApplyToCorrelationAlertsInTheStream() throws Exception {
        String bootstrap = TestInfra.kafka().kafkaBootstrapServers();
        CorrelationStreamRestartTest.createTopics(bootstrap);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String tenantA = "sets-a-" + suffix;
        String tenantB = "sets-b-" + suffix;
        TenantRuleSettings settings = new TenantRuleSettings(Map.of());
        settings.update(new TenantDetectionConfig(tenantA, Set.of(), List.of(new RuleException("x1", SPRAY,
                "IpAddress", Operator.EQUALS, "10.9.9.9", null)), List.of(new CustomRule("c1", """
                title: Repeated Password Spray From One Source
                id: 5b0c8e0a-3f1d-4e7b-9a51-6c2d7e8f9a01
                author: Aberhafren IT
                level: critical
                correlation:
                  type: event_count
                  rules: [soc_password_spray_one_source]
                  group-by: [IpAddress]
                  timespan: 1h
                  condition: {gte: 2}
                """)), Instant.now()));
        SigmaEngine platform = CorrelationRuleSetTest.packs();
        TenantCorrelations rules = new TenantCorrelations(CorrelationRuleSet.of(platform, 300_000, 1000), platform,
                settings, 300_000, 1000);
        Instant t0 = Instant.now().minus(Duration.ofMinutes(20));
        List<CorrelationSignal> signals = new ArrayList<>();
        for (String tenant : List.of(tenantA, tenantB)) {
            for (String ip : List.of("203.0.113.99", "10.9.9.9")) {
                for (int i = 0; i < 20; i++) { // twenty accounts from one address: two sprays of ten
                    SocEvent event = CorrelationRuleSetTest.failedLogon(tenant, tenant + "-" + ip + "-" + i,
                            t0.plusSeconds(10L * i), "user" + i, ip);
                    for (CompiledRule rule : platform.match(event)) {
                        signals.addAll(rules.signals(rule, event));
                    }
                }
            }
        }
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CorrelationStream stream = new CorrelationStream(rules, new CorrelationProperties(true,
                "it-settings-" + UUID.randomUUID(), "", Duration.ofMinutes(5), 1000, Duration.ofMillis(200)),
                bootstrap, (short) 1, meters);
        stream.start();
        try {
            CorrelationStreamRestartTest.awaitRunning(stream);
            CorrelationStreamRestartTest.send(bootstrap, signals);
            // every event's two signals (spray, brute force), plus tenant A's two chained spray signals
            CorrelationStreamRestartTest.await(() -> meters.counter("soc.detect.correlation.signals", "verdict",
                    "accepted").count() >= signals.size() + 2, "all signals processed");
            List<Alert> a = CorrelationStreamRestartTest.readAlerts(bootstrap, tenantA, Duration.ofSeconds(3));
            assertThat(a).extracting(Alert::ruleTitle).containsExactlyInAnyOrder(
                    "Password Spray - One Source, Many Accounts", "Password Spray - One Source, Many Accounts",
                    REPEATED_TITLE);
            assertThat(a).allSatisfy(alert -> assertThat(alert.keyFields()).containsEntry("IpAddress",
                    "203.0.113.99"));
            Alert repeated = a.stream().filter(x -> x.ruleTitle().equals(REPEATED_TITLE)).findFirst().orElseThrow();
            assertThat(repeated.eventIds()).as("the two spray alerts").hasSize(2);
            assertThat(meters.counter("soc.detect.correlation.suppressed", "tenant", tenantA, "rule", SPRAY)
                    .count()).as("the scanner's two sprays").isEqualTo(2);

            List<Alert> b = CorrelationStreamRestartTest.readAlerts(bootstrap, tenantB, Duration.ofSeconds(1));
            assertThat(b).extracting(Alert::ruleId).as("tenant B: four sprays, no exception, no chain")
                    .containsExactly(SPRAY, SPRAY, SPRAY, SPRAY);
        } finally {
            stream.stop();
        }
    }
}
