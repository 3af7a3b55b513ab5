package soc.tenants.sources;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An ingest token. Only its SHA-256 is stored; the token itself is shown once when issued. */
@Entity
@Table(name = "ingest_token")
public class IngestToken {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    @Column(name = "token_id")
    private UUID id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "source_id")
    private UUID sourceId;
    @Column(name = "token_sha256")
    private String sha256;
    @Column(name = "token_prefix")
    private String prefix;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected IngestToken() {
    }

    IngestToken(String tenantId, UUID sourceId, String sha256, String prefix, String createdBy) {
        this.tenantId = tenantId;
        this.sourceId = sourceId;
        this.sha256 = sha256;
        this.prefix = prefix;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    public UUID getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public UUID getSourceId() {
        return sourceId;
    }

    public String getPrefix() {
        return prefix;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    void revoke() {
        revokedAt = Instant.now();
    }
}
