package soc.cases.indicators;

import java.time.Instant;

import soc.events.ThreatIndicator;

/** A stored threat indicator, as the web app and the API show it. Tenant null: global. */
public record Indicator(String indicatorId, String tenantId, ThreatIndicator.Type type, String value, String source,
                        String description, Instant expiresAt, Instant createdAt, String createdBy) {

    public boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** The message published on the indicators topic. */
    public ThreatIndicator message() {
        return new ThreatIndicator(indicatorId, tenantId, type, value, source, description, expiresAt);
    }
}
