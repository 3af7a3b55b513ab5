package soc.web.tenants;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import soc.tenants.sources.Criticality;
import soc.tenants.sources.IngestMethod;
import soc.tenants.sources.SourceSpec;
import soc.tenants.sources.SourceType;

/** The form to add a data source to a tenant's inventory. */
public class SourceForm {
    @NotBlank
    @Size(max = 200)
    private String name;
    @NotNull
    private SourceType type = SourceType.FIREWALL;
    @NotBlank
    private String format = "auto";
    @NotNull
    private IngestMethod ingestMethod = IngestMethod.HTTP_TOKEN;
    @Min(0)
    private Long expectedDailyEvents;
    @NotNull
    private Criticality criticality = Criticality.MEDIUM;
    @Min(5)
    private Integer silentAfterMinutes = 60;

    SourceSpec toSpec() {
        return new SourceSpec(name, type, format, ingestMethod, expectedDailyEvents, criticality, silentAfterMinutes);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public SourceType getType() { return type; }
    public void setType(SourceType type) { this.type = type; }
    public String getFormat() { return format; }
    public void setFormat(String format) { this.format = format; }
    public IngestMethod getIngestMethod() { return ingestMethod; }
    public void setIngestMethod(IngestMethod ingestMethod) { this.ingestMethod = ingestMethod; }
    public Long getExpectedDailyEvents() { return expectedDailyEvents; }
    public void setExpectedDailyEvents(Long expectedDailyEvents) { this.expectedDailyEvents = expectedDailyEvents; }
    public Criticality getCriticality() { return criticality; }
    public void setCriticality(Criticality criticality) { this.criticality = criticality; }
    public Integer getSilentAfterMinutes() { return silentAfterMinutes; }
    public void setSilentAfterMinutes(Integer silentAfterMinutes) { this.silentAfterMinutes = silentAfterMinutes; }
}
