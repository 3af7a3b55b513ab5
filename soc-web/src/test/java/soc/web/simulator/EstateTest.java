package soc.web.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;

import org.junit.jupiter.api.Test;

class EstateTest {

    @Test
    void theDefaultEstateIsTwentyPublicBodiesAndTwoManufacturersReproducibleFromItsSeed() {
        Estate estate = Estate.generate(42);
        assertThat(estate).isEqualTo(Estate.generate(42));
        assertThat(estate).isNotEqualTo(Estate.generate(43));
        assertThat(estate.organisations()).hasSize(22);
        assertThat(estate.organisations()).filteredOn(Estate.Organisation::ot).hasSize(2)
                .allSatisfy(o -> assertThat(o.kind()).isEqualTo(Estate.Kind.MANUFACTURER));
        assertThat(estate.organisations()).filteredOn(o -> o.kind() == Estate.Kind.FIRE_AND_RESCUE_SERVICE).isNotEmpty();
        assertThat(estate.organisations().get(0).id()).isEqualTo("aberhafren");
        assertThat(estate.organisation("dyffryn-mfg").ot("PLC").ip()).startsWith("10.20.");
        assertThat(new HashSet<>(estate.organisations().stream().map(Estate.Organisation::syslogSender).toList())).hasSize(22);
        assertThat(new HashSet<>(estate.organisations().stream().map(Estate.Organisation::itNetwork).toList())).hasSize(22);
        // office networks stay outside 10.20.*, the OT networks the detection placeholder names
        assertThat(estate.organisations()).allSatisfy(o -> assertThat(o.itNetwork()).doesNotStartWith("10.2").doesNotStartWith("10.3"));
    }

    @Test
    void trafficIsReproducibleAndFollowsTheWorkingDay() {
        Estate estate = Estate.generate(1, 3, 1);
        Instant noon = Instant.parse("2026-12-01T12:00:00Z");
        assertThat(new BackgroundTraffic(estate, 5).next(noon, 50)).isEqualTo(new BackgroundTraffic(estate, 5).next(noon, 50));
        assertThat(BackgroundTraffic.rhythm(noon)).isEqualTo(1.0);
        assertThat(BackgroundTraffic.rhythm(Instant.parse("2026-12-01T03:00:00Z"))).isLessThan(0.5);
        BackgroundTraffic traffic = new BackgroundTraffic(estate, 5);
        int total = 0;
        for (int s = 0; s < 100; s++) {
            total += traffic.countFor(noon, 2.5);
        }
        assertThat(total).isEqualTo(250);
    }

    @Test
    void aMutedSourceGetsNoBackgroundEvents() {
        Estate estate = Estate.generate(1, 1, 0);
        BackgroundTraffic traffic = new BackgroundTraffic(estate, 5);
        traffic.mute(estate.organisations().get(0).id(), SimSource.BRANCH_FIREWALL, true);
        assertThat(traffic.next(Instant.parse("2026-12-01T12:00:00Z"), 300)).hasSize(300)
                .noneMatch(e -> e.source() == SimSource.BRANCH_FIREWALL);
    }
}
