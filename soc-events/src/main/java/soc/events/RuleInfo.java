package soc.events;

import java.time.Instant;
import java.util.List;

/**
 * One rule of the detection catalog, as soc-detect loaded it. Published to {@link Topics#RULES} (compacted, keyed by
 * {@link #ruleId()}) at every start of soc-detect, so the web application can show what detection runs.
 *
 * @param ruleId      the id alerts carry ({@code Alert.ruleId}): Sigma id, else name, else {@code sigma:<title>}
 * @param title       title
 * @param author      author as written (DRL 1.1 attribution)
 * @param level       Sigma level (informational, low, medium, high, critical), may be null
 * @param severity    platform severity derived from the level
 * @param status      Sigma status (stable, test, experimental...), may be null
 * @param description description, may be null
 * @param techniques  ATT&amp;CK technique ids from the tags, e.g. {@code T1059.001}
 * @param tactics     ATT&amp;CK tactics from the tags, e.g. {@code execution}
 * @param product     logsource product, may be null
 * @param category    logsource category, may be null
 * @param service     logsource service, may be null
 * @param origin      {@code builtin} (Java rules), {@code pack} (our OT/IT packs) or {@code directory} (a configured
 *                    rule directory such as SigmaHQ's)
 * @param pack        the pack ({@code ot}, {@code it}) or the rule's folder within its directory
 * @param kind        {@code detection} or {@code correlation}
 * @param yaml        the rule's YAML file text when available (at most 64 KiB), else null
 * @param publishedAt when the detect instance published it
 */
public record RuleInfo(String ruleId, String title, String author, String level, Severity severity, String status,
                       String description, List<String> techniques, List<String> tactics, String product,
                       String category, String service, String origin, String pack, String kind, String yaml,
                       Instant publishedAt) {
    public static final int MAX_YAML_CHARS = 64 * 1024;

    public RuleInfo {
        techniques = techniques == null ? List.of() : List.copyOf(techniques);
        tactics = tactics == null ? List.of() : List.copyOf(tactics);
        if (yaml != null && yaml.length() > MAX_YAML_CHARS) {
            yaml = null;
        }
    }
}
