package soc.detect.sigma;

/** One document of a Sigma YAML file: a detection rule, a correlation rule or a (global) filter. */
public sealed interface SigmaDocument permits SigmaRule, SigmaCorrelation, SigmaFilter {
    /** The rule id (UUID in SigmaHQ), or null when the document has none. */
    String id();

    String title();

    /** Where the document came from (file path or other source name). */
    String source();
}
