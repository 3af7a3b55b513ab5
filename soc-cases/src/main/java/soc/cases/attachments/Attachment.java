package soc.cases.attachments;

import java.time.Instant;

/** An evidence file of a case, without its content. */
public record Attachment(long id, long caseId, String tenantId, String filename, String contentType, long size,
                         String sha256, String uploadedBy, Instant uploadedAt) {
}
