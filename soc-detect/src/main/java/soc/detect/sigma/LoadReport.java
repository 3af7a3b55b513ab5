package soc.detect.sigma;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened when rules were loaded into a {@link SigmaEngine}.
 *
 * @param files        YAML files read
 * @param documents    YAML documents seen (rules, correlations, filters, global/reset actions excluded)
 * @param rules        detection rules compiled and active
 * @param correlations correlation rules recognised (kept as {@link SigmaCorrelation}, not evaluated)
 * @param filters      Sigma filters recognised and applied
 * @param failures     documents/files rejected, with the reason
 * @param unroutable   ids/titles of compiled rules whose logsource has no product, category or service (never
 *                     evaluated)
 * @param warnings     non-fatal notes (unresolved placeholders, filters naming unknown rules...)
 */
public record LoadReport(int files, int documents, int rules, int correlations, int filters, List<Failure> failures,
                         List<String> unroutable, List<String> warnings) {
    public LoadReport {
        failures = List.copyOf(failures);
        unroutable = List.copyOf(unroutable);
        warnings = List.copyOf(warnings);
    }

    /** A rejected file or document. */
    public record Failure(String source, SigmaException.Kind kind, String message) {
    }

    /** Failures counted per kind. */
    public Map<SigmaException.Kind, Integer> failuresByKind() {
        Map<SigmaException.Kind, Integer> m = new TreeMap<>();
        for (Failure f : failures) {
            m.merge(f.kind(), 1, Integer::sum);
        }
        return m;
    }

    @Override
    public String toString() {
        return "LoadReport[files=" + files + ", documents=" + documents + ", rules=" + rules + ", correlations="
                + correlations + ", filters=" + filters + ", failed=" + failures.size() + " " + failuresByKind()
                + ", unroutable=" + unroutable.size() + ", warnings=" + warnings.size() + "]";
    }
}
