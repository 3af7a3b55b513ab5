package soc.cases.playbooks;

import java.time.Instant;

/** A task of a case, from its playbook; done by someone at some time, or open. */
public record CaseTask(long taskId, long caseId, CaseType caseType, int position, String phase, String title,
                       Instant doneAt, String doneBy) {
    public boolean isDone() {
        return doneAt != null;
    }
}
