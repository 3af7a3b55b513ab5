package soc.events;

import java.time.Instant;

/**
 * Something the platform could not accept or process. Nothing is silently dropped: it lands on
 * {@link Topics#DEAD_LETTER} with the reason and the original so an analyst can see and replay it.
 *
 * @param tenantId   owning tenant, when known
 * @param sourceId   data source, when known
 * @param stage      where it was rejected, e.g. {@code ingest-api}, {@code normalise}, {@code detect}
 * @param reason     human-readable reason
 * @param original   the original payload (truncated to a safe size by the producer)
 * @param rejectedAt when it was rejected
 */
public record DeadLetter(String tenantId, String sourceId, String stage, String reason, String original,
                         Instant rejectedAt) {
    /** Large enough to diagnose, small enough to stay within Kafka's default message size. */
    public static final int MAX_ORIGINAL_CHARS = 64 * 1024;

    public DeadLetter {
        if (original != null && original.length() > MAX_ORIGINAL_CHARS) {
            original = original.substring(0, MAX_ORIGINAL_CHARS);
        }
    }
}
