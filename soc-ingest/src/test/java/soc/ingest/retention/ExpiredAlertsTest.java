package soc.ingest.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import soc.events.EventJson;

class ExpiredAlertsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void keepsAlertsRaisedOnTheSameDaysAsTheEventIndicesKept() {
        // 30 days: the event index of 1 November is the oldest kept (ExpiredIndicesTest), so alerts raised from
        // 1 November 00:00 UTC on are kept too and alerts raised before it go
        assertThat(ExpiredAlerts.cutoff(TODAY, 30)).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(ExpiredAlerts.cutoff(TODAY, 1)).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        assertThatThrownBy(() -> ExpiredAlerts.cutoff(TODAY, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void searchesIdsOfAlertsRaisedStrictlyBeforeTheCutoff() {
        Map<String, Object> body = EventJson.readObject(ExpiredAlerts.search(Instant.parse("2026-11-01T00:00:00Z"), 1000));
        assertThat(body.get("query")).isEqualTo(Map.of("range", Map.of("detectedAt", Map.of(
                "lt", "2026-11-01T00:00:00Z", "format", "strict_date_optional_time"))));
        assertThat(body).containsEntry("size", 1000).containsEntry("_source", false);
    }

    @Test
    void readsTheIdsOfASearchAnswer() {
        Map<String, Object> answer = EventJson.readObject("""
                {"took":1,"hits":{"hits":[{"_index":"soc-alerts.acme","_id":"a1","_score":null},
                                          {"_index":"soc-alerts.acme","_id":"a2","_score":null}]}}""");
        assertThat(ExpiredAlerts.ids(answer)).containsExactly("a1", "a2");
        assertThat(ExpiredAlerts.ids(EventJson.readObject("{\"hits\":{\"hits\":[]}}"))).isEmpty();
        assertThat(ExpiredAlerts.ids(Map.of("error", "x"))).isEmpty();
    }
}
