package soc.cases.links;

import java.time.Instant;

/**
 * A link as seen from one case.
 *
 * @param direction how it reads from this case: RELATED, DUPLICATE_OF (this case duplicates the other) or
 *                  HAS_DUPLICATE (the other case duplicates this one)
 */
public record CaseLink(long linkId, long otherCaseId, String otherTitle, String otherStatus, Direction direction,
                       String createdBy, Instant createdAt) {
    public enum Direction {
        RELATED, DUPLICATE_OF, HAS_DUPLICATE
    }
}
