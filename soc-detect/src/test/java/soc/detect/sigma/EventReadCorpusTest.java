package soc.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import soc.events.EventJson;
import soc.events.SocEvent;

/**
 * The detection listener reads events with {@link EventJson#readEvent}'s streaming tree builder: over the SigmaHQ
 * regression events (as the platform's Windows normalisation gives them) it yields exactly what data binding to a
 * {@code Map} gave, key order and value types included.
 */
class EventReadCorpusTest {

    @Test
    void streamingReadEqualsDataBindingOverTheRegressionEvents() throws Exception {
        List<SocEvent> events = DetectionBenchmark.regressionEvents();
        assertThat(events).hasSizeGreaterThan(200);
        for (SocEvent event : events) {
            String json = EventJson.write(event);
            @SuppressWarnings("unchecked")
            Map<String, Object> bound = EventJson.mapper().readValue(json, Map.class);

            SocEvent streamed = EventJson.readEvent(json);

            assertThat(streamed.fields()).as(event.eventId()).isEqualTo(bound);
            assertThat(List.copyOf(streamed.fields().keySet())).isEqualTo(List.copyOf(bound.keySet()));
            bound.forEach((field, value) -> assertThat(streamed.get(field) == null ? null : streamed.get(field).getClass())
                    .as(field).isEqualTo(value == null ? null : value.getClass()));
            assertThat(EventJson.readEvent(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .as("from bytes").isEqualTo(streamed);
        }
    }
}
