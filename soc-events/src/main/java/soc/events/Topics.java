package soc.events;

/** Kafka topic names shared by every service. All messages are keyed by tenant id. */
public final class Topics {
    /** One message per received line or document, exactly as received, wrapped in a {@link RawEnvelope}. */
    public static final String RAW = "soc.raw.v1";
    /** Normalised, ECS-aligned events ({@link SocEvent}). */
    public static final String EVENTS = "soc.events.v1";
    /** Alerts raised by detection ({@link Alert}). */
    public static final String ALERTS = "soc.alerts.v1";
    /** Anything rejected at any stage, with the reason and the original ({@link DeadLetter}). */
    public static final String DEAD_LETTER = "soc.deadletter.v1";
    /** The detection rule catalog ({@link RuleInfo}), compacted, keyed by rule id; published by soc-detect. */
    public static final String RULES = "soc.rules.v1";
    /** Per-tenant detection settings ({@link TenantDetectionConfig}), compacted, keyed by tenant id; from the web app. */
    public static final String DETECT_CONFIG = "soc.detect.config.v1";

    /** Threat indicators ({@link ThreatIndicator}), compacted, keyed by indicator id, tombstone on delete; from the web app. */
    public static final String INDICATORS = "soc.indicators.v1";

    private Topics() {
    }
}
