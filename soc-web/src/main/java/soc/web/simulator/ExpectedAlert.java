package soc.web.simulator;

/**
 * An alert a scenario expects. Required alerts make recall; optional ones (rules that also match the scenario's
 * events, such as SigmaHQ rules or correlations, when they are loaded) count as true positives when they fire but
 * their absence is no miss.
 */
public record ExpectedAlert(String ruleId, String title, boolean required) {
    public static ExpectedAlert required(String ruleId, String title) {
        return new ExpectedAlert(ruleId, title, true);
    }

    public static ExpectedAlert optional(String ruleId, String title) {
        return new ExpectedAlert(ruleId, title, false);
    }
}
