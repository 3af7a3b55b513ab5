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

    /** {@link #of} for a map nothing else holds (the JSON reader's own): checked, wrapped without a copy. */
    static SocEvent adopt(Map<String, Object> document) {
        Objects.requireNonNull(document.get(EVENT_ID), EVENT_ID);
        TenantIds.requireValid((String) document.get(TENANT_ID));
        Objects.requireNonNull(document.get(TIMESTAMP), TIMESTAMP);
        return new SocEvent(Collections.unmodifiableMap(document));
    }

    /** Starts an event from its raw envelope: id, tenant, source, ingest time and original are carried over. */
    public static Builder from(RawEnvelope raw) {
        return new Builder()
                .put(EVENT_ID, raw.eventId())
                .put(TENANT_ID, raw.tenantId())
                .put(SOURCE_ID, raw.sourceId())
                .put(INGESTED, instantText(raw.receivedAt()))
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

    /**
     * {@code instant.toString()} (ISO-8601, UTC, fraction in groups of 3 digits), without the general-purpose
     * formatter for years 1970-9999: it is called for every normalised event.
     */
    static String instantText(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds > 253_402_300_799L) {
            return instant.toString();
        }
        int nanos = instant.getNano();
        long days = seconds / 86_400;
        int secondOfDay = (int) (seconds % 86_400);
        // civil date from days since 1970-01-01 (H. Hinnant's algorithm, proleptic Gregorian)
        long z = days + 719_468;
        long era = z / 146_097;
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        char[] b = new char[30];
        digits(b, 0, year, 4);
        b[4] = '-';
        digits(b, 5, month, 2);
        b[7] = '-';
        digits(b, 8, day, 2);
        b[10] = 'T';
        digits(b, 11, secondOfDay / 3600, 2);
        b[13] = ':';
        digits(b, 14, secondOfDay / 60 % 60, 2);
        b[16] = ':';
        digits(b, 17, secondOfDay % 60, 2);
        int n = 19;
        if (nanos != 0) {
            b[n++] = '.';
            if (nanos % 1_000_000 == 0) {
                digits(b, n, nanos / 1_000_000, 3);
                n += 3;
            } else if (nanos % 1000 == 0) {
                digits(b, n, nanos / 1000, 6);
                n += 6;
            } else {
                digits(b, n, nanos, 9);
                n += 9;
            }
        }
        b[n++] = 'Z';
        return new String(b, 0, n);
    }

    private static void digits(char[] b, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            b[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * Collects fields; null values are skipped so absent stays absent. {@link #build()} hands its map to the event
     * without copying it; a later change to the builder first copies the map, so a built event never changes.
     */
    public static final class Builder {
        /**
         * Presized: normalised events have tens of fields (Windows and Suricata often 50-70), and rehashing showed
         * up in profiles; 128 buckets hold 96 fields without a resize.
         */
        private Map<String, Object> fields = new LinkedHashMap<>(128);
        private boolean built;

        public Builder put(String field, Object value) {
            if (value != null) {
                if (built) {
                    fields = new LinkedHashMap<>(fields);
                    built = false;
                }
                fields.put(field, value instanceof Instant instant ? instantText(instant) : value);
            }
            return this;
        }

        public Builder timestamp(Instant eventTime) {
            return put(TIMESTAMP, instantText(eventTime));
        }

        public Object get(String field) {
            return fields.get(field);
        }

        /** Builds the event; when the source gave no usable time, the ingest time stands in for it. */
        public SocEvent build() {
            if (fields.get(TIMESTAMP) == null) {
                put(TIMESTAMP, fields.get(INGESTED));
            }
            Objects.requireNonNull(fields.get(EVENT_ID), EVENT_ID);
            TenantIds.requireValid((String) fields.get(TENANT_ID));
            Objects.requireNonNull(fields.get(TIMESTAMP), TIMESTAMP);
            built = true;
            return new SocEvent(Collections.unmodifiableMap(fields));
        }
    }
}
