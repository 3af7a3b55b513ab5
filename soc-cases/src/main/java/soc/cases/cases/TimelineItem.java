package soc.cases.cases;

import java.time.Instant;

/**
 * One line of a case's timeline: a stored entry, or an alert's event and detection times.
 *
 * @param text plain text as entered (comments are never HTML); the view escapes it
 */
public record TimelineItem(Instant at, String actor, EntryKind kind, String text, String alertId) {
}
