package soc.detect.sigma;

/**
 * A rule that cannot be parsed or compiled. The message names the rule source (file) and, where known, the YAML
 * line, e.g. {@code rules/x.yml:12: unknown modifier 'foo' in 'Image|foo'}.
 */
public final class SigmaException extends RuntimeException {

    /** Why a rule was rejected; used to categorise load failures. */
    public enum Kind {
        /** Not valid YAML. */
        YAML_SYNTAX,
        /** Valid YAML, but not a Sigma document (missing title/logsource/detection, wrong types...). */
        INVALID_RULE,
        /** Condition syntax error or a deprecated/unsupported construct (aggregations, near). */
        CONDITION,
        /** Unknown or unsupported value modifier, or an invalid modifier combination. */
        MODIFIER,
        /** A value that cannot be compiled (bad regular expression, bad CIDR, non-numeric comparison...). */
        VALUE
    }

    private final Kind kind;
    private final String source;
    private final int line;

    public SigmaException(Kind kind, String source, int line, String message) {
        this(kind, source, line, message, null);
    }

    public SigmaException(Kind kind, String source, int line, String message, Throwable cause) {
        super(format(source, line, message), cause);
        this.kind = kind;
        this.source = source;
        this.line = line;
    }

    private static String format(String source, int line, String message) {
        String where = source == null ? "<rule>" : source;
        return line > 0 ? where + ":" + line + ": " + message : where + ": " + message;
    }

    public Kind kind() {
        return kind;
    }

    /** The rule file (or other source name); may be null. */
    public String source() {
        return source;
    }

    /** 1-based YAML line, or 0 when unknown. */
    public int line() {
        return line;
    }
}
