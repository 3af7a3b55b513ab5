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
    private String size;
    @Enumerated(EnumType.STRING)
    @Column(name = "service_model")
    private ServiceModel serviceModel = ServiceModel.MANAGED;
    @Enumerated(EnumType.STRING)
    @Column(name = "sla_tier")
    private SlaTier slaTier = SlaTier.STANDARD;
    @Column(name = "security_lead")
    private String securityLead;
    @Column(name = "security_lead_email")
    private String securityLeadEmail;
    @Column(name = "escalation_contact")
    private String escalationContact;
    @Column(name = "escalation_phone")
    private String escalationPhone;

    protected Tenant() {
    }

    public Tenant(String id, String name, TenantKind kind, String region) {
        this.id = TenantIds.requireValid(id);
        this.name = name;
        this.kind = kind;
        this.region = region;
        this.status = TenantStatus.ONBOARDING;
    }

    Tenant(TenantProfile profile) {
        this(profile.id(), profile.name(), profile.kind(), profile.region());
        this.size = profile.size();
        this.serviceModel = profile.serviceModel() == null ? ServiceModel.MANAGED : profile.serviceModel();
        this.slaTier = profile.slaTier() == null ? SlaTier.STANDARD : profile.slaTier();
        this.securityLead = profile.securityLead();
        this.securityLeadEmail = profile.securityLeadEmail();
        this.escalationContact = profile.escalationContact();
        this.escalationPhone = profile.escalationPhone();
    }

    public String getSize() {
        return size;
    }

    public ServiceModel getServiceModel() {
        return serviceModel;
    }

    public SlaTier getSlaTier() {
        return slaTier;
    }

    public String getSecurityLead() {
        return securityLead;
    }

    public String getSecurityLeadEmail() {
        return securityLeadEmail;
    }

    public String getEscalationContact() {
        return escalationContact;
    }

    public String getEscalationPhone() {
        return escalationPhone;
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
