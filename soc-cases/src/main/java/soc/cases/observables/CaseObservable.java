package soc.cases.observables;

import java.time.Instant;

/**
 * An observable on a case, with how many OTHER organisations have seen the same value (in their cases or their
 * alerts' key fields): a count only, never which ones.
 *
 * @param origin MANUAL (added by hand) or ALERT (from the case's alerts)
 */
public record CaseObservable(long observableId, long caseId, ObservableKind kind, String value, String origin,
                             String addedBy, Instant addedAt, int otherTenants) {
}
