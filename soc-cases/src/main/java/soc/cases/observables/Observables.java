package soc.cases.observables;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import soc.cases.cases.CaseActor;
import soc.cases.cases.CaseEvent;
import soc.cases.cases.CaseNotFoundException;
import soc.cases.cases.CaseRecords;
import soc.cases.cases.CaseRuleException;
import soc.cases.cases.EntryKind;
import soc.events.EventJson;
import soc.tenants.audit.AuditLog;
import soc.tenants.scope.TenantScope;

/**
 * Observables (IP, domain, hash, user, host) on cases: taken from the case's alerts when it opens, or added, changed
 * and removed by hand (each change on the case's timeline and in the audit log).
 * Sightings in other organisations are counted in the provider scope, in a separate read-only transaction, and only
 * the number of other tenants leaves it: no tenant name, case or alert of another tenant is ever returned.
 */
@Service
public class Observables {
    private final JdbcClient jdbc;
    private final CaseRecords records;
    private final AuditLog audit;
    private final TransactionTemplate providerReads;

    Observables(JdbcClient jdbc, CaseRecords records, AuditLog audit, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.records = records;
        this.audit = audit;
        this.providerReads = new TransactionTemplate(transactionManager);
        this.providerReads.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.providerReads.setReadOnly(true);
    }

    /** Takes the observables of a newly opened case's alerts, in the transaction that opened it. */
    @EventListener
    public void opened(CaseEvent.Opened event) {
        long caseId = event.file().caseId();
        List<String> keyFields = jdbc.sql("""
                        select a.key_fields::text from case_alert ca join alert a on a.alert_id = ca.alert_id
                        where ca.case_id = :id order by a.received_at
                        """)
                .param("id", caseId).query(String.class).list();
        Set<ObservableExtractor.Found> found = new LinkedHashSet<>();
        keyFields.forEach(json -> found.addAll(ObservableExtractor.from(EventJson.readObject(json))));
        for (ObservableExtractor.Found f : found) {
            insert(caseId, event.file().tenantId(), f.kind(), f.value(), "ALERT", event.actor());
        }
    }

    /** Adds an observable by hand; a duplicate is refused with a message. */
    @Transactional
    public void add(CaseActor actor, long caseId, ObservableKind kind, String rawValue) {
        CaseRecords.Locked locked = records.lockVisible(actor, caseId);
        if (kind == null) {
            throw new CaseRuleException("observable.error.kind", "Choose the kind of observable");
        }
        String value = kind.normalise(rawValue);
        if (value == null) {
            throw new CaseRuleException("observable.error.value", "That is not a valid " + kind, kind);
        }
        if (!insert(caseId, locked.tenantId(), kind, value, "MANUAL", actor.username())) {
            throw new CaseRuleException("observable.error.duplicate", "The case already has that observable");
        }
        records.addEntry(caseId, locked.tenantId(), actor.username(), EntryKind.OBSERVABLE, kind + " " + value);
        audit.record(actor.username(), locked.tenantId(), "case.observable", "case " + caseId + " " + kind + " " + value);
    }

    /**
     * Changes an observable's kind and value by hand (it becomes the actor's, origin MANUAL); "not found" for another
     * tenant's case or an observable of another case. Refused on a closed case, for an invalid value, or when the
     * case already has the new value.
     */
    @Transactional
    public void edit(CaseActor actor, long caseId, long observableId, ObservableKind kind, String rawValue) {
        CaseRecords.Locked locked = records.lockVisible(actor, caseId);
        Stored before = stored(caseId, observableId);
        requireOpen(locked);
        if (kind == null) {
            throw new CaseRuleException("observable.error.kind", "Choose the kind of observable");
        }
        String value = kind.normalise(rawValue);
        if (value == null) {
            throw new CaseRuleException("observable.error.value", "That is not a valid " + kind, kind);
        }
        if (before.kind() == kind && before.value().equals(value)) {
            return; // nothing changed
        }
        boolean taken = jdbc.sql("""
                        select count(*) > 0 from case_observable
                        where case_id = :case and kind = :kind and value = :value and observable_id <> :id
                        """)
                .param("case", caseId).param("kind", kind.name()).param("value", value).param("id", observableId)
                .query(Boolean.class).single();
        if (taken) {
            throw new CaseRuleException("observable.error.duplicate", "The case already has that observable");
        }
        jdbc.sql("""
                        update case_observable set kind = :kind, value = :value, origin = 'MANUAL', added_by = :actor,
                               added_at = clock_timestamp()
                        where observable_id = :id and case_id = :case
                        """)
                .param("kind", kind.name()).param("value", value).param("actor", actor.username())
                .param("id", observableId).param("case", caseId).update();
        String change = before.kind() + " " + before.value() + " \u2192 " + kind + " " + value;
        records.addEntry(caseId, locked.tenantId(), actor.username(), EntryKind.OBSERVABLE_CHANGED, change);
        audit.record(actor.username(), locked.tenantId(), "case.observable.change", "case " + caseId + " " + change);
    }

