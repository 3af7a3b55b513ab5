package soc.web.posture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class PeerBenchmarkTest {

    @Test
    void comparesWithTheMedianOfThreeOrMorePeers() {
        PeerBenchmark.Comparison comparison = PeerBenchmark.compare("score", 70, List.of(40, 90, 60, 50));

        assertThat(comparison.enoughPeers()).isTrue();
        assertThat(comparison.median()).isEqualTo(55.0);
        assertThat(comparison.peers()).isEqualTo(4);
        assertThat(comparison.difference()).isEqualTo(15.0);
    }

    @Test
    void withFewerThanThreePeersGivesNoFigureAtAll() {
        // with two peers a "median" would be their average, with one it would be that peer's own figure
        for (List<Integer> peers : List.of(List.<Integer>of(), List.of(83), List.of(83, 41))) {
            PeerBenchmark.Comparison comparison = PeerBenchmark.compare("score", 70, peers);

            assertThat(comparison.enoughPeers()).isFalse();
            assertThat(comparison.median()).isNull();
            assertThat(comparison.toString()).doesNotContain("83").doesNotContain("41");
        }
    }

    @Test
    void peersWithoutTheFigureDoNotCount() {
        PeerBenchmark.Comparison comparison = PeerBenchmark.compare("sla", 90, Arrays.asList(null, 80, null, 70));

        assertThat(comparison.enoughPeers()).isFalse();
        assertThat(comparison.peers()).isEqualTo(2);
    }

    @Test
    void theComparisonCarriesOnlyTheOwnFigureAndAggregates() {
        // no component of the result can hold a peer's identity or an individual peer's figure
        assertThat(PeerBenchmark.Comparison.class.getRecordComponents())
                .extracting(component -> component.getName())
                .containsExactly("metric", "own", "median", "peers", "enoughPeers");
        PeerBenchmark.Comparison odd = PeerBenchmark.compare("score", 10, List.of(11, 57, 99));
        assertThat(odd.median()).isEqualTo(57.0);
    }
}
