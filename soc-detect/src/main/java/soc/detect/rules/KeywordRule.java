package soc.detect.rules;

import java.util.List;
import java.util.Locale;

import soc.events.Severity;
import soc.events.SocEvent;

/**
 * Matches when any of the given fields contains any of the keywords, case-insensitively. The walking skeleton's
 * rule type; Sigma rules replace it for real detection content.
 */
public record KeywordRule(String id, String title, String author, Severity severity, List<String> techniques,
                          List<String> fields, List<String> keywords) implements DetectionRule {

    public KeywordRule {
        techniques = List.copyOf(techniques);
        fields = List.copyOf(fields);
        keywords = keywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public boolean matches(SocEvent event) {
        for (String field : fields) {
            String value = event.getString(field);
            if (value == null) {
                continue;
            }
            String lower = value.toLowerCase(Locale.ROOT);
            for (String keyword : keywords) {
                if (lower.contains(keyword)) {
                    return true;
                }
            }
        }
        return false;
    }
}
