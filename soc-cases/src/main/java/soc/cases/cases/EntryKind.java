package soc.cases.cases;

/** Kinds of case timeline entries; ALERT_EVENT and ALERT_DETECTED are derived from the case's alerts and never stored. */
public enum EntryKind {
    COMMENT, STATUS, ALERT_ADDED, ASSIGNED, ALERT_EVENT, ALERT_DETECTED,
    /** Severity changed by hand (text: the new severity). */
    SEVERITY,
    /** Evidence file attached (text: file name and SHA-256). */
    ATTACHMENT,
    /** Linked to another case (text: kind and case id). */
    LINKED,
    /** Case type (and so playbook) set or changed (text: the type). */
    CASE_TYPE,
    /** A playbook task done (text: the task's title). */
    TASK_DONE,
    /** A playbook task reopened (text: the task's title). */
    TASK_UNDONE,
    /** An observable added by hand (text: kind and value). */
    OBSERVABLE,
    /** An observable changed by hand (text: old kind and value, an arrow, new kind and value). */
    OBSERVABLE_CHANGED,
    /** An observable removed by hand (text: kind and value). */
    OBSERVABLE_REMOVED
}
