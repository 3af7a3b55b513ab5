package soc.detect.sigma;

import java.util.List;
import java.util.Map;

/**
 * The uncompiled {@code detection} section: search identifiers with their YAML values (immutable maps/lists of
 * plain values) and the condition(s) (several conditions are OR-ed).
 */
public record SigmaDetection(Map<String, Object> searches, List<String> conditions, SigmaYaml.Lines lines) {
    public SigmaDetection {
        searches = Map.copyOf(searches);
        conditions = List.copyOf(conditions);
    }

    /** 1-based YAML line of a search identifier, 0 when unknown. */
    int lineOf(String identifier) {
        return lines == null ? 0 : lines.of(searches, identifier);
    }
}
