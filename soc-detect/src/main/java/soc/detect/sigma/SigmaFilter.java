package soc.detect.sigma;

import java.util.List;

/**
 * A Sigma (global) filter: a detection that, when it matches, suppresses the matches of the referenced rules.
 * {@link SigmaEngine.Builder#addFilter} applies it as {@code rule_condition and not filter_condition}.
 */
public record SigmaFilter(String id, String title, String author, String description, Logsource logsource,
                          List<String> rules, SigmaDetection detection, String source, int line)
        implements SigmaDocument {
    public SigmaFilter {
        rules = List.copyOf(rules);
    }
}
