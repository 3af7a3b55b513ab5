package soc.cases.playbooks;

import java.sql.Timestamp;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import soc.cases.cases.CaseActor;
import soc.cases.cases.CaseEvent;
import soc.cases.cases.CaseNotFoundException;
import soc.cases.cases.CaseRecords;
import soc.cases.cases.CaseRuleException;
import soc.cases.cases.EntryKind;
import soc.tenants.audit.AuditLog;

/**
 * Playbooks on cases: a new case gets a type (guessed from its alerts' ATT&amp;CK techniques, OTHER for a case
 * opened by hand) and that type's tasks; case workers change the type (open tasks are replaced by the new
 * playbook's, done ones stay) and tick tasks done or undone. Every change is on the timeline and audited.
 */
@Service
public class Playbooks {
    private final JdbcClient jdbc;
    private final CaseRecords records;
    private final AuditLog audit;
    private final PlaybookCatalog catalog = PlaybookCatalog.load();

    Playbooks(JdbcClient jdbc, CaseRecords records, AuditLog audit) {
        this.jdbc = jdbc;
        this.records = records;
        this.audit = audit;
    }

    public Playbook playbook(CaseType type) {
        return catalog.playbook(type);
    }

    /** Gives a newly opened case its type and tasks, in the transaction that opened it. */
    @EventListener
    public void opened(CaseEvent.Opened event) {
        long caseId = event.file().caseId();
        List<String[]> techniques = jdbc.sql("""
                        select a.techniques from case_alert ca join alert a on a.alert_id = ca.alert_id
                        where ca.case_id = :id
                        """)
                .param("id", caseId).query((rs, n) -> (String[]) rs.getArray(1).getArray()).list();
        Set<String> all = new LinkedHashSet<>();
        techniques.forEach(array -> all.addAll(List.of(array)));
        CaseType type = CaseType.guess(all);
        jdbc.sql("update case_file set case_type = :type where case_id = :id").param("type", type.name())
                .param("id", caseId).update();
        addTasks(caseId, event.file().tenantId(), type, 0);
        records.addEntry(caseId, event.file().tenantId(), event.actor(), EntryKind.CASE_TYPE, type.name());
    }

    @Transactional(readOnly = true)
    public CaseType typeOf(CaseActor actor, long caseId) {
        records.visibleTenant(actor, caseId);
        return jdbc.sql("select case_type from case_file where case_id = :id").param("id", caseId)
                .query(String.class).optional().map(CaseType::valueOf).orElse(CaseType.OTHER);
    }

    /** The case's tasks in playbook order. */
    @Transactional(readOnly = true)
    public List<CaseTask> tasks(CaseActor actor, long caseId) {
        records.visibleTenant(actor, caseId);
        return jdbc.sql("""
                        select task_id, case_id, case_type, position, phase, title, done_at, done_by
                        from case_task where case_id = :id order by position, task_id
                        """)
                .param("id", caseId)
                .query((rs, n) -> {
                    Timestamp done = rs.getTimestamp("done_at");
                    return new CaseTask(rs.getLong("task_id"), rs.getLong("case_id"),
                            CaseType.valueOf(rs.getString("case_type")), rs.getInt("position"), rs.getString("phase"),
                            rs.getString("title"), done == null ? null : done.toInstant(), rs.getString("done_by"));
                }).list();
    }

    /** Changes the case's type: the open tasks give way to the new playbook's; tasks already done stay. */
    @Transactional
    public void changeType(CaseActor actor, long caseId, CaseType type) {
        CaseRecords.Locked locked = records.lockVisible(actor, caseId);
        if (type == null) {
            throw new CaseRuleException("case.error.type", "Choose a case type");
        }
        if (!locked.status().isOpen()) {
            throw new CaseRuleException("case.error.closed", "The case is closed");
        }
        String current = jdbc.sql("select case_type from case_file where case_id = :id").param("id", caseId)
                .query(String.class).single();
        if (current.equals(type.name())) {
            return;
        }
        jdbc.sql("delete from case_task where case_id = :id and done_at is null").param("id", caseId).update();
        int next = jdbc.sql("select coalesce(max(position), 0) from case_task where case_id = :id").param("id", caseId)
                .query(Integer.class).single();
        jdbc.sql("update case_file set case_type = :type where case_id = :id").param("type", type.name())
                .param("id", caseId).update();
        addTasks(caseId, locked.tenantId(), type, next);
        records.addEntry(caseId, locked.tenantId(), actor.username(), EntryKind.CASE_TYPE, type.name());
        audit.record(actor.username(), locked.tenantId(), "case.type", "case " + caseId + " " + current + " -> " + type);
    }

    /** Marks a task done (who and when are recorded) or open again. */
    @Transactional
    public CaseTask setDone(CaseActor actor, long caseId, long taskId, boolean done) {
        CaseRecords.Locked locked = records.lockVisible(actor, caseId);
        if (!locked.status().isOpen()) {
            throw new CaseRuleException("case.error.closed", "The case is closed");
        }
        CaseTask task = tasks(actor, caseId).stream().filter(t -> t.taskId() == taskId).findFirst()
                .orElseThrow(() -> new CaseNotFoundException("Task"));
        if (task.isDone() == done) {
            return task;
        }
        jdbc.sql("""
                        update case_task set done_at = case when :done then clock_timestamp() end,
                               done_by = case when :done then :actor end
                        where task_id = :task and case_id = :case
                        """)
                .param("done", done).param("actor", actor.username()).param("task", taskId).param("case", caseId)
                .update();
        records.addEntry(caseId, locked.tenantId(), actor.username(), done ? EntryKind.TASK_DONE : EntryKind.TASK_UNDONE,
                task.title());
        audit.record(actor.username(), locked.tenantId(), done ? "case.task.done" : "case.task.reopened",
                "case " + caseId + " task " + taskId + ": " + task.title());
        return tasks(actor, caseId).stream().filter(t -> t.taskId() == taskId).findFirst().orElseThrow();
    }

    private void addTasks(long caseId, String tenantId, CaseType type, int after) {
        int position = after;
        for (Playbook.Step step : catalog.playbook(type).steps()) {
            position++;
            jdbc.sql("""
                            insert into case_task (case_id, tenant_id, case_type, position, phase, title)
                            values (:case, :tenant, :type, :position, :phase, :title)
                            """)
                    .param("case", caseId).param("tenant", tenantId).param("type", type.name())
                    .param("position", position).param("phase", step.phase()).param("title", step.title()).update();
        }
    }
}
