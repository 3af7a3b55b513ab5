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
    @Column(name = "expected_daily_events")
    private Long expectedDailyEvents;
    @Enumerated(EnumType.STRING)
    private Criticality criticality = Criticality.MEDIUM;
    @Column(name = "silent_after_minutes")
    private int silentAfterMinutes = 60;

    protected Source() {
    }

    Source(String tenantId, String name, SourceType type, String format, IngestMethod ingestMethod) {
        this.tenantId = tenantId;
        this.name = name;
        this.type = type;
        this.format = format == null || format.isBlank() ? "auto" : format;
        this.ingestMethod = ingestMethod;
    }

    Source(String tenantId, SourceSpec spec) {
        this(tenantId, spec.name(), spec.type(), spec.format(), spec.ingestMethod());
        this.expectedDailyEvents = spec.expectedDailyEvents();
        this.criticality = spec.criticality() == null ? Criticality.MEDIUM : spec.criticality();
        this.silentAfterMinutes = spec.silentAfterMinutes() == null ? 60 : spec.silentAfterMinutes();
    }

    public Long getExpectedDailyEvents() {
        return expectedDailyEvents;
    }

    public Criticality getCriticality() {
        return criticality;
    }

    public int getSilentAfterMinutes() {
        return silentAfterMinutes;
    }

    /** Waiting for its first event, connected, or silent past its threshold. */
    public SourceHealth healthAt(Instant now) {
        if (lastEventAt == null) {
            return SourceHealth.WAITING;
        }
        return lastEventAt.plusSeconds(60L * silentAfterMinutes).isBefore(now) ? SourceHealth.SILENT : SourceHealth.CONNECTED;
    }

    /** Records activity; returns true when this was the source's very first event. */
    boolean seenAt(Instant at) {
        boolean first = lastEventAt == null;
        if (first || at.isAfter(lastEventAt)) {
            lastEventAt = at;
        }
        return first;
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
