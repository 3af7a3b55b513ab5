package soc.detect.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import soc.events.Alert;
import soc.events.SocEvent;
import soc.events.ThreatIndicator;
import soc.events.ThreatIndicator.Type;

/** Matching events against the live indicator set: types, sub-domains, CIDR, tenancy, expiry, deletion. */
class IndicatorSetTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private static ThreatIndicator ind(String id, String tenant, Type type, String value, Instant expires) {
        return new ThreatIndicator(id, tenant, type, ThreatIndicator.normalise(type, value), "feed-x", "bad", expires);
    }

    private static SocEvent event(String tenant, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(SocEvent.EVENT_ID, "e1");
        m.put(SocEvent.TENANT_ID, tenant);
        m.put(SocEvent.TIMESTAMP, NOW.toString());
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return SocEvent.of(m);
    }

    private static IndicatorSet set(ThreatIndicator... indicators) {
        IndicatorSet set = new IndicatorSet();
        Map<String, ThreatIndicator> changes = new HashMap<>();
        for (ThreatIndicator i : indicators) {
            changes.put(i.indicatorId(), i);
        }
        set.apply(changes);
        return set;
    }

    @Test
    void matchesEachTypeInItsFields() {
        IndicatorSet set = set(ind("1", null, Type.IP, "203.0.113.7", null),
                ind("2", null, Type.DOMAIN, "Evil.Example.", null),
                ind("3", null, Type.URL, "HTTP://Evil.Example/payload.exe", null),
                ind("4", null, Type.HASH, "D41D8CD98F00B204E9800998ECF8427E", null),
                ind("5", null, Type.IP, "198.51.100.0/24", null));
        assertThat(set.match(event("acme", "destination.ip", "203.0.113.7"), NOW)).extracting(h -> h.indicator()
                .indicatorId()).containsExactly("1");
        assertThat(set.match(event("acme", "dns.question.name", "cdn.evil.example"), NOW)).hasSize(1);
        assertThat(set.match(event("acme", "dns.question.name", "notevil.example"), NOW)).isEmpty();
        assertThat(set.match(event("acme", "url.full", "http://evil.example/payload.exe"), NOW))
                .extracting(h -> h.indicator().indicatorId()).containsExactly("3");
        assertThat(set.match(event("acme", "file.hash.md5", "d41d8cd98f00b204e9800998ecf8427e"), NOW)).hasSize(1);
        assertThat(set.match(event("acme", "winlog.event_data.Hashes",
                "SHA1=AB,MD5=D41D8CD98F00B204E9800998ECF8427E"), NOW)).hasSize(1);
        assertThat(set.match(event("acme", "source.ip", "198.51.100.200"), NOW)).extracting(h -> h.field())
                .containsExactly("source.ip");
        assertThat(set.match(event("acme", "source.ip", "198.51.101.1"), NOW)).isEmpty();
        assertThat(set.match(event("acme", "related.ip", List.of("10.0.0.1", "203.0.113.7")), NOW)).hasSize(1);
    }

    @Test
    void tenantIndicatorsMatchOnlyTheirTenantAndGlobalOnesEveryTenant() {
        IndicatorSet set = set(ind("1", "acme", Type.IP, "203.0.113.7", null),
                ind("2", null, Type.DOMAIN, "evil.example", null));
        assertThat(set.match(event("acme", "source.ip", "203.0.113.7"), NOW)).hasSize(1);
        assertThat(set.match(event("other", "source.ip", "203.0.113.7"), NOW)).isEmpty();
        assertThat(set.match(event("other", "dns.question.name", "evil.example"), NOW)).hasSize(1);
    }

    @Test
    void expiredAndDeletedIndicatorsStopMatching() {
        IndicatorSet set = set(ind("1", null, Type.IP, "203.0.113.7", NOW.minusSeconds(1)),
                ind("2", null, Type.IP, "203.0.113.8", NOW.plusSeconds(60)));
        assertThat(set.match(event("acme", "source.ip", "203.0.113.7"), NOW)).isEmpty();
        assertThat(set.match(event("acme", "source.ip", "203.0.113.8"), NOW)).hasSize(1);
        Map<String, ThreatIndicator> tombstone = new HashMap<>();
        tombstone.put("2", null);
        set.apply(tombstone);
        assertThat(set.match(event("acme", "source.ip", "203.0.113.8"), NOW)).isEmpty();
        assertThat(set.size()).isEqualTo(1);
    }

    @Test
    void alertCarriesTheIndicatorAndGroupsRepeatsByIndicator() {
        IndicatorSet set = set(ind("1", null, Type.DOMAIN, "evil.example", null));
        List<Alert> alerts = IndicatorAlerts.alerts(set, event("acme", "dns.question.name", "a.evil.example",
                "host.name", "ws-12"), NOW);
        assertThat(alerts).hasSize(1);
        Alert a = alerts.get(0);
        assertThat(a.ruleTitle()).isEqualTo("Threat indicator match");
        assertThat(a.keyFields()).containsEntry("indicator.value", "evil.example")
                .containsEntry("indicator.type", "DOMAIN").containsEntry("indicator.source", "feed-x")
                .containsEntry("indicator.matched_field", "dns.question.name").containsEntry("host.name", "ws-12");
        assertThat(a.eventIds()).containsExactly("e1");
        Alert again = IndicatorAlerts.alerts(set, event("acme", "dns.question.name", "b.evil.example"), NOW).get(0);
        assertThat(again.fingerprint()).isEqualTo(a.fingerprint());
    }

    @Test
    void valuesAreNormalisedOrRefusedWithAReason() {
        assertThat(ThreatIndicator.normalise(Type.IP, "10.1.2.3/8")).isEqualTo("10.0.0.0/8");
        assertThat(ThreatIndicator.normalise(Type.IP, "2001:DB8::1")).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(ThreatIndicator.normalise(Type.URL, "https://EVIL.example")).isEqualTo("https://evil.example/");
        assertThatThrownBy(() -> ThreatIndicator.normalise(Type.IP, "evil.example")).hasMessageContaining("not an IP");
        assertThatThrownBy(() -> ThreatIndicator.normalise(Type.HASH, "xyz")).hasMessageContaining("MD5");
        assertThatThrownBy(() -> ThreatIndicator.normalise(Type.DOMAIN, "not a domain")).hasMessageContaining("domain");
        assertThatThrownBy(() -> ThreatIndicator.normalise(Type.URL, "/relative")).hasMessageContaining("URL");
    }
}
