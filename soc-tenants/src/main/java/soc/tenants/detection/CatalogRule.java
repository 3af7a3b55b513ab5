package soc.tenants.detection;

import java.time.Instant;
import java.util.List;

/**
 * A rule of the detection catalog, as soc-detect published it (see {@code soc.events.RuleInfo}).
 *
 * @param ruleId      the id alerts of this rule carry
 * @param author      author as written (DRL 1.1 attribution)
 * @param level       Sigma level, may be null
 * @param severity    platform severity name (INFORMATIONAL..CRITICAL)
 * @param techniques  ATT&amp;CK technique ids ({@code T1059.001}; ATT&amp;CK for ICS ids start with {@code T08})
 * @param tactics     ATT&amp;CK tactics ({@code execution}, {@code inhibit-response-function}...)
 * @param origin      {@code builtin}, {@code pack} or {@code directory}
 * @param pack        {@code ot}, {@code it}, or the folder within a rule directory
 * @param kind        {@code detection} or {@code correlation}
 * @param yaml        the rule file's text, or null
 */
public record CatalogRule(String ruleId, String title, String author, String level, String severity, String status,
                          String description, List<String> techniques, List<String> tactics, String product,
                          String category, String service, String origin, String pack, String kind, String yaml,
                          Instant publishedAt) {
    public CatalogRule {
        techniques = techniques == null ? List.of() : List.copyOf(techniques);
        tactics = tactics == null ? List.of() : List.copyOf(tactics);
    }

    /** product/category/service with '-' for absent parts, e.g. {@code windows/process_creation/-}. */
    public String logsource() {
        return dash(product) + "/" + dash(category) + "/" + dash(service);
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
