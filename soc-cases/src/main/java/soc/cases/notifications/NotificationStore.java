package soc.cases.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** PostgreSQL access for the outbox and the per-tenant settings; row-level security limits every query to the scope. */
@Repository
class NotificationStore {
    private static final String COLUMNS = """
            notification_id, tenant_id, case_id, event, channel, recipient, subject, body, status, attempts,
            last_error, created_at, next_attempt_at, sent_at
            """;

    private final JdbcClient jdbc;

    NotificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long enqueue(String tenantId, Long caseId, String event, NotificationChannel channel, String recipient,
                 String subject, String body, NotificationStatus status, String lastError) {
        return jdbc.sql("""
                        insert into notification (tenant_id, case_id, event, channel, recipient, subject, body, status,
                                                  last_error)
                        values (:tenant, :case, :event, :channel, :recipient, :subject, :body, :status, :error)
                        returning notification_id
                        """)
                .param("tenant", tenantId).param("case", caseId).param("event", event).param("channel", channel.name())
                .param("recipient", recipient).param("subject", subject).param("body", body)
                .param("status", status.name()).param("error", lastError)
                .query(Long.class).single();
    }

    /**
     * Claims due messages for this sender: their next attempt moves a lease into the future, so another instance (or
     * this one, should it die mid-send) picks them up again only after the lease.
     */
    List<Notification> claimDue(int limit, Duration lease) {
        return jdbc.sql("update notification set next_attempt_at = clock_timestamp() + make_interval(secs => :lease)"
                        + " where notification_id in (select notification_id from notification"
                        + " where status = 'PENDING' and next_attempt_at <= clock_timestamp()"
                        + " order by next_attempt_at limit :limit for update skip locked)"
                        + " returning " + COLUMNS)
                .param("lease", (double) lease.toSeconds()).param("limit", limit)
                .query(NotificationStore::notification).list();
    }

    void markSent(long id, String recipient) {
        jdbc.sql("""
                        update notification set status = 'SENT', attempts = attempts + 1, sent_at = clock_timestamp(),
                               last_error = null, recipient = :recipient
                        where notification_id = :id
                        """)
                .param("id", id).param("recipient", recipient).update();
    }

    void markNotConfigured(long id, String reason) {
        jdbc.sql("update notification set status = 'NOT_CONFIGURED', last_error = :reason where notification_id = :id")
                .param("id", id).param("reason", reason).update();
    }

    /** Records a failed attempt: retried at the given time, or FAILED for good when retryAt is null. */
    void markFailed(long id, String error, Instant retryAt) {
        jdbc.sql("""
                        update notification set attempts = attempts + 1, last_error = :error,
                               status = case when cast(:retry as timestamptz) is null then 'FAILED' else 'PENDING' end,
                               next_attempt_at = coalesce(cast(:retry as timestamptz), next_attempt_at)
                        where notification_id = :id
                        """)
                .param("id", id).param("error", error == null ? "unknown error" : truncate(error, 1000))
                .param("retry", retryAt == null ? null : Timestamp.from(retryAt)).update();
    }

    List<Notification> recent(String tenantId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from notification where tenant_id = :tenant"
                        + " order by created_at desc, notification_id desc limit :limit")
                .param("tenant", tenantId).param("limit", limit).query(NotificationStore::notification).list();
    }

    List<Notification> forCase(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from notification where case_id = :case order by notification_id")
                .param("case", caseId).query(NotificationStore::notification).list();
    }

    Optional<CaseSummary> caseSummary(long caseId) {
        return jdbc.sql("select case_id, tenant_id, title, severity, status from case_file where case_id = :id")
                .param("id", caseId)
                .query((rs, n) -> new CaseSummary(rs.getLong("case_id"), rs.getString("tenant_id"),
                        rs.getString("title"), rs.getString("severity"), rs.getString("status")))
                .optional();
    }

    Optional<StoredSetting> setting(String tenantId) {
        return jdbc.sql("""
                        select tenant_id, escalation_emails, webhook_url, webhook_secret, secret_issued_at, updated_at,
                               updated_by
                        from notification_setting where tenant_id = :tenant
                        """)
                .param("tenant", tenantId)
                .query((rs, n) -> new StoredSetting(rs.getString("tenant_id"), rs.getString("escalation_emails"),
                        rs.getString("webhook_url"), rs.getString("webhook_secret"),
                        instant(rs.getTimestamp("secret_issued_at")), instant(rs.getTimestamp("updated_at")),
                        rs.getString("updated_by")))
                .optional();
    }

    void saveSetting(String tenantId, String escalationEmails, String webhookUrl, String actor) {
        jdbc.sql("""
                        insert into notification_setting (tenant_id, escalation_emails, webhook_url, updated_by)
                        values (:tenant, :emails, :url, :actor)
                        on conflict (tenant_id) do update set escalation_emails = excluded.escalation_emails,
                            webhook_url = excluded.webhook_url, updated_by = excluded.updated_by,
                            updated_at = clock_timestamp()
                        """)
                .param("tenant", tenantId).param("emails", escalationEmails).param("url", webhookUrl)
                .param("actor", actor).update();
    }

    void saveSecret(String tenantId, String secret, String actor) {
        jdbc.sql("""
                        insert into notification_setting (tenant_id, webhook_secret, secret_issued_at, updated_by)
                        values (:tenant, :secret, clock_timestamp(), :actor)
                        on conflict (tenant_id) do update set webhook_secret = excluded.webhook_secret,
                            secret_issued_at = excluded.secret_issued_at, updated_by = excluded.updated_by,
                            updated_at = clock_timestamp()
                        """)
                .param("tenant", tenantId).param("secret", secret).param("actor", actor).update();
    }

    private static Notification notification(ResultSet rs, int n) throws SQLException {
        long caseId = rs.getLong("case_id");
        Long nullableCase = rs.wasNull() ? null : caseId;
        return new Notification(rs.getLong("notification_id"), rs.getString("tenant_id"), nullableCase,
                rs.getString("event"), NotificationChannel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("body"), NotificationStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getString("last_error"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("next_attempt_at")), instant(rs.getTimestamp("sent_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** The facts of a case a notification needs. */
    record CaseSummary(long caseId, String tenantId, String title, String severity, String status) {
    }

    /** The settings row including the secret: for the sender only, never for display. */
    record StoredSetting(String tenantId, String escalationEmails, String webhookUrl, String webhookSecret,
                         Instant secretIssuedAt, Instant updatedAt, String updatedBy) {
    }
}
