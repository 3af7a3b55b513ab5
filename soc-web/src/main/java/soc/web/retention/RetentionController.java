package soc.web.retention;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import soc.tenants.retention.RetentionSetting;
import soc.tenants.retention.TenantRetention;
import soc.tenants.users.Role;
import soc.web.security.SocUser;

/**
 * Changes how long a tenant's events are kept in OpenSearch (platform admins and onboarding officers; audited by
 * {@link TenantRetention}). An empty value returns the tenant to the platform default. soc-ingest applies the
 * change on its next retention run (ISM policy or retention job).
 */
@Controller
class RetentionController {
    private final TenantRetention retention;

    RetentionController(TenantRetention retention) {
        this.retention = retention;
    }

    @PostMapping("/tenants/{id}/retention")
    String change(@AuthenticationPrincipal SocUser user, @PathVariable String id,
                  @RequestParam(required = false) String days, RedirectAttributes redirect) {
        if (user.getRole() != Role.PLATFORM_ADMIN && user.getRole() != Role.ONBOARDING_OFFICER) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        if (retention.of(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            Integer value = days == null || days.isBlank() ? null : Integer.valueOf(days.trim());
            RetentionSetting setting = retention.change(user.getUsername(), id, value);
            redirect.addFlashAttribute("retentionChanged", setting.days());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("retentionError", days);
        }
        return "redirect:/tenants/" + id + "#retention";
    }
}
