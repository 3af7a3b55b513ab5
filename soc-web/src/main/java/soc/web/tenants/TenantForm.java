package soc.web.tenants;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import soc.tenants.tenants.ServiceModel;
import soc.tenants.tenants.SlaTier;
import soc.tenants.tenants.TenantKind;
import soc.tenants.tenants.TenantProfile;

/** The registration form of a new tenant. */
public class TenantForm {
    @NotBlank
    @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}", message = "{tenant.id.invalid}")
    private String id;
    @NotBlank
    @Size(max = 200)
    private String name;
    @NotNull
    private TenantKind kind = TenantKind.COUNTY_COUNCIL;
    @Size(max = 100)
    private String region;
    @Size(max = 100)
    private String size;
    @NotNull
    private ServiceModel serviceModel = ServiceModel.MANAGED;
    @NotNull
    private SlaTier slaTier = SlaTier.STANDARD;
    @Size(max = 200)
    private String securityLead;
    @Size(max = 200)
    private String securityLeadEmail;
    @Size(max = 200)
    private String escalationContact;
    @Size(max = 50)
    private String escalationPhone;

    TenantProfile toProfile() {
        return new TenantProfile(id, name, kind, region, size, serviceModel, slaTier, securityLead, securityLeadEmail,
                escalationContact, escalationPhone);
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id == null ? null : id.trim(); }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public TenantKind getKind() { return kind; }
    public void setKind(TenantKind kind) { this.kind = kind; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getSize() { return size; }
    public void setSize(String size) { this.size = size; }
    public ServiceModel getServiceModel() { return serviceModel; }
    public void setServiceModel(ServiceModel serviceModel) { this.serviceModel = serviceModel; }
    public SlaTier getSlaTier() { return slaTier; }
    public void setSlaTier(SlaTier slaTier) { this.slaTier = slaTier; }
    public String getSecurityLead() { return securityLead; }
    public void setSecurityLead(String securityLead) { this.securityLead = securityLead; }
    public String getSecurityLeadEmail() { return securityLeadEmail; }
    public void setSecurityLeadEmail(String securityLeadEmail) { this.securityLeadEmail = securityLeadEmail; }
    public String getEscalationContact() { return escalationContact; }
    public void setEscalationContact(String escalationContact) { this.escalationContact = escalationContact; }
    public String getEscalationPhone() { return escalationPhone; }
    public void setEscalationPhone(String escalationPhone) { this.escalationPhone = escalationPhone; }
}
