package soc.detect.correlation;

/** soc-detect's internal topics of the correlation stage (keyed by tenant id). */
public final class CorrelationTopics {
    /** {@link CorrelationSignal}s: matches of rules referenced by correlations, record timestamp = event time. */
    public static final String SIGNALS = "soc.detect.correlation-signals.v1";
    /** Alerts of satisfied correlations, forwarded to OpenSearch and the alerts topic by {@link CorrelationAlertForwarder}. */
    public static final String ALERTS = "soc.detect.correlation-alerts.v1";

    private CorrelationTopics() {
    }
}
