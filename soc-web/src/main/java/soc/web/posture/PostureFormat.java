package soc.web.posture;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formatting helpers for posture pages and reports (handed to templates as {@code fmt}). */
public final class PostureFormat {
    public static final PostureFormat INSTANCE = new PostureFormat();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

    private PostureFormat() {
    }

    /** "45 s", "12 min", "3 h 20 min", "2 d 4 h"; "–" for none. */
    public String duration(Duration duration) {
        if (duration == null) {
            return "–";
        }
        long s = duration.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min";
        }
        if (s < 86400) {
            long minutes = (s % 3600) / 60;
            return (s / 3600) + " h" + (minutes == 0 ? "" : " " + minutes + " min");
        }
        long hours = (s % 86400) / 3600;
        return (s / 86400) + " d" + (hours == 0 ? "" : " " + hours + " h");
    }

    /** Minutes as a number for charts. */
    public long minutes(Duration duration) {
        return duration == null ? 0 : Math.round(duration.toSeconds() / 60.0);
    }

    public String day(LocalDate day) {
        return day.format(DAY);
    }

    public String month(LocalDate day) {
        return day.format(MONTH);
    }

    public String percent(Integer value) {
        return value == null ? "–" : value + " %";
    }

    /** A benchmark figure: the score is a number out of 100, the other measures percentages. */
    public String metric(String metric, Integer value) {
        return "score".equals(metric) ? (value == null ? "–" : value.toString()) : percent(value);
    }

    public String level(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }

    public String median(Double value) {
        return value == null ? "–" : (value == Math.rint(value) ? Long.toString(value.longValue())
                : String.format(Locale.ROOT, "%.1f", value));
    }
}
