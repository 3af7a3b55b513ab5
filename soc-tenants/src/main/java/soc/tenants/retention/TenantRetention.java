package soc.tenants.retention;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import soc.tenants.audit.AuditLog;

/**
 * How long each tenant's time-based OpenSearch indices are kept ({@code tenant.retention_days}, V16; empty = the
 * platform default {@code soc.retention.default-days}). Platform admins and onboarding officers change it on the
 * tenant page (audited); soc-ingest reads every tenant's setting here and enforces it. Row-level security limits
 * what each caller's scope sees.
 */
@Service
public class TenantRetention {
    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 3650;

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final RetentionProperties properties;

    TenantRetention(JdbcTemplate jdbc, AuditLog audit, RetentionProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = properties;
    }

    public int defaultDays() {
        return properties.defaultDays();
    }

    /** The tenant's setting, if the caller's scope sees the tenant. */
    @Transactional(readOnly = true)
    public Optional<RetentionSetting> of(String tenantId) {
        return jdbc.query("select tenant_id, retention_days from tenant where tenant_id = ?",
                (rs, row) -> setting(rs.getString(1), (Integer) rs.getObject(2)), tenantId).stream().findFirst();
    }

    /** Every tenant the caller's scope sees, by id. */
    @Transactional(readOnly = true)
    public List<RetentionSetting> all() {
        return jdbc.query("select tenant_id, retention_days from tenant order by tenant_id",
                (rs, row) -> setting(rs.getString(1), (Integer) rs.getObject(2)));
    }

    /**
     * Sets the tenant's retention in days, or back to the platform default with null; audited when it changes.
     *
     * @throws IllegalArgumentException for days outside {@value #MIN_DAYS}..{@value #MAX_DAYS} or an unknown tenant
     */
    @Transactional
    public RetentionSetting change(String actor, String tenantId, Integer days) {
        if (days != null && (days < MIN_DAYS || days > MAX_DAYS)) {
            throw new IllegalArgumentException("Retention must be between " + MIN_DAYS + " and " + MAX_DAYS
                    + " days, not " + days);
        }
        RetentionSetting before = of(tenantId)
                .orElseThrow(() -> new IllegalArgumentException("Unknown tenant " + tenantId));
        if (Objects.equals(before.configured(), days)) {
            return before;
        }
        jdbc.update("update tenant set retention_days = ? where tenant_id = ?", days, tenantId);
        RetentionSetting after = setting(tenantId, days);
        audit.record(actor, tenantId, "tenant.retention", describe(before) + " -> " + describe(after));
        return after;
    }

    private RetentionSetting setting(String tenantId, Integer configured) {
        return new RetentionSetting(tenantId, configured, configured == null ? properties.defaultDays() : configured);
    }

    private static String describe(RetentionSetting setting) {
        return setting.days() + " days" + (setting.platformDefault() ? " (platform default)" : "");
    }
}
