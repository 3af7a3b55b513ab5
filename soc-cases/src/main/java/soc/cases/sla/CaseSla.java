package soc.cases.sla;

/** A case's two SLA timers: time to acknowledge and time to contain. */
public record CaseSla(long caseId, SlaTimer acknowledge, SlaTimer contain) {
    /** The timer that needs attention first: a running one before a finished one, the acknowledgement first. */
    public SlaTimer current() {
        return acknowledge.state().isRunning() || contain.state() == SlaState.NONE ? acknowledge : contain;
    }
}
