package soc.cases.deadletters;

import java.time.Instant;

/** A refused line or message as analysts see it. */
public record DeadLetterRow(long id, String tenantId, String sourceId, String stage, String reason, String original,
                            Instant rejectedAt) {
}
