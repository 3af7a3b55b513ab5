package soc.cases.alerts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import soc.events.Alert;

/**
 * Intake with deduplication: the same rule on the same entity (the alert's fingerprint) within the window of an
 * open alert's last occurrence raises that alert's count instead of adding a queue row. Idempotent under
 * re-delivery: each alert id is claimed once in {@code alert_occurrence}, so a replayed id is never counted twice.
 * Runs inside the caller's transaction (intake commits the batch, then the offsets).
 */
@Component
@EnableConfigurationProperties(AlertDedupProperties.class)
public class AlertDeduplication {
    private static final int MAX_EVENT_IDS = 200;

    /** What happened to one received alert. */
    public enum Outcome { NEW, COUNTED, REPLAYED }

    /** An alert's count and last occurrence. */
    public record Occurrences(int count, Instant lastSeen) {
    }

    private final JdbcClient jdbc;
    private final AlertStore store;
    private final AlertDedupProperties properties;

    AlertDeduplication(JdbcClient jdbc, AlertStore store, AlertDedupProperties properties) {
        this.jdbc = jdbc;
        this.store = store;
        this.properties = properties;
    }

    public Outcome receive(Alert alert) {
        int claimed = jdbc.sql("""
                        insert into alert_occurrence (alert_id, tenant_id, merged_into) values (:id, :tenant, :id)
                        on conflict (alert_id) do nothing
                        """)
                .param("id", alert.alertId()).param("tenant", alert.tenantId()).update();
        if (claimed == 0) {
            return Outcome.REPLAYED;
        }
        Instant time = alert.eventTime() != null ? alert.eventTime() : alert.detectedAt();
        if (!properties.window().isZero() && !properties.window().isNegative()) {
            Optional<String> open = jdbc.sql("""
                            select alert_id from alert
                            where tenant_id = :tenant and fingerprint = :fingerprint
                              and status in ('NEW', 'ACKNOWLEDGED')
                              and coalesce(last_seen_at, event_time) >= :since
                            order by coalesce(last_seen_at, event_time) desc, alert_id limit 1
                            for update
                            """)
                    .param("tenant", alert.tenantId()).param("fingerprint", alert.fingerprint())
                    .param("since", Timestamp.from(time.minus(properties.window())))
                    .query(String.class).optional();
            if (open.isPresent()) {
                jdbc.sql("""
                                update alert set occurrences = occurrences + 1,
                                       last_seen_at = greatest(coalesce(last_seen_at, event_time), :time),
                                       event_ids = (event_ids || string_to_array(:eventIds, ','))[1 : :maxIds]
                                where alert_id = :target
                                """)
                        .param("maxIds", MAX_EVENT_IDS)
                        .param("time", Timestamp.from(time)).param("eventIds", String.join(",", alert.eventIds()))
                        .param("target", open.get()).update();
                jdbc.sql("update alert_occurrence set merged_into = :target where alert_id = :id")
                        .param("target", open.get()).param("id", alert.alertId()).update();
                return Outcome.COUNTED;
            }
        }
        store.insert(alert);
        jdbc.sql("update alert set last_seen_at = :time where alert_id = :id and last_seen_at is null")
                .param("time", Timestamp.from(time)).param("id", alert.alertId()).update();
        return Outcome.NEW;
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
