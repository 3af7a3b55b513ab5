package soc.tenants.offboarding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import soc.tenants.audit.AuditLog;
import soc.tenants.offboarding.TenantTables.TenantTable;
import soc.tenants.tenants.Tenant;
import soc.tenants.tenants.TenantService;
import soc.tenants.tenants.TenantStatus;

/**
 * Offboarding of a tenant's data kept in PostgreSQL: export every row of every tenant table, record that the
 * export was taken, then delete them. Deletion needs the tenant OFFBOARDED, an export taken and the tenant id
 * typed as confirmation. Everything about the tenant goes, its audit trail included — except the audit entry
 * of the deletion itself, which stays (with the tenant id) as the proof of what was done, by whom and when.
 */
@Service
public class Offboarding {
    private final TenantTables tables;
    private final JdbcTemplate jdbc;
    private final TenantService tenants;
    private final AuditLog audit;

    Offboarding(TenantTables tables, JdbcTemplate jdbc, TenantService tenants, AuditLog audit) {
        this.tables = tables;
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.audit = audit;
    }

    /** Receives a tenant's rows table by table; exceptions abort the export. */
    public interface RowSink {
        void table(String name) throws IOException;

        void row(Map<String, Object> values) throws IOException;
    }

    /** Streams every row of the tenant, table by table (in a repeatable-read snapshot); returns rows per table. */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public Map<String, Long> exportRows(String tenantId, RowSink sink) throws IOException {
        requireTenant(tenantId);
        Map<String, Long> counts = new LinkedHashMap<>();
        List<TenantTable> all = new java.util.ArrayList<>(tables.inDeletionOrder());
        java.util.Collections.reverse(all);
        try {
            for (TenantTable table : all) {
                sink.table(table.name());
                counts.put(table.name(), tables.export(table, tenantId, values -> {
                    try {
                        sink.row(values);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return counts;
    }

    @Transactional
    public TenantExport recordExport(String actor, String tenantId, long bytes, String sha256, int tableCount,
                                     long rows, long documents) {
        requireTenant(tenantId);
        TenantExport export = jdbc.queryForObject("""
                insert into offboarding_export (tenant_id, taken_by, bytes, digest, tables, pg_rows, documents)
                values (?, ?, ?, ?, ?, ?, ?) returning *""", (rs, n) -> row(rs), tenantId, actor, bytes, sha256,
                tableCount, rows, documents);
        audit.record(actor, tenantId, "tenant.exported", bytes + " bytes, " + rows + " rows, " + documents
                + " documents, sha256 " + sha256);
        return export;
    }

    @Transactional(readOnly = true)
    public List<TenantExport> exports(String tenantId) {
        return jdbc.query("select * from offboarding_export where tenant_id = ? order by taken_at desc",
                (rs, n) -> row(rs), tenantId);
    }

    /** Why the tenant cannot be deleted now, or empty when it can. */
    @Transactional(readOnly = true)
    public Optional<String> deletionRefusal(String tenantId, String typedConfirmation) {
        Tenant tenant = requireTenant(tenantId);
        if (tenant.getStatus() != TenantStatus.OFFBOARDED) {
            return Optional.of("Only an offboarded tenant can be deleted: change its status to Offboarded first");
        }
        if (exports(tenantId).isEmpty()) {
            return Optional.of("Take an export of the tenant's data before deleting it");
        }
        if (typedConfirmation == null || !typedConfirmation.strip().equals(tenantId)) {
            return Optional.of("Type the tenant id exactly to confirm the deletion");
        }
        return Optional.empty();
    }

    /**
     * Deletes every row of the tenant in PostgreSQL, in one transaction (plain SQL: nothing JPA-managed of the
     * tenant may be pending in it), and records the deletion. The caller deletes what lives elsewhere (OpenSearch indices, Kafka topic) first and
     * passes a summary of it for the audit entry.
     *
     * @return rows deleted per table
     * @throws IllegalStateException when {@link #deletionRefusal} refuses
     */
    @Transactional
    public Map<String, Long> deleteRows(String actor, String tenantId, String typedConfirmation, String elsewhere) {
        deletionRefusal(tenantId, typedConfirmation).ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        TenantExport export = exports(tenantId).get(0);
        // ingest tokens were revoked when the tenant became OFFBOARDED (and again by the caller): their rows go now
        Map<String, Long> deleted = new LinkedHashMap<>();
        for (TenantTable table : tables.inDeletionOrder()) {
            deleted.put(table.name(), tables.delete(table, tenantId));
        }
        long rows = deleted.values().stream().mapToLong(Long::longValue).sum();
        audit.record(actor, tenantId, "tenant.deleted", rows + " rows in " + deleted.size() + " tables"
                + (elsewhere == null || elsewhere.isBlank() ? "" : "; " + elsewhere)
                + "; export " + export.id() + " taken " + export.takenAt() + " by " + export.takenBy()
                + ", sha256 " + export.sha256());
        return deleted;
    }

    private Tenant requireTenant(String tenantId) {
        return tenants.find(tenantId).orElseThrow(() -> new IllegalArgumentException("Unknown tenant " + tenantId));
    }

    private static TenantExport row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new TenantExport(rs.getObject("export_id", java.util.UUID.class), rs.getString("tenant_id"),
                rs.getString("taken_by"), rs.getTimestamp("taken_at").toInstant(), rs.getLong("bytes"),
                rs.getString("digest"), rs.getInt("tables"), rs.getLong("pg_rows"), rs.getLong("documents"));
    }
}
