package soc.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class IndexNamesTest {

    @Test
    void dailyEventIndexUsesTheEventTimeInUtc() {
        assertThat(IndexNames.events("cardiff", Instant.parse("2026-11-23T23:59:59Z")))
                .isEqualTo("soc-events.cardiff.2026.11.23");
    }

    @Test
    void oneTenantsPatternNeverMatchesAnotherTenantWithTheSamePrefix() {
        String pattern = IndexNames.eventsPattern("acme");
        String regex = pattern.replace(".", "\\.").replace("*", ".*");
        assertThat(IndexNames.events("acme", Instant.EPOCH)).matches(regex);
        assertThat(IndexNames.events("acme-water", Instant.EPOCH)).doesNotMatch(regex);
    }

    @Test
    void rejectsTenantIdsThatCouldEscapeTheirIndex() {
        assertThatThrownBy(() -> IndexNames.alerts("acme*")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IndexNames.alerts("Acme")).isInstanceOf(IllegalArgumentException.class);
    }
}
