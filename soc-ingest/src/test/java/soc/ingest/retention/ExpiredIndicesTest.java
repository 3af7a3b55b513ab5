package soc.ingest.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ExpiredIndicesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void keepsTodayAndTheRetentionDaysBeforeItAndSelectsOlderDays() {
        List<String> indices = List.of("soc-events.acme.2026.12.01", "soc-events.acme.2026.11.01",
                "soc-events.acme.2026.10.31", "soc-events.acme.2025.01.15");
        // 30 days back from 1 December is 1 November: kept; 31 October and older: expired
        assertThat(ExpiredIndices.expired("acme", indices, TODAY, 30))
                .containsExactly("soc-events.acme.2025.01.15", "soc-events.acme.2026.10.31");
    }

    @Test
    void neverSelectsAnotherTenantsIndexEvenWithTheSamePrefix() {
        List<String> indices = List.of("soc-events.acme-water.2020.01.01", "soc-events.acmé.2020.01.01",
                "soc-alerts.acme", "soc-events.acme.2020.01.01");
        assertThat(ExpiredIndices.expired("acme", indices, TODAY, 1)).containsExactly("soc-events.acme.2020.01.01");
    }

    @Test
    void neverSelectsTodaysOrFutureIndicesWhateverTheRetention() {
        List<String> indices = List.of("soc-events.acme.2026.12.01", "soc-events.acme.2026.12.02",
                "soc-events.acme.2027.06.30", "soc-events.acme.2026.11.30");
        assertThat(ExpiredIndices.expired("acme", indices, TODAY, 1)).isEmpty();
        assertThat(ExpiredIndices.expired("acme", List.of("soc-events.acme.2026.11.29"), TODAY, 1))
                .containsExactly("soc-events.acme.2026.11.29");
        assertThatThrownBy(() -> ExpiredIndices.expired("acme", indices, TODAY, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leavesNamesThatAreNotExactlyTheTenantsDailyIndexAlone() {
        List<String> indices = List.of("soc-events.acme.2020.02.30", "soc-events.acme.2020.1.01",
                "soc-events.acme.2020.01.01-restored", "soc-events.acme.x.2020.01.01", "soc-events.acme.",
                "soc-events.acme.20200101");
        assertThat(ExpiredIndices.expired("acme", indices, TODAY, 1)).isEmpty();
    }

    @Test
    void readsTheDayFromTheNameAcrossYearEnds() {
        assertThat(ExpiredIndices.dayOf("soc-events.acme.2025.12.31", "acme")).contains(LocalDate.of(2025, 12, 31));
        assertThat(ExpiredIndices.dayOf("soc-events.acme.2024.02.29", "acme")).contains(LocalDate.of(2024, 2, 29));
        assertThat(ExpiredIndices.expired("acme", List.of("soc-events.acme.2025.12.31", "soc-events.acme.2026.01.01"),
                LocalDate.of(2026, 1, 31), 30)).containsExactly("soc-events.acme.2025.12.31");
    }
}
