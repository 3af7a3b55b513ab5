package soc.web.onboarding;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import soc.tenants.offboarding.TenantLifecycle;
import soc.tenants.onboarding.Onboarding;
import soc.tenants.tenants.TenantStatus;
import soc.web.security.SocUser;

/** The tenant page's status change and checklist planning (owner, due date) forms. */
@Controller
class TenantStatusController {
    private final OnboardingAccess access;
    private final TenantLifecycle lifecycle;
    private final Onboarding onboarding;

    TenantStatusController(OnboardingAccess access, TenantLifecycle lifecycle, Onboarding onboarding) {
        this.access = access;
        this.lifecycle = lifecycle;
        this.onboarding = onboarding;
    }

    @PostMapping("/tenants/{id}/status")
    String changeStatus(@AuthenticationPrincipal SocUser user, @PathVariable String id,
                        @RequestParam(required = false) TenantStatus status,
                        @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        access.onboardingOnly(user, id);
        try {
            lifecycle.changeStatus(user.getUsername(), id, status, reason);
            redirect.addFlashAttribute("statusChanged", status.name());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("statusError", e.getMessage());
        }
        return "redirect:/tenants/" + id;
    }

    @PostMapping("/tenants/{id}/checklist/{itemId}/plan")
    String plan(@AuthenticationPrincipal SocUser user, @PathVariable String id, @PathVariable long itemId,
                @RequestParam(required = false) String owner, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
                RedirectAttributes redirect) {
        access.onboardingOnly(user, id);
        try {
            onboarding.plan(user.getUsername(), id, itemId, owner == null || owner.isBlank() ? null : owner.strip(), dueOn);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("checklistError", e.getMessage());
        }
        return "redirect:/tenants/" + id + "#checklist";
    }
}
