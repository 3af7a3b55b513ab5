package soc.cases.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Deadlines in business hours (Mon-Fri 09:00-17:00 Europe/London) and 24/7, across weekends, holidays and DST. */
class SlaClockTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final SlaClock clock = SlaClock.londonOfficeHours(Set.of());

    private static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
    }

    @Test
    void withinOneBusinessDay() {
        // Monday 2026-11-30 10:00 + 2 h = 12:00
        assertThat(clock.due(london("2026-11-30T10:00"), Duration.ofHours(2), Coverage.BUSINESS_HOURS))
                .isEqualTo(london("2026-11-30T12:00"));
    }

    @Test
    void overflowsIntoTheNextMorning() {
        // Monday 16:00 + 2 h: one hour on Monday, one on Tuesday from 09:00
        assertThat(clock.due(london("2026-11-30T16:00"), Duration.ofHours(2), Coverage.BUSINESS_HOURS))
                .isEqualTo(london("2026-12-01T10:00"));
    }

    @Test
    void endingExactlyAtCloseStaysOnThatDay() {
        assertThat(clock.due(london("2026-11-30T09:00"), Duration.ofHours(8), Coverage.BUSINESS_HOURS))
                .isEqualTo(london("2026-11-30T17:00"));
    }

    @Test
    void beforeOpeningCountsFromOpening() {
        assertThat(clock.due(london("2026-11-30T06:30"), Duration.ofMinutes(30), Coverage.BUSINESS_HOURS))
                .isEqualTo(london("2026-11-30T09:30"));
    }

    @Test
    void fridayEveningWaitsForMonday() {
        // Friday 2026-12-04 18:00 is after hours: the clock starts Monday 09:00
        assertThat(clock.due(london("2026-12-04T18:00"), Duration.ofHours(1), Coverage.BUSINESS_HOURS))
                .isEqualTo(london("2026-12-07T10:00"));
        // Friday 15:00 + 4 h: two on Friday, two on Monday
        assertThat(clock.due(london("2026-12-04T15:00"), Duration.ofHours(4), Coverage.BUSINESS_HOURS))
                .isEqualTo(london("2026-12-07T11:00"));
    }

    @Test
    void aWeekendAlertStartsMondayMorning() {
        assertThat(clock.due(london("2026-12-05T03:00"), Duration.ofHours(1), Coverage.BUSINESS_HOURS))
                .isEqualTo(london("2026-12-07T10:00"));
    }

    @Test
    void bankHolidaysAreSkipped() {
        SlaClock withHolidays = SlaClock.londonOfficeHours(Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28)));
        // Thursday 24 Dec 16:00 + 2 h: 1 h on Thursday; Friday 25th and Monday 28th are holidays; 1 h on Tuesday 29th
        assertThat(withHolidays.due(london("2026-12-24T16:00"), Duration.ofHours(2), Coverage.BUSINESS_HOURS))
                .isEqualTo(london("2026-12-29T10:00"));
    }

    @Test
    void businessHoursFollowLocalTimeAcrossTheSpringDstChange() {
        // Clocks go forward on Sunday 2027-03-28: Friday 16:00 GMT (= 16:00 UTC) + 2 h ends Monday 10:00 BST = 09:00 UTC
        Instant friday = london("2027-03-26T16:00");
        assertThat(friday).isEqualTo(Instant.parse("2027-03-26T16:00:00Z"));
        assertThat(clock.due(friday, Duration.ofHours(2), Coverage.BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2027-03-29T09:00:00Z"));
    }

    @Test
    void businessHoursFollowLocalTimeAcrossTheAutumnDstChange() {
        // Clocks go back on Sunday 2026-10-25: Friday 16:00 BST (15:00 UTC) + 2 h ends Monday 10:00 GMT = 10:00 UTC
        Instant friday = london("2026-10-23T16:00");
        assertThat(friday).isEqualTo(Instant.parse("2026-10-23T15:00:00Z"));
        assertThat(clock.due(friday, Duration.ofHours(2), Coverage.BUSINESS_HOURS))
                .isEqualTo(Instant.parse("2026-10-26T10:00:00Z"));
    }

    @Test
    void roundTheClockCountsRealElapsedTimeAcrossDst() {
        // 2026-10-25 00:30 BST (23:30 UTC the day before) + 4 h = 04:30 UTC, which is 04:30 GMT (the local clock shows 4 h 1 h less)
        Instant start = Instant.parse("2026-10-24T23:30:00Z");
        assertThat(clock.due(start, Duration.ofHours(4), Coverage.ALWAYS)).isEqualTo(Instant.parse("2026-10-25T03:30:00Z"));
        // and a 24/7 target runs through the weekend
        assertThat(clock.due(london("2026-12-04T18:00"), Duration.ofHours(1), Coverage.ALWAYS))
                .isEqualTo(london("2026-12-04T19:00"));
    }

    @Test
    void countedTimeIsTheInverseOfDue() {
        Instant start = london("2026-12-03T11:15");
        for (int hours : new int[] {0, 1, 5, 6, 8, 13, 40, 80}) {
            Instant due = clock.due(start, Duration.ofHours(hours), Coverage.BUSINESS_HOURS);
            assertThat(clock.counted(start, due, Coverage.BUSINESS_HOURS)).as(hours + " h").isEqualTo(Duration.ofHours(hours));
        }
        assertThat(clock.counted(london("2026-12-04T16:00"), london("2026-12-07T10:00"), Coverage.BUSINESS_HOURS))
                .isEqualTo(Duration.ofHours(2));
        assertThat(clock.counted(london("2026-12-07T10:00"), london("2026-12-04T16:00"), Coverage.BUSINESS_HOURS))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void refusesANonsenseCalendar() {
        assertThatThrownBy(() -> new SlaClock(LONDON, java.time.LocalTime.of(17, 0), java.time.LocalTime.of(9, 0),
                Set.of(java.time.DayOfWeek.MONDAY), Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.due(Instant.now(), Duration.ofHours(-1), Coverage.ALWAYS))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
