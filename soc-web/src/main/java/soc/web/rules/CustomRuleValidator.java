package soc.web.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import soc.detect.sigma.LogsourceRouting;
import soc.detect.sigma.SigmaCorrelation;
import soc.detect.sigma.SigmaDocument;
import soc.detect.sigma.SigmaEngine;
import soc.detect.sigma.SigmaException;
import soc.detect.sigma.SigmaParser;
import soc.detect.sigma.SigmaRule;

/**
 * Checks a tenant's custom Sigma rule (one detection rule, or one correlation rule) with the detection engine's own
 * parser and compiler, so what is saved is what soc-detect will run. Problems carry the YAML line (1-based) where it is known. Framework-free.
 */
public final class CustomRuleValidator {
    private static final Pattern LOGSOURCE_LINE = Pattern.compile("(?m)^logsource\\s*:");
    private static final Pattern ID_LINE = Pattern.compile("(?m)^id\\s*:");
    private static final Pattern CORRELATION_LINE = Pattern.compile("(?m)^correlation\\s*:");
    private static final Pattern CONDITION_LINE = Pattern.compile("(?m)^\\s+condition\\s*:");
    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

    /** One problem: line 0 when it concerns the whole rule. */
    public record Problem(int line, String message) {
    }

    /** The outcome: the rule's id, title and level when valid; the problems otherwise. */
    public record Result(String ruleId, String title, String level, List<Problem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public Result validate(String yaml) {
        List<Problem> problems = new ArrayList<>();
        if (yaml == null || yaml.isBlank()) {
            return new Result(null, null, null, List.of(new Problem(0, "The rule is empty.")));
        }
        List<SigmaDocument> documents;
        try {
            documents = new SigmaParser().parse(yaml, "custom rule");
        } catch (SigmaException e) {
            return new Result(null, null, null, List.of(problem(e)));
        }
        if (documents.size() == 1 && documents.get(0) instanceof SigmaCorrelation correlation) {
            return correlation(correlation, yaml);
        }
        if (documents.size() != 1 || !(documents.get(0) instanceof SigmaRule rule)) {
            return new Result(null, null, null, List.of(new Problem(0, documents.size() != 1
                    ? "A custom rule is one Sigma detection or correlation rule (this text holds " + documents.size()
                    + " documents)."
                    : "Only Sigma detection and correlation rules can be custom rules (not filters).")));
        }
        try {
            SigmaEngine.builder().add(rule);
        } catch (SigmaException e) {
            problems.add(problem(e));
        }
        if (rule.id() == null || rule.id().isBlank()) {
            problems.add(new Problem(1, "The rule needs an id (its alerts carry it), e.g. id: " + UUID.randomUUID()));
        } else if (!RULE_ID.matcher(rule.id()).matches()) {
            problems.add(new Problem(line(ID_LINE, yaml), "The id may hold letters, digits and . _ : - only "
                    + "(at most 100 characters)."));
        }
        if (LogsourceRouting.defaults().conditions(rule.logsource()).isEmpty()) {
            problems.add(new Problem(line(LOGSOURCE_LINE, yaml), "The logsource needs a product, category or service "
                    + "(e.g. product: windows, category: process_creation) so the rule knows which events to look at."));
        }
        return new Result(rule.id(), rule.title(), rule.level(), problems);
    }

    /**
     * A custom correlation rule (Sigma correlation, evaluated by soc-detect for this tenant only): it may reference
     * the tenant's custom rules, any catalog rule and any catalog correlation (a chain) by id or name. What the
     * parser does not check and the stream needs: an id, a timespan, {@code condition.field} for the value_* types,
     * and a lower bound (gt, gte or eq) for the counting types, since conditions are decided when an event arrives.
     * References are resolved by soc-detect (a correlation referencing nothing loaded is logged and not evaluated).
     */
    private static Result correlation(SigmaCorrelation c, String yaml) {
        List<Problem> problems = new ArrayList<>();
        if (c.id() == null || c.id().isBlank()) {
            problems.add(new Problem(1, "The rule needs an id (its alerts carry it), e.g. id: " + UUID.randomUUID()));
        } else if (!RULE_ID.matcher(c.id()).matches()) {
            problems.add(new Problem(line(ID_LINE, yaml), "The id may hold letters, digits and . _ : - only "
                    + "(at most 100 characters)."));
        }
        if (c.timespan() == null || c.timespan().isZero()) {
            problems.add(new Problem(line(CORRELATION_LINE, yaml), "The correlation needs a timespan (e.g. "
                    + "timespan: 10m)."));
        }
        int conditionLine = line(CONDITION_LINE, yaml);
        List<String> operators = new ArrayList<>();
        for (var e : c.condition().entrySet()) {
            String key = e.getKey().toLowerCase(java.util.Locale.ROOT);
            if (key.equals("field")) {
                continue;
            }
            if (!List.of("gt", "gte", "lt", "lte", "eq", "neq").contains(key)) {
                problems.add(new Problem(conditionLine, "Unknown condition operator '" + e.getKey()
                        + "' (gt, gte, lt, lte, eq, neq)."));
                continue;
            }
            try {
                double threshold = Double.parseDouble(String.valueOf(e.getValue()));
                if (!key.equals("eq") || threshold > 0) {
                    operators.add(key);
                }
            } catch (NumberFormatException ex) {
                problems.add(new Problem(conditionLine, "The condition's " + key + " is not a number: "
                        + e.getValue()));
            }
        }
        if (c.type().startsWith("value_") && c.condition().get("field") == null) {
            problems.add(new Problem(conditionLine, c.type() + " needs the field it aggregates (condition: "
                    + "{field: TargetUserName, gte: 10})."));
        }
        if (c.type().equals("value_percentile")) {
            if (c.condition().keySet().stream().allMatch(k -> k.equalsIgnoreCase("field"))) {
                problems.add(new Problem(conditionLine, "value_percentile needs a comparison (e.g. lte: 1)."));
            }
        } else if (!c.type().startsWith("temporal") && operators.stream().noneMatch(o -> o.equals("gt")
                || o.equals("gte") || o.equals("eq"))) {
            problems.add(new Problem(conditionLine, "The condition needs a lower bound (gt, gte or eq): it is decided "
                    + "as events arrive, so a condition of fewer than n events cannot be evaluated."));
        }
        return new Result(c.id(), c.title(), c.level(), problems);
    }

    private static Problem problem(SigmaException e) {
        String message = e.getMessage();
        String prefix = e.source() == null ? null : e.line() > 0 ? e.source() + ":" + e.line() + ": " : e.source() + ": ";
        if (prefix != null && message.startsWith(prefix)) {
            message = message.substring(prefix.length());
        }
        return new Problem(e.line(), message);
    }

    private static int line(Pattern p, String yaml) {
        Matcher m = p.matcher(yaml);
        if (!m.find()) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < m.start(); i++) {
            if (yaml.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
