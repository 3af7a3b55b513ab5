package soc.cases.alerts;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import soc.cases.sla.SlaPolicy;
import soc.cases.sla.SlaTarget;
import soc.events.Alert;
import soc.events.EventJson;

/**
 * Intake with deduplication: the same rule on the same entity (the alert's fingerprint) within the window of an
 * open alert's last occurrence raises that alert's count instead of adding a queue row. Idempotent under
 * re-delivery: each alert id is claimed once in {@code alert_occurrence}, so a replayed id is never counted twice.
 * Runs inside the caller's transaction (intake commits the batch, then the offsets). A whole poll is handled in a
 * handful of statements ({@link #receiveAll(List)}), which is what lets intake keep up with thousands of alerts a
 * second (docs/benchmarks.md, "Alert intake").
 */
@Component
@EnableConfigurationProperties(AlertDedupProperties.class)
public class AlertDeduplication {
    private static final Logger log = LoggerFactory.getLogger(AlertDeduplication.class);
    private static final int MAX_EVENT_IDS = 200;

    /** What happened to one received alert. */
    public enum Outcome { NEW, COUNTED, REPLAYED }

    /** An alert's count and last occurrence. */
    public record Occurrences(int count, Instant lastSeen) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final SlaPolicy sla;
    private final AlertDedupProperties properties;

