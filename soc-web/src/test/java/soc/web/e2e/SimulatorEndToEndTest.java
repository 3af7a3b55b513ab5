package soc.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import soc.tenants.users.Role;
import soc.web.simulator.Estate;
import soc.web.simulator.Scenario;
import soc.web.simulator.Scorer;
import soc.web.simulator.Simulator;

/**
 * A small simulated estate on the whole platform: an IT scenario (ransomware precursor, injected from the Simulator
 * page by a SOC lead) and an OT scenario (PLC stop from an IT workstation) go through ingest and detection, and the
 * scorer finds every expected alert of both.
 */
class SimulatorEndToEndTest {
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void injectedItAndOtScenariosAreDetectedAndScoredWithFullRecall() throws Exception {
        Simulator simulator = platform.webBean(Simulator.class);
        simulator.useIngest(platform.ingestUrl());
        String prefix = "sim" + UUID.randomUUID().toString().substring(0, 6) + "-";
        Estate estate = Estate.generate(9, 1, 1, prefix, 100 + (int) (Math.random() * 100));
        Estate.Organisation council = estate.organisations().get(0);
        Estate.Organisation maker = estate.organisations().get(1);
        assertThat(maker.ot()).isTrue();
        simulator.provision("test", estate.organisations());
        simulator.provision("test", estate.organisations()); // idempotent: a restart registers nothing twice

        String lead = "simlead-" + UUID.randomUUID().toString().substring(0, 6);
        platform.newUser(lead, Role.SOC_LEAD, null);
        WebSession session = WebSession.signIn(platform.webUrl(), lead, RunningPlatform.PASSWORD);
        assertThat(session.get("/simulator").body()).contains("Ransomware precursor chain").contains(council.id());
        assertThat(session.post("/simulator/runs", Map.of("scenario", Scenario.RANSOMWARE_PRECURSOR.id(),
                "tenant", council.id())).statusCode()).isEqualTo(302);
        simulator.inject("test", Scenario.PLC_STOP_FROM_IT, maker.id());

        Scorer.Score score = Await.until(() -> simulator.score(Duration.ofMinutes(30)),
                s -> s.runs().stream().filter(r -> r.run().tenantId().startsWith(prefix)).count() == 2
                        && s.runs().stream().filter(r -> r.run().tenantId().startsWith(prefix))
                        .allMatch(r -> r.requiredProduced() == r.requiredExpected()), "both scenarios detected");

        for (String tenant : new String[] {council.id(), maker.id()}) {
            Scorer.Row row = score.tenants().stream().filter(r -> r.name().equals(tenant)).findFirst().orElseThrow();
            assertThat(row.recall()).as(tenant).isEqualTo(1.0);
            assertThat(row.precision()).as(tenant).isEqualTo(1.0);
            assertThat(row.p50Millis()).as(tenant).isNotNull().isLessThan(90_000L);
        }
        Scorer.RunScore plcStop = score.runs().stream().filter(r -> r.run().tenantId().equals(maker.id())).findFirst()
                .orElseThrow();
        assertThat(plcStop.expected()).allSatisfy(e -> assertThat(e.produced()).as(e.title()).isPositive());
        assertThat(plcStop.run().scenario()).isEqualTo("plc-stop-from-it");

        String page = session.get("/simulator").body();
        assertThat(page).contains("Siemens S7 PLC Stop or Control Request").contains("Volume Shadow Copies Deleted")
                .contains("Detected");

        String tenantAnalyst = "simta-" + UUID.randomUUID().toString().substring(0, 6);
        platform.newUser(tenantAnalyst, Role.TENANT_ANALYST, council.id());
        WebSession tenantSession = WebSession.signIn(platform.webUrl(), tenantAnalyst, RunningPlatform.PASSWORD);
        assertThat(tenantSession.get("/simulator").statusCode()).isEqualTo(403);
        assertThat(tenantSession.get("/api/v1/simulator/score").statusCode()).isEqualTo(403);
    }
}
