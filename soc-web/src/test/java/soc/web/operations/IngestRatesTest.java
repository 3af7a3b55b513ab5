package soc.web.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import soc.web.operations.IngestRates.Counts;
import soc.web.operations.IngestRates.Key;
import soc.web.operations.IngestRates.TenantRate;

class IngestRatesTest {

    @Test
    void ratesAreEventsPerSecondOverEachWindow() {
        Counts counts = new Counts(600, 36_000);
        assertThat(counts.perSecondShort()).isEqualTo(2.0);
        assertThat(counts.perSecondLong()).isEqualTo(10.0);
    }

    @Test
    void tenantRowsSumTheirSourcesAndListTheBusiestFirst() {
        Map<Key, Long> lastHour = Map.of(
                new Key("acme", "fw"), 3600L, new Key("acme", "dc"), 7200L,
                new Key("bravo", "ot"), 36_000L);
        Map<Key, Long> lastFiveMinutes = Map.of(new Key("acme", "fw"), 300L, new Key("bravo", "ot"), 30L);

        List<TenantRate> table = IngestRates.table(lastHour, lastFiveMinutes);

        // acme is busier now (300 in 5 min) although bravo sent more over the hour
        assertThat(table).extracting(TenantRate::tenantId).containsExactly("acme", "bravo");
        TenantRate acme = table.get(0);
        assertThat(acme.counts()).isEqualTo(new Counts(300, 10_800));
        assertThat(acme.counts().perSecondLong()).isEqualTo(3.0);
        assertThat(acme.sources()).extracting(IngestRates.SourceRate::sourceId).containsExactly("fw", "dc");
        assertThat(acme.sources().get(1).counts()).isEqualTo(new Counts(0, 7200));
        assertThat(table.get(1).counts().perSecondShort()).isEqualTo(0.1);
    }

    @Test
    void noEventsNoRows() {
        assertThat(IngestRates.table(Map.of(), Map.of())).isEmpty();
    }
}
