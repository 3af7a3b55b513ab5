package soc.cases.cases;

import java.time.Instant;

import soc.events.Severity;

/** A case as stored, with the number of its alerts. */
public record CaseFile(long caseId, String tenantId, String title, Severity severity, CaseStatus status,
                       String assignee, AssigneeSide assigneeSide, Instant createdAt, Instant updatedAt,
                       Instant closedAt, String resolution, RootCause rootCause, int alertCount) {
}
