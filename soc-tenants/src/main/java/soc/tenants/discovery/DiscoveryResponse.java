package soc.tenants.discovery;

import java.time.Instant;

/** One submission of a tenant's discovery questionnaire. */
public record DiscoveryResponse(long id, String tenantId, DiscoveryAnswers answers, String answeredBy,
                                Instant answeredAt) {
}
