package soc.web.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The score as a plain-text table (the {@code ./soc score} output). */
public final class ScoreTable {
    private static final String[] HEADER = {"", "runs", "pending", "expected", "found", "TP", "FP", "recall",
            "precision", "p50 latency", "p99 latency"};

    private ScoreTable() {
    }

    public static String render(Scorer.Score score) {
        StringBuilder out = new StringBuilder();
        out.append("Scenario runs scored at ").append(score.at()).append('\n').append('\n');
        out.append(table("scenario", score.scenarios(), score.total()));
        out.append('\n');
        out.append(table("tenant", score.tenants(), score.total()));
        return out.toString();
    }

    static String table(String title, List<Scorer.Row> rows, Scorer.Row total) {
        List<String[]> lines = new ArrayList<>();
        String[] header = HEADER.clone();
        header[0] = title;
        lines.add(header);
        rows.forEach(r -> lines.add(cells(r)));
        lines.add(cells(total));
        int[] widths = new int[header.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int l = 0; l < lines.size(); l++) {
            if (l == 1 || l == lines.size() - 1) {
                for (int i = 0; i < widths.length; i++) {
                    out.append("-".repeat(widths[i])).append(i + 1 < widths.length ? "  " : "\n");
                }
            }
            String[] line = lines.get(l);
            for (int i = 0; i < line.length; i++) {
                out.append(i == 0 ? pad(line[i], widths[i]) : padLeft(line[i], widths[i]))
                        .append(i + 1 < line.length ? "  " : "\n");
            }
        }
        return out.toString();
    }

    static String[] cells(Scorer.Row r) {
        return new String[] {r.name(), String.valueOf(r.runs()), String.valueOf(r.pending()), String.valueOf(r.expected()),
                String.valueOf(r.found()), String.valueOf(r.truePositives()), String.valueOf(r.falsePositives()),
                ratio(r.recall()), ratio(r.precision()), millis(r.p50Millis()), millis(r.p99Millis())};
    }

    public static String ratio(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    public static String millis(Long value) {
        if (value == null) {
            return "-";
        }
        return value < 10_000 ? value + " ms" : String.format(Locale.ROOT, "%.1f s", value / 1000.0);
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    private static String padLeft(String s, int width) {
        return " ".repeat(width - s.length()) + s;
    }
}
