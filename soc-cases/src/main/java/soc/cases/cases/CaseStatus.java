package soc.cases.cases;

/**
 * The case workflow: new, in progress, contained, resolved, closed. A case only moves forward; steps may be
 * skipped (a case can be closed straight from in progress), and closed is final.
 */
public enum CaseStatus {
    NEW, IN_PROGRESS, CONTAINED, RESOLVED, CLOSED;

    public boolean isOpen() {
        return this != CLOSED;
    }

    public boolean canMoveTo(CaseStatus next) {
        return next != null && next.ordinal() > ordinal();
    }
}
