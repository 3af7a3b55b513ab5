package soc.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A line or document as received at the ingest edge, before parsing. The event id is assigned once at the
 * edge so that a replay of the raw topic produces the same normalised document id (no duplicates).
 *
 * @param eventId    unique id assigned at the edge
 * @param tenantId   owning tenant, from the authenticated source
 * @param sourceId   registered data source the line came from
 * @param receivedAt when the edge accepted it
 * @param transport  how it arrived: {@code http}, {@code syslog} or {@code kafka}
 * @param format     declared format of the source ({@code auto} to detect)
 * @param payload    the line or document exactly as received
 */
public record RawEnvelope(String eventId, String tenantId, String sourceId, Instant receivedAt, String transport,
                          String format, String payload) {
    public RawEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        TenantIds.requireValid(tenantId);
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(payload, "payload");
        transport = transport == null ? "http" : transport;
        format = format == null || format.isBlank() ? "auto" : format;
    }
}
