package soc.detect.sigma;

import java.util.List;

import soc.events.Severity;

/**
 * A Sigma rule compiled for matching. Immutable and thread-safe; obtained from {@link SigmaEngine}. The metadata an
 * alert needs is on {@link #rule()}, with shortcuts here (keep {@link #author()} on every alert: DRL 1.1).
 */
public final class CompiledRule {
    private final SigmaRule rule;
    private final Node detection;
    private final int index;
    private final List<String> filters;

    CompiledRule(SigmaRule rule, Node detection, int index, List<String> filters) {
        this.rule = rule;
        this.detection = detection;
        this.index = index;
        this.filters = List.copyOf(filters);
    }

    public SigmaRule rule() {
        return rule;
    }

    public String id() {
        return rule.id();
    }

    public String title() {
        return rule.title();
    }

    public String author() {
        return rule.author();
    }

    public Severity severity() {
        return rule.severity();
    }

    public List<String> techniques() {
        return rule.techniques();
    }

    /** Titles/ids of the Sigma filters applied to this rule. */
    public List<String> filters() {
        return filters;
    }

    int index() {
        return index;
    }

    Node detection() {
        return detection;
    }

    boolean matches(EventContext ctx) {
        return detection.eval(ctx);
    }

    CompiledRule withDetection(Node node, List<String> filterNames) {
        return new CompiledRule(rule, node, index, filterNames);
    }

    @Override
    public String toString() {
        return "CompiledRule[" + rule.label() + " '" + rule.title() + "']";
    }
}
