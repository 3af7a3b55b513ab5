package soc.cases.attachments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** PostgreSQL access for evidence files (bytea); row-level security limits every query to the caller's scope. */
@Repository
class AttachmentStore {
    private static final String COLUMNS = """
            attachment_id, case_id, tenant_id, filename, content_type, size_bytes, sha256, uploaded_by, uploaded_at
            """;

    private final JdbcClient jdbc;

    AttachmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tenant of a case, if the scope sees the case. */
    Optional<String> caseTenant(long caseId) {
        return jdbc.sql("select tenant_id from case_file where case_id = :id").param("id", caseId)
                .query(String.class).optional();
    }

    long insert(long caseId, String tenantId, String filename, String contentType, byte[] content, String sha256,
                String uploadedBy) {
        return jdbc.sql("""
                        insert into case_attachment (case_id, tenant_id, filename, content_type, size_bytes, sha256,
                                                     content, uploaded_by)
                        values (:case, :tenant, :filename, :type, :size, :sha, :content, :by)
                        returning attachment_id
                        """)
                .param("case", caseId).param("tenant", tenantId).param("filename", filename).param("type", contentType)
                .param("size", (long) content.length).param("sha", sha256).param("content", content)
                .param("by", uploadedBy).query(Long.class).single();
    }

    void timeline(long caseId, String tenantId, String actor, String text) {
        jdbc.sql("""
                        insert into case_entry (case_id, tenant_id, actor, kind, text)
                        values (:case, :tenant, :actor, 'ATTACHMENT', :text)
                        """)
                .param("case", caseId).param("tenant", tenantId).param("actor", actor).param("text", text).update();
        jdbc.sql("update case_file set updated_at = clock_timestamp() where case_id = :id").param("id", caseId).update();
    }

    List<Attachment> forCase(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from case_attachment where case_id = :case order by uploaded_at, attachment_id")
                .param("case", caseId).query(AttachmentStore::attachment).list();
    }

    Optional<Attachment> find(long caseId, long attachmentId) {
        return jdbc.sql("select " + COLUMNS + " from case_attachment where case_id = :case and attachment_id = :id")
                .param("case", caseId).param("id", attachmentId).query(AttachmentStore::attachment).optional();
    }

    byte[] content(long attachmentId) {
        return jdbc.sql("select content from case_attachment where attachment_id = :id").param("id", attachmentId)
                .query((rs, n) -> rs.getBytes(1)).single();
    }

    private static Attachment attachment(ResultSet rs, int n) throws SQLException {
        return new Attachment(rs.getLong("attachment_id"), rs.getLong("case_id"), rs.getString("tenant_id"),
                rs.getString("filename"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
    }
}
