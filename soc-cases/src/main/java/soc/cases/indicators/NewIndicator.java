package soc.cases.indicators;

import java.time.Instant;

import soc.events.ThreatIndicator;

/** What a user adds: tenant (blank or null for global), type, value (any accepted spelling), source, description, expiry. */
public record NewIndicator(String tenantId, ThreatIndicator.Type type, String value, String source, String description,
                           Instant expiresAt) {
}
