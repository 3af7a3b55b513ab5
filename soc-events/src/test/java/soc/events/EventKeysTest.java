package soc.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class EventKeysTest {

    private static SocEvent event(String host, String source) {
        Map<String, Object> f = new java.util.HashMap<>(Map.of(SocEvent.TENANT_ID, "cardiff", SocEvent.EVENT_ID, "e1",
                SocEvent.SOURCE_ID, source, SocEvent.TIMESTAMP, "2026-12-01T00:00:00Z"));
        if (host != null) {
            f.put("host.name", host);
        }
        return SocEvent.of(f);
    }

    @Test
    void oneTenantsHostsGetDifferentKeysAndOneHostAlwaysTheSame() {
        assertThat(EventKeys.of(event("WS042.cardiff.local", "s1"))).isEqualTo("cardiff/ws042.cardiff.local");
        assertThat(EventKeys.of(event("ws042.cardiff.local", "s2")))
                .as("case and source do not split a host").isEqualTo("cardiff/ws042.cardiff.local");
        assertThat(EventKeys.of(event("dc01", "s1"))).isNotEqualTo(EventKeys.of(event("ws042", "s1")));
    }

    @Test
    void eventsWithoutAHostAreKeyedBySourceAndTheTenantIsReadBack() {
        String key = EventKeys.of(event(null, "fw-1"));
        assertThat(key).isEqualTo("cardiff/fw-1");
        assertThat(EventKeys.tenantOf(key)).isEqualTo("cardiff");
        assertThat(EventKeys.tenantOf("cardiff")).as("keys written before the change").isEqualTo("cardiff");
    }
}
