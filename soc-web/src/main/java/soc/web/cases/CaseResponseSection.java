package soc.web.cases;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import soc.cases.cases.CaseActor;
import soc.cases.cases.CaseFile;
import soc.cases.observables.ObservableKind;
import soc.cases.observables.Observables;
import soc.cases.playbooks.CaseType;
import soc.cases.playbooks.Playbooks;
import soc.cases.sla.CaseSlas;
import soc.cases.sla.ResponseMetrics;
import soc.cases.sla.SlaBreaches;
import soc.cases.sla.SlaPolicy;
import soc.events.TenantIds;
import soc.tenants.tenants.SlaTier;

/**
 * The response parts of the case pages (model attributes for case-response.html): SLA timers and recorded
 * warnings, the playbook's tasks, observables with sighting counts, and the tenant's monthly response figures.
 */
@Component
public class CaseResponseSection {
    static final int METRIC_MONTHS = 6;

    private final CaseSlas slas;
    private final SlaBreaches breaches;
    private final SlaPolicy policy;
    private final Playbooks playbooks;
    private final Observables observables;
    private final ResponseMetrics metrics;

    CaseResponseSection(CaseSlas slas, SlaBreaches breaches, SlaPolicy policy, Playbooks playbooks,
                        Observables observables, ResponseMetrics metrics) {
        this.slas = slas;
        this.breaches = breaches;
        this.policy = policy;
        this.playbooks = playbooks;
        this.observables = observables;
        this.metrics = metrics;
    }

    /** The case page: SLA, playbook and observables. */
    public void addTo(Model model, CaseActor actor, CaseFile file) {
        long caseId = file.caseId();
        model.addAttribute("caseSla", slas.timers(List.of(caseId), Instant.now()).get(caseId));
        SlaTier tier = policy.tierOf(file.tenantId());
        model.addAttribute("slaTier", tier);
        model.addAttribute("slaCoverage", policy.properties().policy(tier).coverage());
        model.addAttribute("slaEvents", breaches.forCase(caseId));
        model.addAttribute("caseType", playbooks.typeOf(actor, caseId));
        model.addAttribute("caseTypes", CaseType.values());
        model.addAttribute("tasks", playbooks.tasks(actor, caseId));
        model.addAttribute("observables", observables.list(actor, caseId));
        model.addAttribute("observableKinds", ObservableKind.values());
    }

    /**
     * The case list: each case's SLA timer, and the monthly response figures of one tenant (a tenant user's own,
     * or the tenant a provider user filtered on).
     */
    public void addToList(Model model, CaseActor actor, List<CaseFile> files, String tenantFilter) {
        model.addAttribute("caseSlas", slas.timers(files.stream().map(CaseFile::caseId).toList(), Instant.now()));
        String tenant = actor.tenantId() != null ? actor.tenantId()
                : tenantFilter != null && TenantIds.isValid(tenantFilter) ? tenantFilter : null;
        if (tenant != null) {
            YearMonth now = YearMonth.now(ZoneId.of(policy.properties().zone().getId()));
            model.addAttribute("metricsTenant", tenant);
            List<soc.cases.sla.MonthlyResponse> months = new java.util.ArrayList<>(
                    metrics.months(tenant, now.minusMonths(METRIC_MONTHS - 1), now));
            java.util.Collections.reverse(months);
            model.addAttribute("metrics", months);
        }
    }
}
