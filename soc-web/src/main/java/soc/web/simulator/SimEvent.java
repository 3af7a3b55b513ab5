package soc.web.simulator;

import java.time.Instant;

/** One simulated event: for which tenant, through which of its sources, stamped when, and the payload as sent. */
public record SimEvent(String tenantId, SimSource source, Instant time, String payload) {
}
