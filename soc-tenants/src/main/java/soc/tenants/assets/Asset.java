package soc.tenants.assets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

import soc.tenants.sources.Criticality;

/** An IT or OT device of a tenant, with the networks it uses. */
@Entity
@Table(name = "asset")
public class Asset {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    @Column(name = "asset_id")
    private UUID id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    private String name;
    @Enumerated(EnumType.STRING)
    private AssetType type;
    @Enumerated(EnumType.STRING)
    private Criticality criticality;
    @Column(name = "purdue_level")
    private Integer purdueLevel;
    private String zone;
    private String owner;
    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "asset_address", joinColumns = @JoinColumn(name = "asset_id"))
    private List<AssetAddress> addresses = new ArrayList<>();

    protected Asset() {
    }

    Asset(String tenantId, AssetSpec spec, String createdBy) {
        this.tenantId = tenantId;
        this.name = spec.name();
        this.type = spec.type();
        this.criticality = spec.criticality();
        this.purdueLevel = spec.purdueLevel();
        this.zone = spec.zone();
        this.owner = spec.owner();
        this.createdBy = createdBy;
        spec.addresses().forEach(cidr -> addresses.add(new AssetAddress(tenantId, cidr.toString())));
    }

    public UUID getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getName() {
        return name;
    }

    public AssetType getType() {
        return type;
    }

    public Criticality getCriticality() {
        return criticality;
    }

    public Integer getPurdueLevel() {
        return purdueLevel;
    }

    public String getZone() {
        return zone;
    }

    public String getOwner() {
        return owner;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public List<AssetAddress> getAddresses() {
        return Collections.unmodifiableList(addresses);
    }
}
