package soc.cases.indicators;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import soc.events.EventJson;
import soc.events.ThreatIndicator;
import soc.events.Topics;
import soc.tenants.audit.AuditLog;
import soc.tenants.scope.TenantScope;

/**
 * Threat indicators: stored in PostgreSQL (table threat_indicator, row-level security) and published to the compacted
 * topic {@link Topics#INDICATORS} (key = indicator id, tombstone on delete), which soc-detect reads into its live set,
 * so a change matches the next event without a restart. The Kafka send is awaited inside the transaction: a change
 * that could not be published is rolled back. Every change is audited.
 *
 * <p>Lives in soc-cases rather than soc-tenants because it publishes to Kafka as part of the change (soc-tenants has
 * no Kafka client) and it sits next to the alerts its matches produce.
 */
@Service
public class Indicators {
    private static final Logger log = LoggerFactory.getLogger(Indicators.class);
    private static final int MAX_IMPORT_LINES = 10_000;
    private static final String COLUMNS = """
            select indicator_id::text as indicator_id, tenant_id, type, value, source, description, expires_at,
                   created_at, created_by
            from threat_indicator
            """;

    private final JdbcClient jdbc;
    private final KafkaTemplate<String, String> kafka;
    private final AuditLog audit;

    Indicators(JdbcClient jdbc, KafkaTemplate<String, String> kafka, AuditLog audit) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.audit = audit;
    }

    /** Indicators visible to the caller's scope, optionally of one tenant ("global" for global ones), newest first. */
    @Transactional(readOnly = true)
    public List<Indicator> list(String tenantFilter, int limit) {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" where true");
        List<Object> params = new ArrayList<>();
        if ("global".equals(tenantFilter)) {
            sql.append(" and tenant_id is null");
        } else if (tenantFilter != null && !tenantFilter.isBlank()) {
            sql.append(" and tenant_id = ?");
            params.add(tenantFilter);
        }
        sql.append(" order by created_at desc, indicator_id limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(Indicators::row).list();
    }

    @Transactional(readOnly = true)
    public Optional<Indicator> find(String indicatorId) {
        UUID id = uuid(indicatorId);
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql(COLUMNS + " where indicator_id = :id").param("id", id).query(Indicators::row).optional();
    }

    /** Adds an indicator, or updates source, description and expiry of the same tenant, type and value. */
    @Transactional
    public Indicator add(String actor, NewIndicator n) {
        Indicator saved = upsert(actor, n);
        publish(saved);
        audit.record(actor, saved.tenantId(), "indicator.add", saved.type() + " " + saved.value() + " (source "
                + saved.source() + (saved.expiresAt() == null ? "" : ", expires " + saved.expiresAt()) + ")");
        return saved;
    }

    /** Result of a CSV import: how many were added or updated, and the refused lines with their reasons. */
    public record ImportResult(int imported, List<String> errors) {
    }

    /**
     * Imports CSV lines {@code type,value[,source][,description][,expires (yyyy-mm-dd or ISO instant)]}; a header
     * line starting with "type" is skipped; blank lines and lines starting with # are ignored. Good lines are
     * imported, bad ones reported by line number.
     */
    @Transactional
    public ImportResult importCsv(String actor, String tenantId, String defaultSource, String csv) {
        List<String> errors = new ArrayList<>();
        int imported = 0;
        requireTenant(tenantId);
        String[] lines = csv == null ? new String[0] : csv.split("\r?\n");
        if (lines.length > MAX_IMPORT_LINES) {
            throw new IndicatorException("at most " + MAX_IMPORT_LINES + " lines per import");
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.toLowerCase(Locale.ROOT).startsWith("type"))) {
                continue;
            }
            String[] cells = line.split(",", 5);
            try {
                if (cells.length < 2) {
                    throw new IndicatorException("expected type,value[,source][,description][,expires]");
                }
                String source = cells.length > 2 && !cells[2].isBlank() ? cells[2].trim() : defaultSource;
                String description = cells.length > 3 ? cells[3].trim() : null;
                Instant expires = cells.length > 4 ? expiry(cells[4]) : null;
                Indicator saved = upsert(actor, new NewIndicator(tenantId, type(cells[0]), cells[1], source,
                        description, expires));
                publish(saved);
                imported++;
            } catch (IndicatorException e) {
                errors.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        audit.record(actor, blankToNull(tenantId), "indicator.import", imported + " imported, " + errors.size()
                + " lines refused");
        return new ImportResult(imported, errors);
    }

    /** Makes an indicator stop matching now (kept for the record). */
    @Transactional
    public Indicator expire(String actor, String indicatorId) {
        Indicator current = find(indicatorId).orElseThrow(() -> new IndicatorException("no such indicator"));
        jdbc.sql("update threat_indicator set expires_at = now() where indicator_id = :id and "
                        + "(expires_at is null or expires_at > now())")
                .param("id", UUID.fromString(current.indicatorId())).update();
        Indicator updated = find(indicatorId).orElseThrow();
        publish(updated);
        audit.record(actor, updated.tenantId(), "indicator.expire", updated.type() + " " + updated.value());
        return updated;
    }

    @Transactional
    public void delete(String actor, String indicatorId) {
        Indicator current = find(indicatorId).orElseThrow(() -> new IndicatorException("no such indicator"));
        jdbc.sql("delete from threat_indicator where indicator_id = :id")
                .param("id", UUID.fromString(current.indicatorId())).update();
        kafka.send(Topics.INDICATORS, current.indicatorId(), null).join(); // tombstone: compaction forgets it
        audit.record(actor, current.tenantId(), "indicator.delete", current.type() + " " + current.value());
    }

    /**
     * On start, republishes every stored indicator in the background: the topic then holds at least what PostgreSQL holds even if a
     * broker lost data (re-sending an unchanged indicator is harmless; compaction keeps the latest).
     */
    @EventListener(ApplicationReadyEvent.class)
    public void republishOnStart() {
        Thread thread = new Thread(this::republishAll, "indicator-republish"); // never hold up the start-up
        thread.setDaemon(true);
        thread.start();
    }

    /** Publishes every stored indicator (see {@link #republishOnStart()}). */
    public void republishAll() {
        try {
            List<Indicator> all = TenantScope.call(TenantScope.ALL_TENANTS, () -> jdbc.sql(COLUMNS)
                    .query(Indicators::row).list());
            if (all.isEmpty()) {
                return; // nothing to republish: do not even open a producer
            }
            for (Indicator i : all) {
                kafka.send(Topics.INDICATORS, i.indicatorId(), EventJson.write(i.message()));
            }
            kafka.flush();
            log.info("Republished {} threat indicators to {}", all.size(), Topics.INDICATORS);
        } catch (RuntimeException e) {
            log.warn("Could not republish threat indicators: {}", e.toString());
        }
    }

    private Indicator upsert(String actor, NewIndicator n) {
        if (n.type() == null) {
            throw new IndicatorException("choose a type");
        }
        String value;
        try {
            value = ThreatIndicator.normalise(n.type(), n.value());
        } catch (IllegalArgumentException e) {
            throw new IndicatorException(e.getMessage());
        }
        String source = n.source() == null || n.source().isBlank() ? "manual" : n.source().trim();
        String tenant = requireTenant(n.tenantId());
        try {
            String id = jdbc.sql("""
                            insert into threat_indicator (tenant_id, type, value, source, description, expires_at,
                                                          created_by)
                            values (:tenant, :type, :value, :source, :description, :expires, :actor)
                            on conflict ((coalesce(tenant_id, '')), type, value) do update
                                set source = excluded.source, description = excluded.description,
                                    expires_at = excluded.expires_at
                            returning indicator_id::text
                            """)
                    .param("tenant", tenant).param("type", n.type().name()).param("value", value)
                    .param("source", source)
                    .param("description", n.description() == null || n.description().isBlank() ? null
                            : n.description().trim())
                    .param("expires", n.expiresAt() == null ? null : Timestamp.from(n.expiresAt()))
                    .param("actor", actor)
                    .query(String.class).single();
            return find(id).orElseThrow();
        } catch (DataIntegrityViolationException e) {
            throw new IndicatorException("unknown tenant " + tenant);
        }
    }

    /** The tenant id (null for global) if it exists in the caller's scope; otherwise "no such tenant". */
    private String requireTenant(String tenantId) {
        String tenant = blankToNull(tenantId);
        if (tenant != null && jdbc.sql("select count(*) from tenant where tenant_id = :t").param("t", tenant)
                .query(Integer.class).single() == 0) {
            throw new IndicatorException("no such tenant " + tenant);
        }
        return tenant;
    }

    private void publish(Indicator indicator) {
        kafka.send(Topics.INDICATORS, indicator.indicatorId(), EventJson.write(indicator.message())).join();
    }

    static ThreatIndicator.Type type(String text) {
        try {
            return ThreatIndicator.Type.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IndicatorException("unknown type '" + text.trim() + "' (IP, DOMAIN, URL or HASH)");
        }
    }

    static Instant expiry(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return t.length() == 10 ? LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new IndicatorException("bad expiry '" + t + "' (yyyy-mm-dd or an ISO instant)");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static UUID uuid(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Indicator row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp expires = rs.getTimestamp("expires_at");
        return new Indicator(rs.getString("indicator_id"), rs.getString("tenant_id"),
                ThreatIndicator.Type.valueOf(rs.getString("type")), rs.getString("value"), rs.getString("source"),
                rs.getString("description"), expires == null ? null : expires.toInstant(),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }
}
