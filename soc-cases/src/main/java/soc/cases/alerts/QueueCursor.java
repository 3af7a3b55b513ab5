package soc.cases.alerts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A position in the queue for keyset paging, as the last row of a page left it: an opaque token in links
 * ({@code SORT~rank~micros~alertId}). A malformed token reads as "first page".
 */
public record QueueCursor(QueueSort sort, int severityRank, Instant time, String alertId) {

    /** The cursor after this row, for the given order (the time is the received time, or the SLA deadline). */
    public static QueueCursor after(AlertRow row, QueueSort sort) {
        Instant time = sort == QueueSort.SLA_DUE ? row.ackDueAt() : row.receivedAt();
        return new QueueCursor(sort, row.severity().ordinal(), time, row.alertId());
    }

    public String token() {
        return sort.name() + "~" + severityRank + "~" + ChronoUnit.MICROS.between(Instant.EPOCH, time) + "~" + alertId;
    }

    /** The cursor of a token, or null when it is missing, malformed or of another order. */
    public static QueueCursor parse(String token, QueueSort expected) {
        if (token == null || token.isBlank()) {
            return null;
        }
        String[] parts = token.split("~", 4);
        if (parts.length != 4) {
            return null;
        }
        try {
            QueueSort sort = QueueSort.valueOf(parts[0]);
            if (sort != expected) {
                return null;
            }
            Instant time = Instant.EPOCH.plus(Long.parseLong(parts[2]), ChronoUnit.MICROS);
            return new QueueCursor(sort, Integer.parseInt(parts[1]), time, parts[3]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
