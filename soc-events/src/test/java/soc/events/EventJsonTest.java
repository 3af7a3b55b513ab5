package soc.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;

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
    void streamingEventReadGivesWhatDataBindingGave() {
        String json = """
                {"event.id":"e-9","tenant.id":"cardiff","@timestamp":"2026-11-23T10:00:00Z",
                 "int":42,"long":12345678901,"big":123456789012345678901234567890,"neg":-7,"zero":0,
                 "double":1.5,"exp":1e300,"small":-2.5E-3,"t":true,"f":false,"n":null,
                 "text":"caf\\u00e9 \\"quoted\\" back\\\\slash \\ud83d\\ude00","empty":"",
                 "dup":"first","list":[1,"two",null,[3.0,{"x":[]}],{}],
                 "nested":{"a":{"b":{"c":[true,false]}},"n":null},"dup":"last"}  """;
        @SuppressWarnings("unchecked")
        Map<String, Object> bound = EventJson.mapper().readValue(json, Map.class);

        SocEvent streamed = EventJson.readEvent(json);

        assertThat(streamed.fields()).isEqualTo(bound);
        assertThat(List.copyOf(streamed.fields().keySet())).isEqualTo(List.copyOf(bound.keySet()));
        bound.forEach((field, value) -> assertSameTypes(streamed.get(field), value));
        assertThat(streamed.get("dup")).isEqualTo("last");

        SocEvent fromBytes = EventJson.readEvent(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(fromBytes.fields()).isEqualTo(bound);
        assertThat(List.copyOf(fromBytes.fields().keySet())).isEqualTo(List.copyOf(bound.keySet()));
        bound.forEach((field, value) -> assertSameTypes(fromBytes.get(field), value));
    }

    @Test
    void malformedEventsFailAsWithDataBinding() {
        assertThatThrownBy(() -> EventJson.readEvent("{\"event.id\":\"e\",")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> EventJson.readEvent("[1]")).isInstanceOf(JacksonException.class);
        String event = "{\"event.id\":\"e\",\"tenant.id\":\"cardiff\",\"@timestamp\":\"x\"}";
        assertThat(EventJson.readEvent(event).eventId()).isEqualTo("e");
        assertThatThrownBy(() -> EventJson.readEvent(event + " {}")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> EventJson.readEvent(event + " x")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> EventJson.readEvent((event + " x").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> EventJson.readEvent("{\"a\":".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> EventJson.readEvent("{\"event.id\":\"e\",\"tenant.id\":\"Not Valid!\","
                + "\"@timestamp\":\"x\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventJson.readEvent("{\"tenant.id\":\"cardiff\",\"@timestamp\":\"x\"}"))
                .isInstanceOf(NullPointerException.class).hasMessage("event.id");
    }

    private static void assertSameTypes(Object actual, Object expected) {
        if (expected == null) {
            assertThat(actual).isNull();
            return;
        }
        assertThat(actual).isExactlyInstanceOf(expected.getClass());
        if (expected instanceof Map<?, ?> map) {
            map.forEach((k, v) -> assertSameTypes(((Map<?, ?>) actual).get(k), v));
        } else if (expected instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                assertSameTypes(((List<?>) actual).get(i), list.get(i));
            }
        }
    }

    @Test
    void notAnObjectGivesAClearError() {
        assertThatThrownBy(() -> EventJson.readObject("[1,2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Not a JSON object");
    }
}
