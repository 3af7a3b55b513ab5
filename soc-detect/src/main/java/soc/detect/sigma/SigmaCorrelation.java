package soc.detect.sigma;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Sigma correlation rule (meta-rule), parsed and recognised but not evaluated by {@link SigmaEngine} yet.
 *
 * @param type      event_count, value_count, temporal, temporal_ordered, value_sum, value_avg, value_percentile
 * @param rules     referenced rule ids or names
 * @param groupBy   group-by fields
 * @param timespan  time window
 * @param condition condition criteria: operator (gt/gte/lt/lte/eq/neq) to number, plus {@code field} when given
 * @param aliases   field name aliases: alias -> (rule id/name -> field)
 * @param generate  whether referenced rules also raise stand-alone alerts
 */
public record SigmaCorrelation(String id, String name, String title, String author, String level, String status,
                               String description, String type, List<String> rules, List<String> groupBy,
                               Duration timespan, Map<String, Object> condition,
                               Map<String, Map<String, String>> aliases, boolean generate, String source, int line)
        implements SigmaDocument {
    public SigmaCorrelation {
        rules = List.copyOf(rules);
        groupBy = List.copyOf(groupBy);
        condition = Map.copyOf(condition);
        aliases = Map.copyOf(aliases);
    }
}
