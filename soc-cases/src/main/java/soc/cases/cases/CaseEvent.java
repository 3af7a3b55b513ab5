package soc.cases.cases;

import soc.events.Severity;

/**
 * Published (as a Spring application event, inside the transaction of the change) when something happens to a case
 * that others may want to act on, such as notifications. Listeners that write rows join the same transaction.
 */
public sealed interface CaseEvent {
    CaseFile file();

    String actor();

    /** A case was opened, from alerts or by hand. */
    record Opened(CaseFile file, String actor) implements CaseEvent {
    }

    /** A case moved in the workflow (closing included). */
    record StatusChanged(CaseFile file, CaseStatus previous, String actor) implements CaseEvent {
    }

    /** A case's severity was changed by hand. */
    record SeverityChanged(CaseFile file, Severity previous, String actor) implements CaseEvent {
        /** True when the case became HIGH or CRITICAL from something lower (or CRITICAL from HIGH). */
        public boolean raisedToHighOrAbove() {
            return file.severity().compareTo(previous) > 0 && file.severity().compareTo(Severity.HIGH) >= 0;
        }
    }
}
