package soc.ingest.retention;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import soc.events.IndexNames;
import soc.events.TenantIds;

/**
 * Which of a tenant's daily event indices ({@code soc-events.<tenant>.<yyyy.MM.dd>}, day = the events' UTC date) are
 * past its retention: with {@code days} = N, today and the N days before it are kept, anything older goes. The day
 * comes from the index name; a name that is not exactly this tenant's prefix followed by a valid date (another
 * tenant's index, a hand-made index) is never selected, and neither is today's or a future day's index.
 */
final class ExpiredIndices {
    private static final Pattern DAY_SHAPE = Pattern.compile("\\d{4}\\.\\d{2}\\.\\d{2}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu.MM.dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private ExpiredIndices() {
    }

    /** The day of one of this tenant's daily event indices; empty for any other name. */
    static Optional<LocalDate> dayOf(String index, String tenantId) {
        String prefix = IndexNames.EVENTS_PREFIX + TenantIds.requireValid(tenantId) + ".";
        if (index == null || !index.startsWith(prefix)) {
            return Optional.empty();
        }
        String day = index.substring(prefix.length());
        if (!DAY_SHAPE.matcher(day).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(day, DAY));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The tenant's indices among {@code indices} whose day is more than {@code days} days before {@code today}, sorted. */
    static List<String> expired(String tenantId, Collection<String> indices, LocalDate today, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("retention must be at least 1 day, not " + days);
        }
        LocalDate oldestKept = today.minusDays(days);
        List<String> expired = new ArrayList<>();
        for (String index : indices) {
            dayOf(index, tenantId).filter(day -> day.isBefore(oldestKept) && day.isBefore(today))
                    .ifPresent(day -> expired.add(index));
        }
        expired.sort(null);
        return expired;
    }
}