    /** Removes an observable; "not found" for another tenant's case or an observable of another case. */
    @Transactional
    public void remove(CaseActor actor, long caseId, long observableId) {
        CaseRecords.Locked locked = records.lockVisible(actor, caseId);
        Stored before = stored(caseId, observableId);
        requireOpen(locked);
        jdbc.sql("delete from case_observable where observable_id = :id and case_id = :case")
                .param("id", observableId).param("case", caseId).update();
        String what = before.kind() + " " + before.value();
        records.addEntry(caseId, locked.tenantId(), actor.username(), EntryKind.OBSERVABLE_REMOVED, what);
        audit.record(actor.username(), locked.tenantId(), "case.observable.remove", "case " + caseId + " " + what);
    }

    private record Stored(ObservableKind kind, String value) {
    }

    private Stored stored(long caseId, long observableId) {
        return jdbc.sql("select kind, value from case_observable where observable_id = :id and case_id = :case for update")
                .param("id", observableId).param("case", caseId)
                .query((rs, n) -> new Stored(ObservableKind.valueOf(rs.getString("kind")), rs.getString("value")))
                .optional().orElseThrow(() -> new CaseNotFoundException("Observable"));
    }

    private static void requireOpen(CaseRecords.Locked locked) {
        if (!locked.status().isOpen()) {
            throw new CaseRuleException("observable.error.closed", "The case is closed");
        }
    }

    /** The case's observables with their sighting counts in other organisations. */
    public List<CaseObservable> list(CaseActor actor, long caseId) {
        record Row(long id, ObservableKind kind, String value, String origin, String addedBy, Timestamp addedAt) {
        }
        String tenantId = records.visibleTenant(actor, caseId);
        List<Row> rows = jdbc.sql("""
                        select observable_id, kind, value, origin, added_by, added_at from case_observable
                        where case_id = :id order by kind, value
                        """)
                .param("id", caseId)
                .query((rs, n) -> new Row(rs.getLong("observable_id"), ObservableKind.valueOf(rs.getString("kind")),
                        rs.getString("value"), rs.getString("origin"), rs.getString("added_by"),
                        rs.getTimestamp("added_at"))).list();
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (Row row : rows) {
            counts.put(row.kind() + " " + row.value(), otherTenantsWith(tenantId, row.kind(), row.value()));
        }
        List<CaseObservable> result = new ArrayList<>();
        for (Row row : rows) {
            result.add(new CaseObservable(row.id(), caseId, row.kind(), row.value(), row.origin(), row.addedBy(),
                    row.addedAt().toInstant(), counts.get(row.kind() + " " + row.value())));
        }
        return result;
    }

    /**
     * In how many tenants other than {@code tenantId} the value appears, in a case's observables or an alert's key
     * fields. Runs in the provider scope; only the count is returned.
     */
    public int otherTenantsWith(String tenantId, ObservableKind kind, String value) {
        Integer count = TenantScope.call(TenantScope.ALL_TENANTS, () -> providerReads.execute(status -> jdbc.sql("""
                        select count(distinct tenant_id) from (
                            select tenant_id from case_observable where kind = :kind and value = :value
                                and tenant_id <> :tenant
                            union
                            select tenant_id from alert where key_values @> array[:value]::text[] and tenant_id <> :tenant
                        ) seen
                        """)
                .param("kind", kind.name()).param("value", value).param("tenant", tenantId)
                .query(Integer.class).single()));
        return count == null ? 0 : count;
    }

    private boolean insert(long caseId, String tenantId, ObservableKind kind, String value, String origin, String actor) {
        return jdbc.sql("""
                        insert into case_observable (case_id, tenant_id, kind, value, origin, added_by)
                        values (:case, :tenant, :kind, :value, :origin, :actor)
                        on conflict (case_id, kind, value) do nothing
                        """)
                .param("case", caseId).param("tenant", tenantId).param("kind", kind.name()).param("value", value)
                .param("origin", origin).param("actor", actor).update() == 1;
    }
}
