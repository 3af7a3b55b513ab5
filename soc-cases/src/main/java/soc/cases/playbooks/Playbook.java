package soc.cases.playbooks;

import java.util.List;

/** The response protocol of one case type: ordered tasks, each in a phase (triage, contain, eradicate, recover...). */
public record Playbook(CaseType type, String title, List<Step> steps) {
    public Playbook {
        steps = List.copyOf(steps);
    }

    /** One task template. */
    public record Step(String phase, String title) {
    }
}
