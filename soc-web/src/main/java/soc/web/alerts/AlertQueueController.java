package soc.web.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import soc.cases.alerts.AlertCloseReason;
import soc.cases.alerts.AlertQuery;
import soc.cases.alerts.AlertQueue;
import soc.cases.alerts.AlertRow;
import soc.cases.alerts.AlertStatus;
import soc.cases.alerts.QueueSort;
import soc.cases.cases.CaseRuleException;
import soc.cases.filters.SavedFilters;
import soc.cases.sla.SlaPolicy;
import soc.cases.sla.SlaTarget;
import soc.cases.sla.SlaTimer;
import soc.events.Severity;
import soc.web.security.SocUser;

/**
 * The analyst alert queue with filters (tenant, severity, status, rule, ATT&amp;CK technique, asset, time range),
 * orders (newest, severity, SLA due), keyset paging, SLA timers and the user's saved filters. Provider analysts
 * see every tenant (optionally filtered); tenant users see only their own, enforced here and again by row-level
 * security. The rows fragment is polled for live updates with the same filter.
 */
@Controller
class AlertQueueController {
    private final AlertQueue queue;
    private final SavedFilters savedFilters;
    private final SlaPolicy sla;
    private final MessageSource messages;

    AlertQueueController(AlertQueue queue, SavedFilters savedFilters, SlaPolicy sla, MessageSource messages) {
        this.queue = queue;
        this.savedFilters = savedFilters;
        this.sla = sla;
        this.messages = messages;
    }

    @GetMapping("/alerts")
    String queue(@AuthenticationPrincipal SocUser user, HttpServletRequest request,
                 @RequestParam(required = false) String after, @RequestParam(required = false) Instant beforeTime,
                 @RequestParam(required = false) String beforeId, Model model) {
        AlertQuery query = query(user, request);
        String cursor = after;
        if (cursor == null && beforeTime != null && beforeId != null && query.sort() == QueueSort.NEWEST) {
            // links of earlier versions of the queue
            cursor = new soc.cases.alerts.QueueCursor(QueueSort.NEWEST, 0, beforeTime, beforeId).token();
        }
        AlertQueue.QueuePage page = queue.search(query, cursor);
        model.addAttribute("alerts", rows(page.rows()));
        model.addAttribute("query", query);
        model.addAttribute("queryString", query.toQueryString());
        model.addAttribute("fromLocal", local(query.from()));
        model.addAttribute("toLocal", local(query.to()));
        model.addAttribute("tenant", query.tenant());
        model.addAttribute("firstPage", page.first());
        model.addAttribute("next", page.next());
        model.addAttribute("closeReasons", AlertCloseReason.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("statuses", AlertStatus.values());
        model.addAttribute("sorts", QueueSort.values());
        model.addAttribute("savedFilters", savedFilters.of(user.getUsername()));
        return "alerts";
    }

    @GetMapping("/alerts/rows")
    String rowsFragment(@AuthenticationPrincipal SocUser user, HttpServletRequest request, Model model) {
        AlertQuery query = query(user, request);
        model.addAttribute("alerts", rows(queue.search(query, null).rows()));
        model.addAttribute("query", query);
        model.addAttribute("queryString", query.toQueryString());
        model.addAttribute("tenant", query.tenant());
        model.addAttribute("firstPage", true);
        return "alerts :: rows";
    }

    /** Saves the current filter under a name (replacing one of the same name). */
    @PostMapping("/alerts/filters")
    String saveFilter(@AuthenticationPrincipal SocUser user, @RequestParam(required = false) String name,
                      @RequestParam(required = false) String query, RedirectAttributes redirect, Locale locale) {
        AlertQuery parsed = AlertQuery.parse(query);
        if (user.getRole().isTenantScoped()) {
            parsed = parsed.pinnedTo(null);
        }
        try {
            savedFilters.save(user.getUsername(), user.getTenantId(), name, parsed);
            redirect.addFlashAttribute("notice", messages.getMessage("filters.saved", new Object[] {name}, locale));
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.getCode(), e.getArgs(), e.getMessage(), locale));
        }
        return "redirect:/alerts" + (parsed.isEmpty() ? "" : "?" + parsed.toQueryString());
    }

    /** Deletes one of the user's own saved filters (another user's: nothing happens, 404). */
    @PostMapping("/alerts/filters/{filterId}/delete")
    String deleteFilter(@AuthenticationPrincipal SocUser user, @PathVariable String filterId,
                        RedirectAttributes redirect, Locale locale) {
        long id;
        try {
            id = Long.parseLong(filterId);
        } catch (NumberFormatException e) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        if (!savedFilters.delete(user.getUsername(), user.getTenantId(), id)) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("notice", messages.getMessage("filters.deleted", null, locale));
        return "redirect:/alerts";
    }

    private List<QueueRow> rows(List<AlertRow> rows) {
        Instant now = Instant.now();
        return rows.stream().map(row -> new QueueRow(row, row.status() == AlertStatus.NEW || row.triagedAt() != null
                ? sla.timer(SlaTarget.ACKNOWLEDGE, row.receivedAt(), row.ackDueAt(), row.triagedAt(), now) : null))
                .toList();
    }

    /** An instant as an HTML datetime-local value in UTC. */
    private static String local(Instant instant) {
        return instant == null ? "" : java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
    }

    /** The request's filter; tenant users are always pinned to their own tenant, whatever the request asks for. */
    private static AlertQuery query(SocUser user, HttpServletRequest request) {
        AlertQuery query = AlertQuery.of(request::getParameter);
        return user.getRole().isTenantScoped() ? query.pinnedTo(user.getTenantId()) : query;
    }

    /** A queue line with its acknowledgement timer (null when the alert never had one). */
    record QueueRow(AlertRow alert, SlaTimer sla) {
        public String alertId() {
            return alert.alertId();
        }
    }
}
