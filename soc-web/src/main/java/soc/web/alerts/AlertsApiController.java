package soc.web.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import soc.cases.alerts.AlertCloseReason;
import soc.cases.alerts.AlertDetail;
import soc.cases.alerts.AlertQuery;
import soc.cases.alerts.AlertQueue;
import soc.cases.alerts.AlertRow;
import soc.cases.alerts.AlertTriage;
import soc.cases.alerts.TriageResult;
import soc.cases.cases.CaseRuleException;
import soc.cases.sla.SlaPolicy;
import soc.cases.sla.SlaTarget;
import soc.cases.sla.SlaTimer;
import soc.events.EventJson;
import soc.web.security.SocUser;
import soc.web.tenants.TenantAccess;

/**
 * The alert queue over JSON: the same filters, orders and keyset paging as the page, alert detail, and triage
 * (acknowledge, assign to me, close with a reason). Tenant users are pinned to their own tenant; another tenant's
 * alert is 404. Triage is for the provider's analysts (SecurityConfiguration).
 */
@RestController
@Tag(name = "Alerts", description = "The alert queue, alert detail and triage")
class AlertsApiController {
    private final AlertQueue queue;
    private final AlertTriage triage;
    private final SlaPolicy sla;
    private final TenantAccess access;

    AlertsApiController(AlertQueue queue, AlertTriage triage, SlaPolicy sla, TenantAccess access) {
        this.queue = queue;
        this.triage = triage;
        this.sla = sla;
        this.access = access;
    }

    @GetMapping("/api/v1/alerts")
    @Operation(summary = "A page of the alert queue",
            description = "Filters: tenant, severity (minimum), status, rule, technique, asset, from, to (ISO instants "
                    + "or dates), sort = NEWEST | SEVERITY | SLA_DUE. Pass the answer's next as after= for the next page.")
    QueueAnswer list(@AuthenticationPrincipal SocUser user, HttpServletRequest request,
                     @RequestParam(required = false) String after) {
        AlertQuery query = AlertQuery.of(request::getParameter);
        if (user.getRole().isTenantScoped()) {
            query = query.pinnedTo(user.getTenantId());
        }
        AlertQueue.QueuePage page = queue.search(query, after);
        Instant now = Instant.now();
        return new QueueAnswer(page.rows().stream().map(row -> new QueueItem(row,
                sla.timer(SlaTarget.ACKNOWLEDGE, row.receivedAt(), row.ackDueAt(), row.triagedAt(), now))).toList(),
                page.next());
    }

    @GetMapping("/api/v1/alerts/{alertId}")
    @Operation(summary = "One alert with its acknowledgement timer")
    AlertAnswer get(@AuthenticationPrincipal SocUser user, @PathVariable String alertId) {
        AlertDetail alert = triage.find(alertId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        access.requireVisible(user, alert.tenantId());
        return new AlertAnswer(alert, triage.earlierRepeats(alert).stream().map(AlertRow::alertId).toList());
    }

    @PostMapping("/api/v1/alerts/triage")
    @Operation(summary = "Triage alerts",
            description = "{\"action\": \"acknowledge\" | \"assign\" | \"close\", \"alertIds\": [...], \"reason\": "
                    + "\"FALSE_POSITIVE\" (for close)}. Alerts the caller may not see are reported as skipped.")
    TriageResult triage(@AuthenticationPrincipal SocUser user, @RequestBody(required = false) String body) {
        Map<String, Object> json = body == null || body.isBlank() ? Map.of() : EventJson.readObject(body);
        List<String> ids = json.get("alertIds") instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : List.of();
        String actor = user.getUsername();
        return switch (String.valueOf(json.get("action"))) {
            case "acknowledge" -> triage.acknowledge(actor, ids);
            case "assign" -> triage.assign(actor, ids, actor);
            case "close" -> {
                AlertCloseReason reason;
                try {
                    reason = AlertCloseReason.valueOf(String.valueOf(json.get("reason")));
                } catch (IllegalArgumentException e) {
                    throw new CaseRuleException("triage.error.reason", "Choose a reason to close");
                }
                yield triage.close(actor, ids, reason);
            }
            default -> throw new CaseRuleException("triage.error.action", "Unknown action");
        };
    }

    @ExceptionHandler({CaseRuleException.class, IllegalArgumentException.class})
    ResponseEntity<Map<String, String>> refused(RuntimeException e) {
        return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(e.getMessage())));
    }

    /** A page of the queue; next is the token for the following page (null at the end). */
    record QueueAnswer(List<QueueItem> alerts, String next) {
    }

    /** A queue line with its acknowledgement timer. */
    record QueueItem(AlertRow alert, SlaTimer sla) {
    }

    /** An alert with the ids of earlier alerts of the same fingerprint. */
    record AlertAnswer(AlertDetail alert, List<String> earlierRepeats) {
    }
}
