package soc.web.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    /** Tenant admins land on their organisation's posture; everyone else on the alert queue. */
    @GetMapping("/")
    String home(org.springframework.security.core.Authentication authentication) {
        boolean tenantAdmin = authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_TENANT_ADMIN".equals(authority.getAuthority()));
        return tenantAdmin ? "redirect:/posture" : "redirect:/alerts";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
