package soc.events;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A normalised event: a flat map of ECS-aligned dotted field names ({@code source.ip}, {@code event.action},
 * {@code ot.function_code}...) to values. Flat keys keep field look-ups by rules cheap; OpenSearch expands the
 * dots into objects when indexing. The platform fields below are always present.
 */
public final class SocEvent {
    public static final String TIMESTAMP = "@timestamp";
    public static final String EVENT_ID = "event.id";
    public static final String TENANT_ID = "tenant.id";
    public static final String SOURCE_ID = "soc.source.id";
    public static final String INGESTED = "event.ingested";
    public static final String ORIGINAL = "event.original";
    public static final String DATASET = "event.dataset";
    public static final String MESSAGE = "message";

    private final Map<String, Object> fields;

    private SocEvent(Map<String, Object> fields) {
        this.fields = fields;
    }

    /** Wraps a document read back from Kafka or OpenSearch, checking the platform fields are there. */
    public static SocEvent of(Map<String, Object> document) {
        Map<String, Object> copy = new LinkedHashMap<>(document);
        Objects.requireNonNull(copy.get(EVENT_ID), EVENT_ID);
        TenantIds.requireValid((String) copy.get(TENANT_ID));
        Objects.requireNonNull(copy.get(TIMESTAMP), TIMESTAMP);
        return new SocEvent(Collections.unmodifiableMap(copy));
    }

    /** Starts an event from its raw envelope: id, tenant, source, ingest time and original are carried over. */
    public static Builder from(RawEnvelope raw) {
        return new Builder()
                .put(EVENT_ID, raw.eventId())
                .put(TENANT_ID, raw.tenantId())
                .put(SOURCE_ID, raw.sourceId())
                .put(INGESTED, raw.receivedAt().toString())
                .put(ORIGINAL, raw.payload());
    }

    public String eventId() {
        return (String) fields.get(EVENT_ID);
    }

    public String tenantId() {
        return (String) fields.get(TENANT_ID);
    }

    public String sourceId() {
        return (String) fields.get(SOURCE_ID);
    }

    public Instant timestamp() {
        return Instant.parse((String) fields.get(TIMESTAMP));
    }

    public Object get(String field) {
        return fields.get(field);
    }

    /** The value as a string, or null when absent. */
    public String getString(String field) {
        Object value = fields.get(field);
        return value == null ? null : value.toString();
    }

    /** All fields, unmodifiable, in insertion order. */
    public Map<String, Object> fields() {
        return fields;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SocEvent other && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return "SocEvent" + fields;
    }

    /** Collects fields; null values are skipped so absent stays absent. */
    public static final class Builder {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        public Builder put(String field, Object value) {
            if (value != null) {
                fields.put(field, value instanceof Instant instant ? instant.toString() : value);
            }
            return this;
        }

        public Builder timestamp(Instant eventTime) {
            return put(TIMESTAMP, eventTime.toString());
        }

        public Object get(String field) {
            return fields.get(field);
        }

        /** Builds the event; when the source gave no usable time, the ingest time stands in for it. */
        public SocEvent build() {
            fields.putIfAbsent(TIMESTAMP, fields.get(INGESTED));
            return SocEvent.of(fields);
        }
    }
}
