package soc.cases.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import soc.events.Severity;
import soc.tenants.tenants.SlaTier;

/**
 * SLA policy: targets per tenant SLA tier and severity, business hours, warnings. Every value has a default here
 * (the table in README.md, "SLAs"); a deployment overrides single values, e.g.
 * {@code soc.sla.tiers.STANDARD.acknowledge.HIGH=PT1H}.
 *
 * @param zone          time zone of the business hours
 * @param dayStart      start of the business day (local time)
 * @param dayEnd        end of the business day (local time)
 * @param workdays      working days
 * @param bankHolidays  dates without business hours (optional)
 * @param warnFraction  share of the time to a deadline after which a timer warns (0.75: the last quarter)
 * @param checkInterval how often the SLA monitor looks for warnings and breaches
 * @param alertEventsMinSeverity alerts below this severity get queue timers but no warning/breach records
 * @param tiers         targets per tier; tiers or severities left out take the defaults
 */
@ConfigurationProperties("soc.sla")
public record SlaProperties(@DefaultValue("Europe/London") ZoneId zone,
                            @DefaultValue("09:00") LocalTime dayStart,
                            @DefaultValue("17:00") LocalTime dayEnd,
                            @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) List<DayOfWeek> workdays,
                            @DefaultValue List<LocalDate> bankHolidays,
                            @DefaultValue("0.75") double warnFraction,
                            @DefaultValue("PT1M") Duration checkInterval,
                            @DefaultValue("HIGH") Severity alertEventsMinSeverity,
                            Map<SlaTier, TierPolicy> tiers) {

    public SlaProperties {
        bankHolidays = bankHolidays == null ? List.of() : List.copyOf(bankHolidays);
        workdays = workdays == null || workdays.isEmpty() ? List.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))
                : List.copyOf(workdays);
        if (warnFraction <= 0 || warnFraction >= 1) {
            throw new IllegalArgumentException("soc.sla.warn-fraction must be between 0 and 1");
        }
        Map<SlaTier, TierPolicy> merged = new EnumMap<>(SlaTier.class);
        for (SlaTier tier : SlaTier.values()) {
            TierPolicy defaults = defaultPolicy(tier);
            TierPolicy given = tiers == null ? null : tiers.get(tier);
            merged.put(tier, given == null ? defaults : given.over(defaults));
        }
        tiers = Map.copyOf(merged);
    }

    /** The defaults alone, as used without any configuration (tests, plain Java). */
    public static SlaProperties defaults() {
        return new SlaProperties(ZoneId.of("Europe/London"), LocalTime.of(9, 0), LocalTime.of(17, 0), null, null, 0.75,
                Duration.ofMinutes(1), Severity.HIGH, null);
    }

    public SlaClock clock() {
        return new SlaClock(zone, dayStart, dayEnd, EnumSet.copyOf(workdays), java.util.Set.copyOf(bankHolidays));
    }

    public TierPolicy policy(SlaTier tier) {
        return tiers.get(tier == null ? SlaTier.STANDARD : tier);
    }

    /**
     * The default table. STANDARD counts business hours; ENHANCED and CRITICAL_SERVICE run 24/7.
     */
    static TierPolicy defaultPolicy(SlaTier tier) {
        return switch (tier) {
            case STANDARD -> new TierPolicy(Coverage.BUSINESS_HOURS,
                    targets("PT1H", "PT2H", "PT4H", "PT8H", "PT16H"),
                    targets("PT8H", "PT16H", "PT40H", "PT80H", "PT160H"));
            case ENHANCED -> new TierPolicy(Coverage.ALWAYS,
                    targets("PT30M", "PT1H", "PT4H", "PT8H", "PT24H"),
                    targets("PT4H", "PT8H", "PT24H", "PT72H", "PT168H"));
            case CRITICAL_SERVICE -> new TierPolicy(Coverage.ALWAYS,
                    targets("PT15M", "PT30M", "PT2H", "PT4H", "PT8H"),
                    targets("PT2H", "PT4H", "PT12H", "PT48H", "PT96H"));
        };
    }

    /** Targets in the order CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL. */
    private static Map<Severity, Duration> targets(String critical, String high, String medium, String low, String info) {
        Map<Severity, Duration> map = new EnumMap<>(Severity.class);
        map.put(Severity.CRITICAL, Duration.parse(critical));
        map.put(Severity.HIGH, Duration.parse(high));
        map.put(Severity.MEDIUM, Duration.parse(medium));
        map.put(Severity.LOW, Duration.parse(low));
        map.put(Severity.INFORMATIONAL, Duration.parse(info));
        return map;
    }

    /**
     * One tier's policy.
     *
     * @param coverage    24/7 or business hours
     * @param acknowledge time to acknowledge per severity
     * @param contain     time to contain or resolve per severity
     */
    public record TierPolicy(Coverage coverage, Map<Severity, Duration> acknowledge, Map<Severity, Duration> contain) {
        public TierPolicy {
            acknowledge = acknowledge == null ? Map.of() : Map.copyOf(acknowledge);
            contain = contain == null ? Map.of() : Map.copyOf(contain);
        }

        TierPolicy over(TierPolicy defaults) {
            Map<Severity, Duration> ack = new EnumMap<>(defaults.acknowledge());
            ack.putAll(acknowledge);
            Map<Severity, Duration> con = new EnumMap<>(defaults.contain());
            con.putAll(contain);
            return new TierPolicy(coverage == null ? defaults.coverage() : coverage, ack, con);
        }

        public Duration target(SlaTarget target, Severity severity) {
            return (target == SlaTarget.ACKNOWLEDGE ? acknowledge : contain).get(severity);
        }
    }
}
