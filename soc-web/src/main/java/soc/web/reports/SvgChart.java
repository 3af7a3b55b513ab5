package soc.web.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tiny server-side chart builder: bar charts (stacked when there are several series) and line charts as
 * standalone inline SVG, well-formed XML so the PDF renderer draws them as vectors. Each chart carries a title and
 * {@code role="img"} with a label; the figures themselves are also printed as tables next to the charts.
 * Plain Java, no dependencies.
 */
public final class SvgChart {
    /** Colour-blind-safe palette (Okabe-Ito), used in series order. */
    static final List<String> PALETTE = List.of("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9",
            "#F0E442", "#000000");
    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 56;

    private final String title;
    private final List<String> labels;
    private final Map<String, List<Double>> series = new LinkedHashMap<>();
    private final Map<String, String> colours = new LinkedHashMap<>();

    private SvgChart(String title, List<String> labels) {
        this.title = title;
        this.labels = List.copyOf(labels);
    }

    /** A chart over these category labels (x axis). */
    public static SvgChart of(String title, List<String> labels) {
        return new SvgChart(title, labels);
    }

    /** Adds a series with one value per label (missing values count as 0 for bars and are skipped for lines). */
    public SvgChart series(String name, List<? extends Number> values) {
        if (values.size() != labels.size()) {
            throw new IllegalArgumentException("Series " + name + " has " + values.size() + " values for "
                    + labels.size() + " labels");
        }
        List<Double> copy = new ArrayList<>();
        for (Number value : values) {
            copy.add(value == null ? null : value.doubleValue());
        }
        series.put(name, copy);
        return this;
    }

    /** Uses a fixed colour for a series (e.g. severities keep their colour across charts). */
    public SvgChart colour(String name, String colour) {
        colours.put(name, colour);
        return this;
    }

    /** Bars per label, the series stacked on each other. */
    public String bars() {
        double max = 0;
        for (int i = 0; i < labels.size(); i++) {
            double stack = 0;
            for (List<Double> values : series.values()) {
                stack += value(values.get(i));
            }
            max = Math.max(max, stack);
        }
        double top = niceMax(max);
        StringBuilder svg = open();
        axes(svg, top);
        double slot = plotWidth() / Math.max(1, labels.size());
        double barWidth = Math.max(2, slot * 0.7);
        for (int i = 0; i < labels.size(); i++) {
            double base = 0;
            double x = LEFT + i * slot + (slot - barWidth) / 2;
            int s = 0;
            for (Map.Entry<String, List<Double>> entry : series.entrySet()) {
                double v = value(entry.getValue().get(i));
                if (v > 0) {
                    double y0 = y(base, top);
                    double y1 = y(base + v, top);
                    svg.append("<rect class=\"bar\" x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y1))
                            .append("\" width=\"").append(fmt(barWidth)).append("\" height=\"").append(fmt(y0 - y1))
                            .append("\" fill=\"").append(colourOf(entry.getKey(), s)).append("\"><title>")
                            .append(escape(entry.getKey() + " " + labels.get(i) + ": " + number(v)))
                            .append("</title></rect>");
                    base += v;
                }
                s++;
            }
        }
        xLabels(svg, slot);
        legend(svg);
        return svg.append("</svg>").toString();
    }

    /** One line per series with a dot at each value. */
    public String lines() {
        double max = 0;
        for (List<Double> values : series.values()) {
            for (Double v : values) {
                max = Math.max(max, value(v));
            }
        }
        double top = niceMax(max);
        StringBuilder svg = open();
        axes(svg, top);
        double slot = plotWidth() / Math.max(1, labels.size());
        int s = 0;
        for (Map.Entry<String, List<Double>> entry : series.entrySet()) {
            String colour = colourOf(entry.getKey(), s++);
            StringBuilder points = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (int i = 0; i < labels.size(); i++) {
                Double v = entry.getValue().get(i);
                if (v == null) {
                    continue;
                }
                double x = LEFT + i * slot + slot / 2;
                double y = y(v, top);
                points.append(points.isEmpty() ? "" : " ").append(fmt(x)).append(',').append(fmt(y));
                dots.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y)).append("\" r=\"3\" fill=\"")
                        .append(colour).append("\"><title>").append(escape(entry.getKey() + " " + labels.get(i) + ": "
                                + number(v))).append("</title></circle>");
            }
            if (!points.isEmpty()) {
                svg.append("<polyline class=\"line\" fill=\"none\" stroke=\"").append(colour)
                        .append("\" stroke-width=\"2\" points=\"").append(points).append("\"/>");
            }
            svg.append(dots);
        }
        xLabels(svg, slot);
        legend(svg);
        return svg.append("</svg>").toString();
    }

    private StringBuilder open() {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\">")
                .append("<title>").append(escape(title)).append("</title>")
                .append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"#ffffff\"/>")
                .append("<text x=\"").append(LEFT).append("\" y=\"18\" font-family=\"sans-serif\" font-size=\"13\" font-weight=\"bold\" fill=\"#0b0c0c\">")
                .append(escape(title)).append("</text>");
        return svg;
    }

    private void axes(StringBuilder svg, double top) {
        double bottom = HEIGHT - BOTTOM;
        for (int i = 0; i <= 4; i++) {
            double v = top * i / 4;
            double y = y(v, top);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(fmt(y))
                    .append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#dddddd\" stroke-width=\"1\"/>")
                    .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\" font-family=\"sans-serif\" font-size=\"10\" fill=\"#505a5f\">")
                    .append(number(v)).append("</text>");
        }
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"").append(TOP)
                .append("\" y2=\"").append(fmt(bottom)).append("\" stroke=\"#0b0c0c\" stroke-width=\"1\"/>")
                .append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                .append(fmt(bottom)).append("\" y2=\"").append(fmt(bottom)).append("\" stroke=\"#0b0c0c\" stroke-width=\"1\"/>");
    }

    private void xLabels(StringBuilder svg, double slot) {
        // at most about 12 labels, so dense daily charts stay legible
        int every = Math.max(1, (int) Math.ceil(labels.size() / 12.0));
        for (int i = 0; i < labels.size(); i += every) {
            double x = LEFT + i * slot + slot / 2;
            svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(HEIGHT - BOTTOM + 14)
                    .append("\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"10\" fill=\"#505a5f\">")
                    .append(escape(labels.get(i))).append("</text>");
        }
    }

    private void legend(StringBuilder svg) {
        double x = LEFT;
        double y = HEIGHT - 16;
        int s = 0;
        for (String name : series.keySet()) {
            svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y - 9)).append("\" width=\"10\" height=\"10\" fill=\"")
                    .append(colourOf(name, s++)).append("\"/>")
                    .append("<text x=\"").append(fmt(x + 14)).append("\" y=\"").append(fmt(y))
                    .append("\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#0b0c0c\">").append(escape(name))
                    .append("</text>");
            x += 24 + 6.5 * name.length();
        }
    }

    private String colourOf(String name, int index) {
        return colours.getOrDefault(name, PALETTE.get(index % PALETTE.size()));
    }

    private static double plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static double y(double value, double top) {
        double plot = HEIGHT - TOP - BOTTOM;
        return HEIGHT - BOTTOM - (top == 0 ? 0 : plot * value / top);
    }

    private static double value(Double v) {
        return v == null ? 0 : v;
    }

    /** A round upper bound for the axis: 1, 2, 2.5 or 5 times a power of ten, at least 4 (whole-number ticks). */
    static double niceMax(double max) {
        if (max <= 4) {
            return 4;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
