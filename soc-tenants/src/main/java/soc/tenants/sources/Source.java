package soc.tenants.sources;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A registered data source of a tenant: where events come from and in which format. */
@Entity
@Table(name = "source")
public class Source {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    @Column(name = "source_id")
    private UUID id;
    @Column(name = "tenant_id")
    private String tenantId;
    private String name;
    @Enumerated(EnumType.STRING)
    private SourceType type;
    private String format;
    @Enumerated(EnumType.STRING)
    @Column(name = "ingest_method")
    private IngestMethod ingestMethod;
    @Column(name = "last_event_at")
    private Instant lastEventAt;

    protected Source() {
    }

    Source(String tenantId, String name, SourceType type, String format, IngestMethod ingestMethod) {
        this.tenantId = tenantId;
        this.name = name;
        this.type = type;
        this.format = format == null || format.isBlank() ? "auto" : format;
        this.ingestMethod = ingestMethod;
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

    public SourceType getType() {
        return type;
    }

    public String getFormat() {
        return format;
    }

    public IngestMethod getIngestMethod() {
        return ingestMethod;
    }

    public Instant getLastEventAt() {
        return lastEventAt;
    }
}
