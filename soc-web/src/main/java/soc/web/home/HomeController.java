package soc.web.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    /** Tenant admins land on their organisation's posture; everyone else on the alert queue. */
    @GetMapping("/")
    String home(org.springframework.security.core.Authentication authentication) {
        return "redirect:" + soc.web.security.LandingPage.of(authentication);
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
