package soc.web.alerts;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import soc.cases.alerts.AlertCloseReason;
import soc.cases.alerts.AlertDetail;
import soc.cases.alerts.AlertTriage;
import soc.cases.alerts.TriageResult;
import soc.cases.cases.CaseFile;
import soc.cases.cases.CaseNotFoundException;
import soc.cases.cases.CaseRuleException;
import soc.cases.cases.Cases;
import soc.web.cases.CaseActors;
import soc.web.events.MatchedEvents;
import soc.web.security.SocUser;
import soc.web.tenants.TenantAccess;

/**
 * An alert's detail page (rule with its author for DRL 1.1 attribution, key fields, the matched events from the
 * alert's tenant's indices, earlier repeats) and the triage actions on one alert or a selection from the queue.
 * Tenant users see only their own tenant's alerts (404 otherwise, row-level security underneath); triage is for
 * the provider's analysts (see SecurityConfiguration).
 */
@Controller
class AlertDetailController {
    private final AlertTriage triage;
    private final Cases cases;
    private final MatchedEvents events;
    private final TenantAccess access;
    private final MessageSource messages;

    AlertDetailController(AlertTriage triage, Cases cases, MatchedEvents events, TenantAccess access,
                          MessageSource messages) {
        this.triage = triage;
        this.cases = cases;
        this.events = events;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/alerts/{alertId}")
    String alert(@AuthenticationPrincipal SocUser user, @PathVariable String alertId, Model model) {
        AlertDetail alert = triage.find(alertId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        access.requireVisible(user, alert.tenantId());
        model.addAttribute("alert", alert);
        model.addAttribute("events", events.find(alert.tenantId(), alert.eventIds()));
        model.addAttribute("repeats", triage.earlierRepeats(alert));
        model.addAttribute("closeReasons", AlertCloseReason.values());
        return "alert";
    }

    /**
     * One action on the selected alerts: acknowledge, assign to me, close with a reason, or open a case from them.
     * Comes from the queue's bulk form and from the detail page (which names a single alert and returns to it).
     */
    @PostMapping("/alerts/triage")
    String triage(@AuthenticationPrincipal SocUser user, @RequestParam(required = false) String action,
                  @RequestParam(name = "alertIds", required = false) List<String> alertIds,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String returnTo,
                  RedirectAttributes redirect, Locale locale) {
        List<String> ids = alertIds == null ? List.of() : alertIds.stream().filter(id -> !id.isBlank()).toList();
        String back = ids.size() == 1 && "detail".equals(returnTo) ? "redirect:/alerts/" + ids.get(0) : "redirect:/alerts";
        if (ids.isEmpty()) {
            redirect.addFlashAttribute("error", text("triage.error.noSelection", locale));
            return back;
        }
        String actor = user.getUsername();
        try {
            switch (action == null ? "" : action) {
                case "acknowledge" -> report(redirect, triage.acknowledge(actor, ids), locale);
                case "assign" -> report(redirect, triage.assign(actor, ids, actor), locale);
                case "close" -> {
                    AlertCloseReason closeReason = parse(reason);
                    if (closeReason == null) {
                        redirect.addFlashAttribute("error", text("triage.error.reason", locale));
                        return back;
                    }
                    report(redirect, triage.close(actor, ids, closeReason), locale);
                }
                case "case" -> {
                    CaseFile file = cases.createFromAlerts(CaseActors.of(user), ids, null);
                    redirect.addFlashAttribute("notice", messages.getMessage("case.created",
                            new Object[] {file.caseId()}, locale));
                    return "redirect:/cases/" + file.caseId();
                }
                default -> redirect.addFlashAttribute("error", text("triage.error.action", locale));
            }
        } catch (CaseNotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.getCode(), e.getArgs(), e.getMessage(), locale));
        }
        return back;
    }

    private void report(RedirectAttributes redirect, TriageResult result, Locale locale) {
        redirect.addFlashAttribute("notice", messages.getMessage("triage.done",
                new Object[] {result.changed().size(), result.skipped().size()}, locale));
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, locale);
    }

    private static AlertCloseReason parse(String reason) {
        try {
            return reason == null ? null : AlertCloseReason.valueOf(reason);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
