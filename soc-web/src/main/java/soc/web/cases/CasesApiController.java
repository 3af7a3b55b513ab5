package soc.web.cases;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import soc.cases.alerts.AlertDetail;
import soc.cases.cases.CaseActor;
import soc.cases.cases.CaseFile;
import soc.cases.cases.CaseNotFoundException;
import soc.cases.cases.CaseRuleException;
import soc.cases.cases.CaseStatus;
import soc.cases.cases.CaseView;
import soc.cases.cases.Cases;
import soc.cases.cases.RootCause;
import soc.cases.cases.TimelineItem;
import soc.cases.observables.CaseObservable;
import soc.cases.observables.Observables;
import soc.cases.playbooks.CaseTask;
import soc.cases.playbooks.CaseType;
import soc.cases.playbooks.Playbooks;
import soc.cases.sla.CaseSla;
import soc.cases.sla.CaseSlas;
import soc.cases.sla.MonthlyResponse;
import soc.cases.sla.ResponseMetrics;
import soc.events.EventJson;
import soc.events.Severity;
import soc.events.TenantIds;
import soc.web.security.SocUser;

/**
 * Cases over JSON, with the same roles as the pages (SecurityConfiguration) and the same tenant rules: a tenant
 * user sees only their own tenant's cases and gets 404 for any other. Request bodies are JSON objects; they are
 * read only after the case was found visible, so another tenant's case id answers 404 whatever the body.
 */
@RestController
@Tag(name = "Cases", description = "Cases with SLA timers, playbook tasks, observables; monthly response figures")
class CasesApiController {
    private final Cases cases;
    private final CaseSlas slas;
    private final Playbooks playbooks;
    private final Observables observables;
    private final ResponseMetrics metrics;

    CasesApiController(Cases cases, CaseSlas slas, Playbooks playbooks, Observables observables,
                       ResponseMetrics metrics) {
        this.cases = cases;
        this.slas = slas;
        this.playbooks = playbooks;
        this.observables = observables;
        this.metrics = metrics;
    }

    @GetMapping("/api/v1/cases")
    @Operation(summary = "Cases the caller may see, most recently updated first, with SLA timers",
            description = "tenant narrows to one tenant (ignored for tenant users); open=true leaves out closed cases.")
    List<CaseSummary> list(@AuthenticationPrincipal SocUser user, @RequestParam(required = false) String tenant,
                           @RequestParam(required = false, defaultValue = "false") boolean open) {
        List<CaseFile> files = cases.list(CaseActors.of(user), tenant, open);
        Map<Long, CaseSla> timers = slas.timers(files.stream().map(CaseFile::caseId).toList(), Instant.now());
        return files.stream().map(f -> new CaseSummary(f, timers.get(f.caseId()))).toList();
    }

    @GetMapping("/api/v1/cases/{caseId}")
    @Operation(summary = "One case with its alerts, timeline, SLA, playbook tasks and observables",
            description = "Observables carry the number of other organisations that saw them, never which.")
    CaseDetail get(@AuthenticationPrincipal SocUser user, @PathVariable String caseId) {
        return detail(CaseActors.of(user), CaseResponseController.id(caseId));
    }

