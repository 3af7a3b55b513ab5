package soc.web.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import soc.web.simulator.ScenarioPlan.MatchOn;
import soc.web.simulator.Scorer.ProducedAlert;
import soc.web.simulator.Scorer.RunTruth;

class ScorerTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final ExpectedAlert SHADOW = ExpectedAlert.required("shadow", "Volume Shadow Copies Deleted");
    private static final ExpectedAlert RECON = ExpectedAlert.optional("recon", "Nltest");
    private static final ExpectedAlert STOP = ExpectedAlert.required("stop", "PLC stop");
    private static final ExpectedAlert CROSSING = ExpectedAlert.required("crossing", "IT to OT");

    private static RunTruth run(String tenant, String scenario, Instant from, Instant to, ExpectedAlert... expected) {
        return new RunTruth(UUID.randomUUID(), tenant, scenario, from.minusMillis(200), MatchOn.EVENT_TIME, from, to, from,
                List.of(expected));
    }

    private static ProducedAlert alert(String tenant, String rule, Instant eventTime, long latencyMillis) {
        Instant received = eventTime.plusMillis(latencyMillis);
        return new ProducedAlert(tenant, rule, rule, eventTime, received.minusMillis(5), received);
    }

    @Test
    void recallPrecisionAndLatencyPerScenarioAndTenant() {
        RunTruth ransomware = run("a", "ransomware", T0, T0.plusSeconds(3), SHADOW, RECON);
        RunTruth plcStop = run("m", "plc-stop", T0.plusSeconds(60), T0.plusSeconds(61), STOP, CROSSING);
        List<ProducedAlert> alerts = List.of(
                alert("a", "shadow", T0.plusSeconds(2), 1000),
                alert("a", "shadow", T0.plusSeconds(3), 3000),
                alert("a", "recon", T0.plusSeconds(1), 2000),
                alert("a", "unrelated", T0.plusSeconds(1), 500),      // fires on the scenario's events, not expected
                alert("a", "noise", T0.plusSeconds(30), 100),         // background false alarm of tenant a
                alert("m", "crossing", T0.plusSeconds(60), 4000),     // the PLC stop itself was missed
                alert("b", "shadow", T0.plusSeconds(2), 100));        // another tenant: not this run's
        Scorer.Score score = Scorer.score(List.of(ransomware, plcStop), alerts, T0.plus(Duration.ofHours(1)));

        Scorer.Row r = score.scenarios().stream().filter(x -> x.name().equals("ransomware")).findFirst().orElseThrow();
        assertThat(r.recall()).isEqualTo(1.0);
        assertThat(r.truePositives()).isEqualTo(3);
        assertThat(r.falsePositives()).isEqualTo(1);
        assertThat(r.precision()).isEqualTo(0.75);
        assertThat(r.p50Millis()).isEqualTo(2000);
        assertThat(r.p99Millis()).isEqualTo(3000);

        Scorer.Row p = score.scenarios().stream().filter(x -> x.name().equals("plc-stop")).findFirst().orElseThrow();
        assertThat(p.expected()).isEqualTo(2);
        assertThat(p.found()).isEqualTo(1);
        assertThat(p.recall()).isEqualTo(0.5);
        assertThat(p.precision()).isEqualTo(1.0);

        Scorer.Row tenantA = score.tenants().stream().filter(x -> x.name().equals("a")).findFirst().orElseThrow();
        assertThat(tenantA.falsePositives()).isEqualTo(2); // the unexpected rule and the background false alarm
        assertThat(tenantA.precision()).isEqualTo(0.6);

        assertThat(score.total().recall()).isEqualTo(2.0 / 3);
        assertThat(score.total().runs()).isEqualTo(2);
        assertThat(ScoreTable.render(score)).contains("ransomware").contains("0.75").contains("2000 ms").contains("total");
    }

    @Test
    void aRunStillWithinItsWindowIsPendingNotMissed() {
        RunTruth fresh = run("a", "ransomware", T0, T0.plusSeconds(3), SHADOW);
        Scorer.Score early = Scorer.score(List.of(fresh), List.of(), T0.plusSeconds(10));
        assertThat(early.total().pending()).isEqualTo(1);
        assertThat(early.total().recall()).isNull();
        Scorer.Score late = Scorer.score(List.of(fresh), List.of(), T0.plusSeconds(600));
        assertThat(late.total().pending()).isZero();
        assertThat(late.total().recall()).isEqualTo(0.0);
    }

    @Test
    void silenceIsMatchedOnDetectionTimeAndTimedFromWhenItBecameDetectable() {
        Instant reference = T0.plus(Duration.ofMinutes(5));
        RunTruth silent = new RunTruth(UUID.randomUUID(), "a", "silent-source", T0, MatchOn.DETECTED_AT, T0,
                reference.plus(Duration.ofMinutes(10)), reference,
                List.of(ExpectedAlert.required("soc-silent-source", "Silent data source")));
        // the alert's event time is the source's last event, long before; it was detected 70 s after the threshold
        ProducedAlert alert = new ProducedAlert("a", "soc-silent-source", "Silent data source", T0.minusSeconds(20),
                reference.plusSeconds(70), reference.plusSeconds(71));
        ProducedAlert other = alert("a", "something-else", reference, 10);
        Scorer.Score score = Scorer.score(List.of(silent), List.of(alert, other), reference.plus(Duration.ofMinutes(30)));
        assertThat(score.total().recall()).isEqualTo(1.0);
        assertThat(score.runs().get(0).unexpected()).isEmpty();
        assertThat(score.total().p50Millis()).isEqualTo(71_000);
    }

    @Test
    void percentilesAreNearestRank() {
        assertThat(Scorer.percentile(List.of(), 50)).isNull();
        assertThat(Scorer.percentile(List.of(10L, 20L, 30L, 40L), 50)).isEqualTo(20);
        assertThat(Scorer.percentile(List.of(10L, 20L, 30L, 40L), 99)).isEqualTo(40);
    }
}
