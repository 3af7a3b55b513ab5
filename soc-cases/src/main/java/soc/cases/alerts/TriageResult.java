package soc.cases.alerts;

import java.util.List;

/**
 * Outcome of a triage action on one or more alerts.
 *
 * @param changed alerts whose state changed
 * @param skipped alerts left as they were (not visible, or already in that state, in a case or closed)
 */
public record TriageResult(List<String> changed, List<String> skipped) {
}
