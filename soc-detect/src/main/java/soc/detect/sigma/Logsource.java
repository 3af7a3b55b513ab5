package soc.detect.sigma;

import java.util.Locale;

/**
 * A Sigma {@code logsource}: product/category/service, lower-cased; any may be null. {@code definition} is free text.
 */
public record Logsource(String product, String category, String service, String definition) {
    public Logsource {
        product = norm(product);
        category = norm(category);
        service = norm(service);
    }

    public static Logsource of(String product, String category, String service) {
        return new Logsource(product, category, service, null);
    }

    private static String norm(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim().toLowerCase(Locale.ROOT);
        return t.isEmpty() ? null : t;
    }

    /** product/category/service, with '-' for absent parts, e.g. {@code windows/process_creation/-}. */
    public String key() {
        return dash(product) + "/" + dash(category) + "/" + dash(service);
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    @Override
    public String toString() {
        return key();
    }
}
