package soc.detect.sigma;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Sigma correlation rule (meta-rule). {@link SigmaEngine} only parses it; soc.detect.correlation evaluates it on
 * the stream (Kafka Streams state stores, see docs/sigma.md).
 *
 * @param type      event_count, value_count, temporal, temporal_ordered, value_sum, value_avg, value_percentile
 * @param rules     referenced rule ids or names
 * @param groupBy   group-by fields
 * @param timespan  time window
 * @param condition condition criteria: operator (gt/gte/lt/lte/eq/neq) to number, plus {@code field} when given
 * @param aliases   field name aliases: alias -> (rule id/name -> field)
 * @param generate  whether referenced rules also raise stand-alone alerts
 * @param tags       tags as written (lower-cased)
 * @param techniques ATT&amp;CK technique ids derived from tags, upper-cased
 */
public record SigmaCorrelation(String id, String name, String title, String author, String level, String status,
                               String description, String type, List<String> rules, List<String> groupBy,
                               Duration timespan, Map<String, Object> condition,
                               Map<String, Map<String, String>> aliases, boolean generate, String source, int line,
                               List<String> tags, List<String> techniques)
        implements SigmaDocument {
    public SigmaCorrelation {
        tags = tags == null ? List.of() : List.copyOf(tags);
        techniques = techniques == null ? List.of() : List.copyOf(techniques);
        rules = List.copyOf(rules);
        groupBy = List.copyOf(groupBy);
        condition = Map.copyOf(condition);
        aliases = Map.copyOf(aliases);
    }
}
