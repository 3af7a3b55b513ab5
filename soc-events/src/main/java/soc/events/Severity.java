package soc.events;

import java.util.Locale;

/** Alert and case severity, ordered from least to most urgent. Sigma's levels map onto it. */
public enum Severity {
    INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL;

    /** Maps a Sigma {@code level} (informational, low, medium, high, critical) onto a severity. */
    public static Severity fromSigmaLevel(String level) {
        if (level == null) {
            return MEDIUM;
        }
        return switch (level.trim().toLowerCase(Locale.ROOT)) {
            case "informational" -> INFORMATIONAL;
            case "low" -> LOW;
            case "high" -> HIGH;
            case "critical" -> CRITICAL;
            default -> MEDIUM;
        };
    }
}