    AlertDeduplication(JdbcClient jdbc, JdbcTemplate jdbcTemplate, SlaPolicy sla, AlertDedupProperties properties) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.sla = sla;
        this.properties = properties;
    }

    /** One alert on its own (its own batch); see {@link #receiveAll(List)}. */
    public Outcome receive(Alert alert) {
        return receiveAll(List.of(alert)).get(0);
    }

    /**
     * A batch of alerts in arrival order (one Kafka poll), with the same outcome as receiving them one after the
     * other, in a constant number of statements: claim every id at once ({@code alert_occurrence}, a replayed id is
     * claimed by nobody), lock the open alerts of the batch's fingerprints, decide in memory, then one multi-row
     * insert of the new alerts (counts of repeats within the batch folded in), one update of the open alerts that
     * were counted, and one update of the counted occurrences' {@code merged_into}. Runs inside the caller's
     * transaction.
     *
     * @return the outcome of each alert, in the order given
     */
    public List<Outcome> receiveAll(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return List.of();
        }
        long t0 = System.nanoTime();
        Set<String> claimed = claim(alerts);
        long t1 = System.nanoTime();
        boolean dedupOn = !properties.window().isZero() && !properties.window().isNegative();
        Map<FingerprintKey, List<Target>> open = dedupOn ? lockOpen(alerts, claimed) : new HashMap<>();

        List<Outcome> outcomes = new ArrayList<>(alerts.size());
        Map<String, Target> created = new LinkedHashMap<>(); // alert id of a new row -> its state
        Map<String, String> merged = new LinkedHashMap<>(); // counted alert id -> the alert it was counted in
        Instant now = Instant.now();
        for (Alert alert : alerts) {
            if (!claimed.remove(alert.alertId())) { // a replay, or the same id twice in this batch
                outcomes.add(Outcome.REPLAYED);
                continue;
            }
            Instant time = timeOf(alert);
            List<Target> candidates = open.computeIfAbsent(new FingerprintKey(alert.tenantId(), alert.fingerprint()),
                    key -> new ArrayList<>());
            Target target = null;
            if (dedupOn) {
                Instant since = time.minus(properties.window());
                for (Target candidate : candidates) {
                    // the open alert last seen most recently within the window (ties: the smallest id)
                    if (!candidate.lastSeen.isBefore(since) && (target == null
                            || candidate.lastSeen.isAfter(target.lastSeen)
                            || candidate.lastSeen.equals(target.lastSeen) && candidate.alertId.compareTo(target.alertId) < 0)) {
                        target = candidate;
                    }
                }
            }
            if (target != null) {
                target.count(time, alert.eventIds());
                merged.put(alert.alertId(), target.alertId);
                outcomes.add(Outcome.COUNTED);
            } else {
                Target row = new Target(alert.alertId(), time, alert);
                candidates.add(row);
                created.put(alert.alertId(), row);
                outcomes.add(Outcome.NEW);
            }
        }
        long t2 = System.nanoTime();
        insertNew(created.values(), now);
        long t3 = System.nanoTime();
        updateCounted(open.values().stream().flatMap(List::stream).filter(t -> t.alert == null && t.added > 0).toList());
        markMerged(merged);
        if (log.isDebugEnabled()) {
            log.debug("{} alerts ({} new, {} counted): claim {} ms, lock and decide {} ms, insert {} ms, counts {} ms",
                    alerts.size(), created.size(), merged.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                    (t3 - t2) / 1_000_000, (System.nanoTime() - t3) / 1_000_000);
        }
        return outcomes;
    }

    private static Instant timeOf(Alert alert) {
        return alert.eventTime() != null ? alert.eventTime() : alert.detectedAt();
    }

    /** Claims the ids not claimed before; returns them (each id once). */
    private Set<String> claim(List<Alert> alerts) {
        Map<String, String> tenants = new LinkedHashMap<>();
        alerts.forEach(alert -> tenants.putIfAbsent(alert.alertId(), alert.tenantId()));
        Set<String> claimed = new HashSet<>();
        String[] ids = tenants.keySet().toArray(String[]::new);
        jdbcTemplate.query("""
                        insert into alert_occurrence (alert_id, tenant_id, merged_into)
                        select id, tenant, id from unnest(?::text[], ?::text[]) as v(id, tenant)
                        on conflict (alert_id) do nothing
                        returning alert_id
                        """, ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("text", ids));
                    ps.setArray(2, ps.getConnection().createArrayOf("text", tenants.values().toArray(String[]::new)));
                }, (RowCallbackHandler) rs -> claimed.add(rs.getString(1)));
        return claimed;
    }

    /**
     * Locks the open alerts of the claimed alerts' fingerprints that may still count them. A fingerprint belongs to
     * one tenant and a tenant's alerts to one partition (keyed by tenant), so concurrent polls lock disjoint rows.
     */
    private Map<FingerprintKey, List<Target>> lockOpen(List<Alert> alerts, Set<String> claimed) {
        Set<FingerprintKey> keys = new LinkedHashSet<>();
        Instant earliest = null;
        for (Alert alert : alerts) {
            if (claimed.contains(alert.alertId())) {
                keys.add(new FingerprintKey(alert.tenantId(), alert.fingerprint()));
                Instant time = timeOf(alert);
                earliest = earliest == null || time.isBefore(earliest) ? time : earliest;
            }
        }
        Map<FingerprintKey, List<Target>> open = new HashMap<>();
        if (keys.isEmpty()) {
            return open;
        }
        String[] tenants = keys.stream().map(FingerprintKey::tenantId).toArray(String[]::new);
        String[] fingerprints = keys.stream().map(FingerprintKey::fingerprint).toArray(String[]::new);
        Timestamp since = Timestamp.from(earliest.minus(properties.window()));
        jdbcTemplate.query("""
                        select a.alert_id, a.tenant_id, a.fingerprint, a.last_seen
                        from unnest(?::text[], ?::text[]) as v(tenant_id, fingerprint)
                        cross join lateral (
                            -- one index lookup per fingerprint (alert_fingerprint_open), as the one-by-one query did
                            select alert_id, tenant_id, fingerprint, coalesce(last_seen_at, event_time) as last_seen
                            from alert
                            where tenant_id = v.tenant_id and fingerprint = v.fingerprint
                              and status in ('NEW', 'ACKNOWLEDGED')
                              and coalesce(last_seen_at, event_time) >= ?
                            for update
                        ) a
                        """, ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("text", tenants));
                    ps.setArray(2, ps.getConnection().createArrayOf("text", fingerprints));
                    ps.setTimestamp(3, since);
                }, (RowCallbackHandler) rs -> open.computeIfAbsent(
                        new FingerprintKey(rs.getString("tenant_id"), rs.getString("fingerprint")),
                        key -> new ArrayList<>()).add(new Target(rs.getString("alert_id"),
                        rs.getTimestamp("last_seen").toInstant(), null)));
        return open;
    }

    /** One multi-row insert of the batch's new alerts, with the repeats counted in them in this batch. */
    private void insertNew(Collection<Target> rows, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        String[] ids = new String[n], tenants = new String[n], ruleIds = new String[n], titles = new String[n],
                authors = new String[n], severities = new String[n], techniques = new String[n],
                eventIds = new String[n], keyFields = new String[n], fingerprints = new String[n];
        Integer[] ranks = new Integer[n], occurrences = new Integer[n];
        Timestamp[] eventTimes = new Timestamp[n], detected = new Timestamp[n], ackDue = new Timestamp[n],
                lastSeen = new Timestamp[n];
        int i = 0;
        for (Target row : rows) {
            Alert alert = row.alert;
            // the acknowledgement deadline from the tenant's SLA tier, counted from arrival (now)
            Instant due = sla.due(alert.tenantId(), alert.severity(), SlaTarget.ACKNOWLEDGE, now);
            ids[i] = alert.alertId();
            tenants[i] = alert.tenantId();
            ruleIds[i] = alert.ruleId();
            titles[i] = alert.ruleTitle() == null ? alert.ruleId() : alert.ruleTitle();
            authors[i] = alert.ruleAuthor();
            severities[i] = alert.severity().name();
            ranks[i] = alert.severity().ordinal();
            techniques[i] = String.join(",", alert.techniques());
            eventIds[i] = String.join(",", row.eventIds());
            keyFields[i] = EventJson.write(alert.keyFields());
            fingerprints[i] = alert.fingerprint();
            eventTimes[i] = Timestamp.from(timeOf(alert));
            detected[i] = Timestamp.from(alert.detectedAt());
            ackDue[i] = due == null ? null : Timestamp.from(due);
            occurrences[i] = 1 + row.added;
            lastSeen[i] = Timestamp.from(row.lastSeen);
            i++;
        }
        jdbcTemplate.update("""
                insert into alert (alert_id, tenant_id, rule_id, rule_title, rule_author, severity, severity_rank,
                                   techniques, event_ids, key_fields, fingerprint, event_time, detected_at, ack_due_at,
                                   occurrences, last_seen_at)
                select id, tenant, rule, title, author, severity, rank,
                       string_to_array(techniques, ','),
                       case when occurrences > 1 then (string_to_array(event_ids, ','))[1 : ?]
                            else string_to_array(event_ids, ',') end,
                       cast(key_fields as jsonb),
                       fingerprint, event_time, detected_at, ack_due, occurrences, last_seen
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[],
                            ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[],
                            ?::int[], ?::timestamptz[])
                     as v(id, tenant, rule, title, author, severity, rank, techniques, event_ids, key_fields,
                          fingerprint, event_time, detected_at, ack_due, occurrences, last_seen)
                on conflict (alert_id) do nothing
                """, ps -> {
            Connection con = ps.getConnection();
            int p = 1;
            ps.setInt(p++, MAX_EVENT_IDS);
            for (String[] column : List.of(ids, tenants, ruleIds, titles, authors, severities)) {
                ps.setArray(p++, con.createArrayOf("text", column));
            }
            ps.setArray(p++, con.createArrayOf("int4", ranks));
            for (String[] column : List.of(techniques, eventIds, keyFields, fingerprints)) {
                ps.setArray(p++, con.createArrayOf("text", column));
            }
            for (Timestamp[] column : List.of(eventTimes, detected, ackDue)) {
                ps.setArray(p++, con.createArrayOf("timestamptz", column));
            }
            ps.setArray(p++, con.createArrayOf("int4", occurrences));
            ps.setArray(p, con.createArrayOf("timestamptz", lastSeen));
        });
    }

    /** One update of the open alerts (from before this batch) that counted repeats. */
    private void updateCounted(List<Target> targets) {
        if (targets.isEmpty()) {
            return;
        }
        String[] ids = targets.stream().map(t -> t.alertId).toArray(String[]::new);
        Integer[] added = targets.stream().map(t -> t.added).toArray(Integer[]::new);
        Timestamp[] lastSeen = targets.stream().map(t -> Timestamp.from(t.lastSeen)).toArray(Timestamp[]::new);
        String[] eventIds = targets.stream().map(t -> String.join(",", t.eventIds())).toArray(String[]::new);
        jdbcTemplate.update("""
                update alert a set occurrences = a.occurrences + v.added,
                       last_seen_at = greatest(coalesce(a.last_seen_at, a.event_time), v.last_seen),
                       event_ids = (a.event_ids || string_to_array(v.event_ids, ','))[1 : ?]
                from unnest(?::text[], ?::int[], ?::timestamptz[], ?::text[]) as v(id, added, last_seen, event_ids)
                where a.alert_id = v.id
                """, ps -> {
            Connection con = ps.getConnection();
            ps.setInt(1, MAX_EVENT_IDS);
            ps.setArray(2, con.createArrayOf("text", ids));
            ps.setArray(3, con.createArrayOf("int4", added));
            ps.setArray(4, con.createArrayOf("timestamptz", lastSeen));
            ps.setArray(5, con.createArrayOf("text", eventIds));
        });
    }

    private void markMerged(Map<String, String> merged) {
        if (merged.isEmpty()) {
            return;
        }
        jdbcTemplate.update("""
                update alert_occurrence o set merged_into = v.target
                from unnest(?::text[], ?::text[]) as v(id, target)
                where o.alert_id = v.id
                """, ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("text", merged.keySet().toArray(String[]::new)));
            ps.setArray(2, ps.getConnection().createArrayOf("text", merged.values().toArray(String[]::new)));
        });
    }

    private record FingerprintKey(String tenantId, String fingerprint) {
    }

    /**
     * An open alert a repeat may be counted in: one from before the batch ({@code alert == null}) or one new in it.
     * Collects the repeats counted in it in this batch.
     */
    private static final class Target {
        final String alertId;
        final Alert alert;
        Instant lastSeen;
        int added;
        final List<String> newEventIds = new ArrayList<>();

        Target(String alertId, Instant lastSeen, Alert alert) {
            this.alertId = alertId;
            this.lastSeen = lastSeen;
            this.alert = alert;
            if (alert != null) {
                newEventIds.addAll(alert.eventIds());
            }
        }

        void count(Instant time, List<String> eventIds) {
            added++;
            lastSeen = time.isAfter(lastSeen) ? time : lastSeen;
            if (newEventIds.size() < MAX_EVENT_IDS) {
                newEventIds.addAll(eventIds);
            }
        }

        /** The event ids to add (all of a new alert's, capped in SQL). */
        List<String> eventIds() {
            return newEventIds;
        }
    }

    /** Count and last occurrence of one alert (null if not visible); for the detail page. */
    public Occurrences occurrencesOf(String alertId) {
        return occurrences(List.of(alertId)).get(alertId);
    }

    /** Count and last occurrence of the given alerts the caller's scope may see (row-level security). */
    public Map<String, Occurrences> occurrences(Collection<String> alertIds) {
        Map<String, Occurrences> out = new HashMap<>();
        if (alertIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        select alert_id, occurrences, coalesce(last_seen_at, event_time) as last_seen
                        from alert where alert_id in (:ids)
                        """)
                .param("ids", List.copyOf(alertIds))
                .query((rs, n) -> out.put(rs.getString("alert_id"), new Occurrences(rs.getInt("occurrences"),
                        rs.getTimestamp("last_seen").toInstant()))).list();
        return out;
    }
}
