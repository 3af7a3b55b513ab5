package soc.detect.sigma;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import soc.events.Severity;

/**
 * An immutable Sigma detection rule. {@link #author()} must travel with every alert (DRL 1.1 attribution).
 *
 * @param id             rule id (UUID), may be null for private rules
 * @param name           optional unique name (used by correlations)
 * @param title          title
 * @param author         author(s), as written (comma separated)
 * @param level          informational/low/medium/high/critical (lower-cased), may be null
 * @param status         stable/test/experimental/deprecated/unsupported, may be null
 * @param description    description
 * @param references     reference URLs
 * @param falsepositives known false positives
 * @param tags           tags as written (lower-cased), e.g. {@code attack.t1059.001}, {@code attack.execution}
 * @param techniques     ATT&amp;CK technique ids derived from tags, upper-cased: {@code T1059.001}
 * @param tactics        ATT&amp;CK tactics derived from tags: {@code execution}, {@code defense-evasion}
 * @param logsource      logsource
 * @param detection      uncompiled detection
 * @param fields         {@code fields} list (interesting fields for analysts)
 * @param date           creation date as written
 * @param modified       modification date as written
 * @param source         where the rule was read from
 * @param line           1-based line of the document start in the source (0 unknown)
 * @param extra          all other top-level attributes (custom fields, related, license...)
 */
public record SigmaRule(String id, String name, String title, String author, String level, String status,
                        String description, List<String> references, List<String> falsepositives, List<String> tags,
                        List<String> techniques, List<String> tactics, Logsource logsource, SigmaDetection detection,
                        List<String> fields, String date, String modified, String source, int line,
                        Map<String, Object> extra) implements SigmaDocument {
    public SigmaRule {
        references = List.copyOf(references);
        falsepositives = List.copyOf(falsepositives);
        tags = List.copyOf(tags);
        techniques = List.copyOf(techniques);
        tactics = List.copyOf(tactics);
        fields = List.copyOf(fields);
        extra = extra == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
    }

    /** The platform severity for {@link #level()}. */
    public Severity severity() {
        return Severity.fromSigmaLevel(level);
    }

    /** A readable identification for logs: id or title. */
    public String label() {
        return id != null ? id : title;
    }

    @Override
    public String toString() {
        return "SigmaRule[" + label() + " '" + title + "' " + logsource + " level=" + (level == null ? "-"
                : level.toLowerCase(Locale.ROOT)) + "]";
    }
}
