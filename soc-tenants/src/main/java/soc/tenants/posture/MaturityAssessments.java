package soc.tenants.posture;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import soc.tenants.audit.AuditLog;

/**
 * Maturity self-assessments of each tenant: every submission is kept (scores 0-4 per question) so the result can
 * be trended. Which questions exist and what they mean is the web application's question set; this stores answers.
 * Row-level security limits every query to the caller's scope.
 */
@Service
public class MaturityAssessments {
    private static final Pattern QUESTION_ID = Pattern.compile("^[A-Z]{2}\\.[A-Z]{2}-[0-9]{2}$");

    private final JdbcClient jdbc;
    private final AuditLog audit;

    MaturityAssessments(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Stores one submission; scores must be 0-4 and question ids like {@code DE.CM-01}. */
    @Transactional
    public long submit(String actor, String tenantId, Map<String, Integer> scores) {
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("An assessment needs at least one answer");
        }
        scores.forEach((question, score) -> {
            if (!QUESTION_ID.matcher(question).matches() || score == null || score < 0 || score > 4) {
                throw new IllegalArgumentException("Invalid answer " + question + "=" + score);
            }
        });
        long id = jdbc.sql("insert into maturity_assessment (tenant_id, submitted_by) values (:tenant, :actor) returning assessment_id")
                .param("tenant", tenantId).param("actor", actor).query(Long.class).single();
        scores.forEach((question, score) -> jdbc.sql("""
                        insert into maturity_answer (assessment_id, tenant_id, question_id, score)
                        values (:id, :tenant, :question, :score)
                        """)
                .param("id", id).param("tenant", tenantId).param("question", question).param("score", score).update());
        audit.record(actor, tenantId, "maturity.submitted", scores.size() + " answers");
        return id;
    }

    /** Every submission of the tenant, oldest first. */
    @Transactional(readOnly = true)
    public List<Submission> history(String tenantId) {
        Map<Long, Submission> byId = new LinkedHashMap<>();
        jdbc.sql("""
                        select a.assessment_id, a.submitted_at, a.submitted_by, x.question_id, x.score
                        from maturity_assessment a join maturity_answer x on x.assessment_id = a.assessment_id
                        where a.tenant_id = :tenant
                        order by a.submitted_at, a.assessment_id, x.question_id
                        """)
                .param("tenant", tenantId)
                .query(rs -> {
                    long id = rs.getLong("assessment_id");
                    Submission submission = byId.computeIfAbsent(id, key -> {
                        try {
                            Timestamp at = rs.getTimestamp("submitted_at");
                            return new Submission(key, at.toInstant(), rs.getString("submitted_by"), new LinkedHashMap<>());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    submission.scores().put(rs.getString("question_id"), rs.getInt("score"));
                });
        return new ArrayList<>(byId.values());
    }

    /** One submission: scores by question id. */
    public record Submission(long id, Instant submittedAt, String submittedBy, Map<String, Integer> scores) {
    }
}
