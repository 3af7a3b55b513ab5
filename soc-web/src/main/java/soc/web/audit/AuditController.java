package soc.web.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import soc.tenants.audit.AuditLog;

/**
 * The audit trail: platform admins and SOC leads see every entry; a tenant admin sees their own tenant's
 * entries only (row-level security on audit_log, platform-level entries have no tenant and stay hidden).
 */
@Controller
class AuditController {
    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String audit(Model model) {
        model.addAttribute("entries", audit.latest());
        return "audit";
    }
}
