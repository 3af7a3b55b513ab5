package soc.cases.filters;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import soc.cases.alerts.AlertQuery;
import soc.cases.cases.CaseRuleException;
import soc.tenants.audit.AuditLog;

/**
 * Saved filters of the alert queue, per user: a name and the filter's query string (normalised through
 * {@link AlertQuery}, so a saved filter never carries anything the queue would not accept). Saving under an
 * existing name replaces it. Rows carry the user's tenant (null for the provider's staff) under row-level security.
 */
@Service
public class SavedFilters {
    public static final int MAX_PER_USER = 30;

    private final JdbcClient jdbc;
    private final AuditLog audit;

    SavedFilters(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<SavedFilter> of(String username) {
        return jdbc.sql("select filter_id, name, query from saved_filter where username = :user order by lower(name)")
                .param("user", username)
                .query((rs, n) -> new SavedFilter(rs.getLong("filter_id"), rs.getString("name"), rs.getString("query")))
                .list();
    }

    @Transactional
    public SavedFilter save(String username, String tenantId, String name, AlertQuery query) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 80) {
            throw new CaseRuleException("filters.error.name", "Give the filter a name of at most 80 characters");
        }
        if (query.isEmpty()) {
            throw new CaseRuleException("filters.error.empty", "Set at least one filter before saving it");
        }
        int existing = jdbc.sql("select count(*) from saved_filter where username = :user and name <> :name")
                .param("user", username).param("name", clean).query(Integer.class).single();
        if (existing >= MAX_PER_USER) {
            throw new CaseRuleException("filters.error.tooMany", "At most " + MAX_PER_USER + " saved filters",
                    MAX_PER_USER);
        }
        SavedFilter saved = jdbc.sql("""
                        insert into saved_filter (username, tenant_id, name, query) values (:user, :tenant, :name, :query)
                        on conflict (username, name) do update set query = excluded.query
                        returning filter_id, name, query
                        """)
                .param("user", username).param("tenant", tenantId).param("name", clean)
                .param("query", query.toQueryString())
                .query((rs, n) -> new SavedFilter(rs.getLong("filter_id"), rs.getString("name"), rs.getString("query")))
                .single();
        audit.record(username, tenantId, "filter.saved", clean + ": " + saved.query());
        return saved;
    }

    /** Deletes one of the user's own filters; returns whether there was one. */
    @Transactional
    public boolean delete(String username, String tenantId, long filterId) {
        boolean deleted = jdbc.sql("delete from saved_filter where filter_id = :id and username = :user")
                .param("id", filterId).param("user", username).update() == 1;
        if (deleted) {
            audit.record(username, tenantId, "filter.deleted", Long.toString(filterId));
        }
        return deleted;
    }
}
