package soc.tenants.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Who did what, when, for which tenant (null for platform-level actions). Append-only. */
@Entity
@Table(name = "audit_log")
public class AuditEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "audit_id")
    private Long id;
    private Instant at;
    private String actor;
    @Column(name = "tenant_id")
    private String tenantId;
    private String action;
    private String detail;

    protected AuditEntry() {
    }

    AuditEntry(String actor, String tenantId, String action, String detail) {
        this.at = Instant.now();
        this.actor = actor;
        this.tenantId = tenantId;
        this.action = action;
        this.detail = detail;
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getAction() {
        return action;
    }

    public String getDetail() {
        return detail;
    }
}
