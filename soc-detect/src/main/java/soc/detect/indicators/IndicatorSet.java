package soc.detect.indicators;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import soc.events.SocEvent;
import soc.events.ThreatIndicator;

/**
 * The live set of threat indicators and the matching of events against it. Plain Java and thread-safe: changes
 * ({@link #apply}) build a new immutable snapshot that readers pick up atomically, so matching never locks.
 *
 * <p>What matches: IP indicators (addresses and CIDR networks) against {@link #IP_FIELDS}; domains against
 * {@link #DOMAIN_FIELDS}, including sub-domains (an indicator {@code evil.example} matches
 * {@code cdn.evil.example}); URLs against {@link #URL_FIELDS} (scheme and host case-insensitive); hashes against
 * {@link #HASH_FIELDS} and Sysmon's {@code Hashes} list. Global indicators (no tenant) match every tenant's events,
 * a tenant's own only that tenant's. Expired indicators do not match.
 */
public final class IndicatorSet {
    public static final List<String> IP_FIELDS = List.of("source.ip", "destination.ip", "client.ip", "server.ip",
            "host.ip", "related.ip", "winlog.event_data.IpAddress", "winlog.event_data.SourceIp",
            "winlog.event_data.DestinationIp");
    public static final List<String> DOMAIN_FIELDS = List.of("dns.question.name", "url.domain", "destination.domain",
            "server.domain", "client.domain", "tls.client.server_name", "winlog.event_data.QueryName",
            "winlog.event_data.DestinationHostname");
    public static final List<String> URL_FIELDS = List.of("url.full", "url.original");
    public static final List<String> HASH_FIELDS = List.of("file.hash.md5", "file.hash.sha1", "file.hash.sha256",
            "file.hash.sha512", "process.hash.md5", "process.hash.sha1", "process.hash.sha256",
            "process.hash.sha512", "dll.hash.md5", "dll.hash.sha1", "dll.hash.sha256", "hash.md5", "hash.sha1",
            "hash.sha256");
    private static final String SYSMON_HASHES = "winlog.event_data.Hashes";

    /** One indicator hit in one event field. */
    public record Hit(ThreatIndicator indicator, String field, String value) {
    }

    private record Network(byte[] network, int prefix, ThreatIndicator indicator) {
        boolean contains(byte[] addr) {
            if (addr.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (addr[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (addr[full] & mask) == (network[full] & mask);
        }
    }

    private record Snapshot(Map<String, ThreatIndicator> byId, Map<String, List<ThreatIndicator>> exact,
                            List<Network> networks) {
    }

    private final Map<String, ThreatIndicator> byId = new LinkedHashMap<>();
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), List.of());

    /** Applies changes: id to indicator, or id to null for a deletion (tombstone). */
    public synchronized void apply(Map<String, ThreatIndicator> changes) {
        if (changes.isEmpty()) {
            return;
        }
        changes.forEach((id, indicator) -> {
            if (indicator == null) {
                byId.remove(id);
            } else {
                byId.put(id, indicator);
            }
        });
        Map<String, List<ThreatIndicator>> exact = new HashMap<>();
        List<Network> networks = new ArrayList<>();
        for (ThreatIndicator i : byId.values()) {
            if (i.type() == ThreatIndicator.Type.IP && i.value().contains("/")) {
                int slash = i.value().indexOf('/');
                byte[] net = ThreatIndicator.ip(i.value().substring(0, slash));
                if (net != null) {
                    networks.add(new Network(net, Integer.parseInt(i.value().substring(slash + 1)), i));
                }
            } else {
                exact.computeIfAbsent(key(i.type(), i.value()), k -> new ArrayList<>(1)).add(i);
            }
        }
        snapshot = new Snapshot(Map.copyOf(byId), exact, List.copyOf(networks));
    }

    public int size() {
        return snapshot.byId().size();
    }

    /** Every active indicator of the event's tenant (or global) that the event contains. */
    public List<Hit> match(SocEvent event, Instant now) {
        Snapshot s = snapshot;
        if (s.byId().isEmpty()) {
            return List.of();
        }
        String tenant = event.tenantId();
        List<Hit> hits = new ArrayList<>(0);
        for (String field : IP_FIELDS) {
            for (String value : values(event.get(field))) {
                byte[] addr = ThreatIndicator.ip(value);
                if (addr == null) {
                    continue;
                }
                String canonical;
                try {
                    canonical = ThreatIndicator.normalise(ThreatIndicator.Type.IP, value);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                add(hits, s.exact().get(key(ThreatIndicator.Type.IP, canonical)), tenant, now, field, value);
                for (Network n : s.networks()) {
                    if (n.contains(addr) && applies(n.indicator(), tenant, now)) {
                        hits.add(new Hit(n.indicator(), field, value));
                    }
                }
            }
        }
        for (String field : DOMAIN_FIELDS) {
            for (String value : values(event.get(field))) {
                String d = value.trim().toLowerCase(Locale.ROOT);
                if (d.endsWith(".")) {
                    d = d.substring(0, d.length() - 1);
                }
                while (!d.isEmpty()) {
                    add(hits, s.exact().get(key(ThreatIndicator.Type.DOMAIN, d)), tenant, now, field, value);
                    int dot = d.indexOf('.');
                    d = dot < 0 ? "" : d.substring(dot + 1);
                }
            }
        }
        for (String field : URL_FIELDS) {
            for (String value : values(event.get(field))) {
                try {
                    add(hits, s.exact().get(key(ThreatIndicator.Type.URL,
                            ThreatIndicator.normalise(ThreatIndicator.Type.URL, value))), tenant, now, field, value);
                } catch (IllegalArgumentException e) {
                    // not an absolute URL: cannot be one of ours
                }
            }
        }
        for (String field : HASH_FIELDS) {
            for (String value : values(event.get(field))) {
                add(hits, s.exact().get(key(ThreatIndicator.Type.HASH, value.trim().toLowerCase(Locale.ROOT))),
                        tenant, now, field, value);
            }
        }
        for (String value : values(event.get(SYSMON_HASHES))) { // SHA256=...,MD5=...,IMPHASH=...
            for (String part : value.split(",")) {
                int eq = part.indexOf('=');
                String hash = (eq < 0 ? part : part.substring(eq + 1)).trim().toLowerCase(Locale.ROOT);
                add(hits, s.exact().get(key(ThreatIndicator.Type.HASH, hash)), tenant, now, SYSMON_HASHES, value);
            }
        }
        // one hit per indicator per event (an address in source.ip and related.ip is one match)
        Map<String, Hit> unique = new LinkedHashMap<>();
        for (Hit h : hits) {
            unique.putIfAbsent(h.indicator().indicatorId(), h);
        }
        return List.copyOf(unique.values());
    }

    private static void add(List<Hit> hits, List<ThreatIndicator> candidates, String tenant, Instant now,
                            String field, String value) {
        if (candidates == null) {
            return;
        }
        for (ThreatIndicator i : candidates) {
            if (applies(i, tenant, now)) {
                hits.add(new Hit(i, field, value));
            }
        }
    }

    private static boolean applies(ThreatIndicator i, String tenant, Instant now) {
        return (i.tenantId() == null || i.tenantId().equals(tenant)) && i.activeAt(now);
    }

    private static String key(ThreatIndicator.Type type, String value) {
        return type.name() + ":" + value;
    }

    private static List<String> values(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> c) {
            List<String> out = new ArrayList<>(c.size());
            for (Object o : c) {
                if (o != null) {
                    out.add(o.toString());
                }
            }
            return out;
        }
        return List.of(value.toString());
    }
}
