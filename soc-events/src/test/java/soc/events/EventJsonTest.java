package soc.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EventJsonTest {

    private final RawEnvelope raw = new RawEnvelope("e-1", "cardiff", "src-1", Instant.parse("2026-11-23T10:00:00Z"),
            "http", "json", "{\"a\":1}");

    @Test
    void eventSurvivesTheTopicRoundTripWithItsPlatformFields() {
        SocEvent event = SocEvent.from(raw).put("source.ip", "10.0.0.1").timestamp(Instant.parse("2026-11-23T09:59:00Z")).build();

        SocEvent back = EventJson.readEvent(EventJson.write(event));

        assertThat(back).isEqualTo(event);
        assertThat(back.tenantId()).isEqualTo("cardiff");
        assertThat(back.eventId()).isEqualTo("e-1");
        assertThat(back.getString("event.original")).isEqualTo("{\"a\":1}");
        assertThat(back.timestamp()).isEqualTo(Instant.parse("2026-11-23T09:59:00Z"));
    }

    @Test
    void eventWithoutItsOwnTimeFallsBackToIngestTime() {
        SocEvent event = SocEvent.from(raw).build();
        assertThat(event.timestamp()).isEqualTo(raw.receivedAt());
    }

    @Test
    void alertRoundTripKeepsRuleAuthorForAttribution() {
        Alert alert = new Alert("a-1", "cardiff", "r-1", "Rule", "Florian Roth", Severity.HIGH, List.of("T1110"),
                List.of("e-1"), Map.of("user.name", "bob"), "fp", Instant.EPOCH, Instant.EPOCH);
        Alert back = EventJson.read(EventJson.write(alert), Alert.class);
        assertThat(back).isEqualTo(alert);
        assertThat(back.ruleAuthor()).isEqualTo("Florian Roth");
    }

    @Test
    void notAnObjectGivesAClearError() {
        assertThatThrownBy(() -> EventJson.readObject("[1,2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Not a JSON object");
    }
}
