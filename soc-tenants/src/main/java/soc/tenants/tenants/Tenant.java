package soc.tenants.tenants;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import soc.events.TenantIds;

/** An organisation served by the SOC. Its id is the slug used in Kafka keys, index names and rows. */
@Entity
@Table(name = "tenant")
public class Tenant {
    @Id
    @Column(name = "tenant_id")
    private String id;
    private String name;
    @Enumerated(EnumType.STRING)
    private TenantKind kind;
    private String region;
    @Enumerated(EnumType.STRING)
    private TenantStatus status;
    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;

    protected Tenant() {
    }

    public Tenant(String id, String name, TenantKind kind, String region) {
        this.id = TenantIds.requireValid(id);
        this.name = name;
        this.kind = kind;
        this.region = region;
        this.status = TenantStatus.ONBOARDING;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public TenantKind getKind() {
        return kind;
    }

    public String getRegion() {
        return region;
    }

    public TenantStatus getStatus() {
        return status;
    }

    public void setStatus(TenantStatus status) {
        this.status = status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