    @PostMapping("/api/v1/cases")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a case",
            description = "From alerts of one tenant: {\"alertIds\": [...], \"title\": optional}. By hand: "
                    + "{\"tenantId\": ..., \"title\": ..., \"severity\": \"HIGH\"}.")
    CaseDetail create(@AuthenticationPrincipal SocUser user, @RequestBody(required = false) String body) {
        Map<String, Object> json = json(body);
        CaseActor actor = CaseActors.of(user);
        CaseFile file;
        if (json.get("alertIds") instanceof List<?> ids) {
            file = cases.createFromAlerts(actor, ids.stream().map(String::valueOf).toList(), text(json, "title"));
        } else {
            file = cases.create(actor, text(json, "tenantId"), text(json, "title"),
                    CaseResponseController.parse(Severity.class, text(json, "severity")));
        }
        return detail(actor, file.caseId());
    }

    @PostMapping("/api/v1/cases/{caseId}/status")
    @Operation(summary = "Move a case through the workflow",
            description = "{\"status\": \"CLOSED\", \"resolution\": \"...\", \"rootCause\": \"PHISHING_CLICK\"}; closing needs both.")
    CaseDetail status(@AuthenticationPrincipal SocUser user, @PathVariable String caseId,
                      @RequestBody(required = false) String body) {
        CaseActor actor = CaseActors.of(user);
        long id = CaseResponseController.id(caseId);
        cases.view(actor, id);
        Map<String, Object> json = json(body);
        cases.changeStatus(actor, id, CaseResponseController.parse(CaseStatus.class, text(json, "status")),
                text(json, "resolution"), CaseResponseController.parse(RootCause.class, text(json, "rootCause")));
        return detail(actor, id);
    }

    @PostMapping("/api/v1/cases/{caseId}/tasks/{taskId}")
    @Operation(summary = "Mark a playbook task done or open again", description = "{\"done\": true} (the default) or false.")
    CaseTask task(@AuthenticationPrincipal SocUser user, @PathVariable String caseId, @PathVariable String taskId,
                  @RequestBody(required = false) String body) {
        CaseActor actor = CaseActors.of(user);
        long id = CaseResponseController.id(caseId);
        playbooks.tasks(actor, id);
        Object done = json(body).get("done");
        return playbooks.setDone(actor, id, CaseResponseController.id(taskId), done == null || Boolean.TRUE.equals(done)
                || "true".equals(done));
    }

    @GetMapping("/api/v1/cases/response-metrics")
    @Operation(summary = "MTTA, MTTR and SLA compliance of one tenant per month",
            description = "tenant (tenant users: always their own), from and to as yyyy-MM (default: the last 6 months).")
    List<MonthlyResponse> responseMetrics(@AuthenticationPrincipal SocUser user,
                                          @RequestParam(required = false) String tenant,
                                          @RequestParam(required = false) String from,
                                          @RequestParam(required = false) String to) {
        String tenantId = user.getRole().isTenantScoped() ? user.getTenantId() : tenant;
        if (tenantId == null || !TenantIds.isValid(tenantId)) {
            throw new CaseRuleException("metrics.error.tenant", "Name the tenant");
        }
        try {
            YearMonth end = to == null ? YearMonth.now() : YearMonth.parse(to);
            YearMonth start = from == null ? end.minusMonths(CaseResponseSection.METRIC_MONTHS - 1) : YearMonth.parse(from);
            if (start.plusYears(5).isBefore(end)) {
                throw new CaseRuleException("metrics.error.range", "At most five years at once");
            }
            return metrics.months(tenantId, start, end);
        } catch (DateTimeParseException e) {
            throw new CaseRuleException("metrics.error.month", "Months are written yyyy-MM");
        }
    }

    @ExceptionHandler(CaseNotFoundException.class)
    ResponseEntity<Map<String, String>> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not found"));
    }

    @ExceptionHandler({CaseRuleException.class, IllegalArgumentException.class})
    ResponseEntity<Map<String, String>> refused(RuntimeException e) {
        return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(e.getMessage())));
    }

    private CaseDetail detail(CaseActor actor, long caseId) {
        CaseView view = cases.view(actor, caseId);
        return new CaseDetail(view.file(), slas.timers(List.of(caseId), Instant.now()).get(caseId),
                playbooks.typeOf(actor, caseId), view.alerts().stream().map(AlertDetail::alertId).toList(),
                view.timeline(), playbooks.tasks(actor, caseId), observables.list(actor, caseId));
    }

    static Map<String, Object> json(String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        try {
            return EventJson.readObject(body);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The body must be a JSON object");
        }
    }

    private static String text(Map<String, Object> json, String key) {
        Object value = json.get(key);
        return value == null ? null : String.valueOf(value);
    }

    /** A case in a list, with its SLA timers. */
    record CaseSummary(CaseFile file, CaseSla sla) {
    }

    /** A case with everything on its page. */
    record CaseDetail(CaseFile file, CaseSla sla, CaseType caseType, List<String> alertIds, List<TimelineItem> timeline,
                      List<CaseTask> tasks, List<CaseObservable> observables) {
    }
}
