package soc.web.alerts;

import java.time.Instant;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import soc.cases.alerts.AlertCloseReason;
import soc.cases.alerts.AlertQueue;
import soc.cases.alerts.AlertRow;
import soc.cases.alerts.AlertStore;
import soc.events.TenantIds;
import soc.web.security.SocUser;

/**
 * The analyst alert queue. Provider analysts see every tenant (optionally filtered); tenant users see only their
 * own, enforced here and again by row-level security. The rows fragment is polled for live updates.
 */
@Controller
class AlertQueueController {
    private final AlertQueue queue;

    AlertQueueController(AlertQueue queue) {
        this.queue = queue;
    }

    @GetMapping("/alerts")
    String queue(@AuthenticationPrincipal SocUser user, @RequestParam(required = false) String tenant,
                 @RequestParam(required = false) Instant beforeTime, @RequestParam(required = false) String beforeId,
                 Model model) {
        model.addAttribute("alerts", rows(user, tenant, beforeTime, beforeId));
        model.addAttribute("tenant", tenantFilter(user, tenant));
        model.addAttribute("firstPage", beforeTime == null);
        model.addAttribute("closeReasons", AlertCloseReason.values());
        return "alerts";
    }

    @GetMapping("/alerts/rows")
    String rowsFragment(@AuthenticationPrincipal SocUser user, @RequestParam(required = false) String tenant,
                        Model model) {
        model.addAttribute("alerts", rows(user, tenant, null, null));
        model.addAttribute("tenant", tenantFilter(user, tenant));
        return "alerts :: rows";
    }

    private List<AlertRow> rows(SocUser user, String tenant, Instant beforeTime, String beforeId) {
        String filter = tenantFilter(user, tenant);
        if (beforeTime != null && beforeId != null) {
            return queue.pageAfter(filter, new AlertStore.AlertCursor(beforeTime, beforeId));
        }
        return queue.firstPage(filter);
    }

    /** Tenant users are always pinned to their own tenant, whatever the request asks for. */
    private static String tenantFilter(SocUser user, String requested) {
        if (user.getRole().isTenantScoped()) {
            return user.getTenantId();
        }
        return requested == null || requested.isBlank() || !TenantIds.isValid(requested) ? null : requested;
    }
}
