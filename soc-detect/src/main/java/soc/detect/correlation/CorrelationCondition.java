package soc.detect.correlation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code condition} of a Sigma correlation: one or more comparisons (gt, gte, lt, lte, eq, neq) linked by AND,
 * plus the {@code field} that value_count/value_sum/value_avg aggregate. Plain Java, immutable.
 *
 * @param field       aggregated field (null for event_count and the temporal types)
 * @param comparisons the comparisons, all of which must hold
 */
public record CorrelationCondition(String field, List<Comparison> comparisons) {

    /** One comparison of the aggregate against a threshold. */
    public record Comparison(String operator, double threshold) {
        boolean test(double value) {
            return switch (operator) {
                case "gt" -> value > threshold;
                case "gte" -> value >= threshold;
                case "lt" -> value < threshold;
                case "lte" -> value <= threshold;
                case "eq" -> value == threshold;
                case "neq" -> value != threshold;
                default -> false;
            };
        }
    }

    public CorrelationCondition {
        comparisons = List.copyOf(comparisons);
    }

    /** Parses the parsed YAML mapping; throws {@link IllegalArgumentException} with a reason. */
    public static CorrelationCondition of(Map<String, Object> condition) {
        String field = null;
        List<Comparison> comparisons = new ArrayList<>();
        for (Map.Entry<String, Object> e : condition.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            if (key.equals("field")) {
                field = e.getValue() instanceof List<?> list && !list.isEmpty() ? String.valueOf(list.get(0))
                        : String.valueOf(e.getValue());
                continue;
            }
            if (!List.of("gt", "gte", "lt", "lte", "eq", "neq").contains(key)) {
                throw new IllegalArgumentException("unknown condition operator '" + e.getKey() + "'");
            }
            double threshold;
            try {
                threshold = Double.parseDouble(String.valueOf(e.getValue()));
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("condition " + key + " is not a number: " + e.getValue());
            }
            comparisons.add(new Comparison(key, threshold));
        }
        return new CorrelationCondition(field, comparisons);
    }

    /**
     * Whether the condition can be decided when an event arrives: it must have a lower bound (gt, gte or eq). A
     * condition with only upper bounds (lt, lte, neq) would hold for the very first event; such "too few events"
     * rules need a window close, which this engine does not evaluate (reported at start-up instead).
     */
    public boolean hasLowerBound() {
        return comparisons.stream().anyMatch(c -> c.operator().equals("gt") || c.operator().equals("gte")
                || (c.operator().equals("eq") && c.threshold() > 0));
    }

    public boolean test(double value) {
        for (Comparison c : comparisons) {
            if (!c.test(value)) {
                return false;
            }
        }
        return true;
    }
}
