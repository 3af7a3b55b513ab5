package soc.cases.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Computes SLA deadlines, 24/7 or in business hours. Plain Java, no framework: business hours are a daily window
 * (e.g. 09:00-17:00) on working days in a time zone (e.g. Europe/London), minus bank holidays; local wall-clock
 * times are used, so a daylight-saving change moves the window with the clocks (09:00 is 09:00 local in winter
 * and in summer). 24/7 deadlines are exact elapsed time.
 */
public final class SlaClock {
    private static final int MAX_DAYS = 3660;

    private final ZoneId zone;
    private final LocalTime dayStart;
    private final LocalTime dayEnd;
    private final Set<DayOfWeek> workdays;
    private final Set<LocalDate> holidays;

    public SlaClock(ZoneId zone, LocalTime dayStart, LocalTime dayEnd, Set<DayOfWeek> workdays, Set<LocalDate> holidays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.dayStart = Objects.requireNonNull(dayStart, "dayStart");
        this.dayEnd = Objects.requireNonNull(dayEnd, "dayEnd");
        if (!dayEnd.isAfter(dayStart)) {
            throw new IllegalArgumentException("Business day must end after it starts: " + dayStart + "-" + dayEnd);
        }
        this.workdays = workdays == null || workdays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(workdays);
        if (this.workdays.isEmpty()) {
            throw new IllegalArgumentException("At least one working day is needed");
        }
        this.holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
    }

    /** Monday to Friday 09:00-17:00 Europe/London, no bank holidays. */
    public static SlaClock londonOfficeHours(Set<LocalDate> holidays) {
        return new SlaClock(ZoneId.of("Europe/London"), LocalTime.of(9, 0), LocalTime.of(17, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), holidays);
    }

    /** The instant by which {@code target} of counted time has passed since {@code start}. */
    public Instant due(Instant start, Duration target, Coverage coverage) {
        Objects.requireNonNull(start, "start");
        if (target.isNegative()) {
            throw new IllegalArgumentException("Negative target " + target);
        }
        if (coverage == Coverage.ALWAYS) {
            return start.plus(target);
        }
        Duration left = target;
        ZonedDateTime cursor = start.atZone(zone);
        for (int day = 0; day < MAX_DAYS; day++) {
            LocalDate date = cursor.toLocalDate();
            if (isWorkingDay(date)) {
                ZonedDateTime open = date.atTime(dayStart).atZone(zone);
                ZonedDateTime close = date.atTime(dayEnd).atZone(zone);
                ZonedDateTime from = cursor.isAfter(open) ? cursor : open;
                if (from.isBefore(close)) {
                    Duration available = Duration.between(from, close);
                    if (left.compareTo(available) <= 0) {
                        return from.plus(left).toInstant();
                    }
                    left = left.minus(available);
                }
            }
            cursor = date.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("No business time within " + MAX_DAYS + " days of " + start);
    }

    /** Counted time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration counted(Instant from, Instant to, Coverage coverage) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (coverage == Coverage.ALWAYS) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        ZonedDateTime cursor = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        for (int day = 0; day < MAX_DAYS && cursor.isBefore(end); day++) {
            LocalDate date = cursor.toLocalDate();
            if (isWorkingDay(date)) {
                ZonedDateTime open = date.atTime(dayStart).atZone(zone);
                ZonedDateTime close = date.atTime(dayEnd).atZone(zone);
                ZonedDateTime a = cursor.isAfter(open) ? cursor : open;
                ZonedDateTime b = end.isBefore(close) ? end : close;
                if (a.isBefore(b)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
            cursor = date.plusDays(1).atStartOfDay(zone);
        }
        return total;
    }

    public boolean isWorkingDay(LocalDate date) {
        return workdays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    public ZoneId zone() {
        return zone;
    }
}
