package soc.ingest.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import soc.events.IndexNames;
import soc.tenants.audit.AuditLog;
import soc.tenants.retention.RetentionSetting;
import soc.tenants.retention.TenantRetention;
import soc.tenants.scope.TenantScope;

/**
 * Enforces each tenant's retention of its daily event indices ({@code soc-events.<tenant>.<yyyy.MM.dd>}) and of its
 * alert documents in search ({@code soc-alerts.<tenant>}), with the days from soc-tenants ({@link TenantRetention}: the tenant's setting or the platform default).
 * <ul>
 *   <li>Where the cluster has the Index State Management plugin (the official OpenSearch image), one ISM policy per
 *   tenant deletes its indices once they are N days old; this job only keeps the policies in line with the settings
 *   (written when a setting changed, audited).</li>
 *   <li>Where it has not (the integ-test distribution of tests and {@code ./soc run}), this job deletes the tenant's
 *   indices whose date, read from the name, is more than N days before today (UTC) — never another tenant's, never
 *   today's ({@link ExpiredIndices}) — audited per tenant, logged, counted in
 *   {@code soc.ingest.retention.deleted{tenant}}.</li>
 *   <li>In both cases, the tenant's alert index ({@code soc-alerts.<tenant>}, one per tenant, not dated, so ISM cannot
 *   apply) loses the alert documents raised before the oldest kept day ({@link ExpiredAlerts}), found by a range
 *   query on that exact index and deleted by id — audited per tenant ({@code retention.alerts.deleted}), logged,
 *   counted in {@code soc.ingest.retention.alerts.deleted{tenant}}. Only the search copy goes: the alert rows in
 *   PostgreSQL (queue, triage, cases and the alerts attached to them, open or closed) are the record of work and are
 *   not subject to retention.</li>
 * </ul>
 * Every ingest instance runs it; the work is idempotent, so instances running at once do no harm.
 */
@Component
public class EventRetention implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(EventRetention.class);
    static final String ACTOR = "system:retention";

    private final TenantRetention settings;
    private final RetentionCluster cluster;
    private final AuditLog audit;
    private final MeterRegistry meters;
    private final RetentionJobProperties properties;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    EventRetention(TenantRetention settings, RetentionCluster cluster, AuditLog audit, MeterRegistry meters,
                   RetentionJobProperties properties) {
        this.settings = settings;
        this.cluster = cluster;
        this.audit = audit;
        this.meters = meters;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /**
     * What one run did.
     *
     * @param mode     {@code ism} (policies kept in line), {@code job} (indices deleted here) or {@code unavailable}
     * @param deleted       per tenant, the indices deleted
     * @param alertsDeleted per tenant with any, the number of alert documents deleted
     * @param policies      per tenant, what happened to its ISM policy
     * @param failures      tenants whose enforcement failed (retried next run)
     */
    public record Run(String mode, Map<String, List<String>> deleted, Map<String, Long> alertsDeleted,
                      Map<String, RetentionCluster.PolicyChange> policies, List<String> failures) {
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void schedule() {
        if (!properties.enabled() || scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "event-retention");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::runLogged, properties.initialDelay().toMillis(),
                properties.interval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("Event retention runs every {} (first in {})", properties.interval(), properties.initialDelay());
    }

    private void runLogged() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("Event retention run failed, next run in {}: {}", properties.interval(), e.toString());
        }
    }

    /** One enforcement pass over every tenant. */
    public synchronized Run runOnce() {
        List<RetentionSetting> all = TenantScope.call(TenantScope.ALL_TENANTS, settings::all);
        boolean ism;
        try {
            ism = cluster.hasIsm();
        } catch (Exception e) {
            log.warn("Event retention skipped: OpenSearch unavailable: {}", e.toString());
            return new Run("unavailable", Map.of(), Map.of(), Map.of(), List.of(e.toString()));
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Map<String, List<String>> deleted = new LinkedHashMap<>();
        Map<String, Long> alertsDeleted = new LinkedHashMap<>();
        Map<String, RetentionCluster.PolicyChange> policies = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (RetentionSetting setting : all) {
            String tenant = setting.tenantId();
            try {
                if (ism) {
                    RetentionCluster.PolicyChange change = cluster.ensurePolicy(tenant, setting.days());
                    policies.put(tenant, change);
                    if (change != RetentionCluster.PolicyChange.UNCHANGED) {
                        record(tenant, "retention.policy", "ISM policy " + IsmPolicy.id(tenant) + " "
                                + change.name().toLowerCase() + ": delete after " + setting.days() + " days");
                    }
                } else {
                    List<String> expired = ExpiredIndices.expired(tenant, cluster.eventIndicesOf(tenant), today,
                            setting.days());
                    if (!expired.isEmpty()) {
                        cluster.delete(expired);
                        deleted.put(tenant, expired);
                        meters.counter("soc.ingest.retention.deleted", "tenant", tenant).increment(expired.size());
                        log.info("Retention of tenant {} ({} days): deleted {}", tenant, setting.days(), expired);
                        record(tenant, "retention.deleted", expired.size() + " event indices older than "
                                + setting.days() + " days: " + String.join(", ", expired));
                    }
                }
            } catch (Exception e) {
                failed(failures, tenant, "events", e);
            }
            try {
                Instant cutoff = ExpiredAlerts.cutoff(today, setting.days());
                long alerts = cluster.deleteAlertsBefore(tenant, cutoff);
                if (alerts > 0) {
                    alertsDeleted.put(tenant, alerts);
                    meters.counter("soc.ingest.retention.alerts.deleted", "tenant", tenant).increment(alerts);
                    log.info("Retention of tenant {} ({} days): deleted {} alerts raised before {}", tenant,
                            setting.days(), alerts, cutoff);
                    record(tenant, "retention.alerts.deleted", alerts + " alerts raised before " + cutoff
                            + " (older than " + setting.days() + " days) from " + IndexNames.alerts(tenant));
                }
            } catch (Exception e) {
                failed(failures, tenant, "alerts", e);
            }
        }
        return new Run(ism ? "ism" : "job", deleted, alertsDeleted, policies, failures);
    }

    private void failed(List<String> failures, String tenant, String what, Exception e) {
        failures.add(tenant + " (" + what + "): " + e);
        meters.counter("soc.ingest.retention.failures", "tenant", tenant).increment();
        log.warn("Retention of tenant {}'s {} failed, retried next run: {}", tenant, what, e.toString());
    }

    private void record(String tenant, String action, String detail) {
        TenantScope.run(TenantScope.ALL_TENANTS, () -> audit.record(ACTOR, tenant, action, detail));
    }

    @Override
    public synchronized void destroy() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
