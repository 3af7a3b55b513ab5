package soc.web.deadletters;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import soc.cases.deadletters.DeadLetters;
import soc.events.TenantIds;
import soc.web.security.SocUser;

/** What the platform refused and why: analysts fix sources from here; tenant users see their own only. */
@Controller
class DeadLettersController {
    private static final int PAGE = 200;

    private final DeadLetters deadLetters;

    DeadLettersController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/dead-letters")
    String list(@AuthenticationPrincipal SocUser user, @RequestParam(required = false) String tenant, Model model) {
        String filter = user.getRole().isTenantScoped() ? user.getTenantId()
                : (TenantIds.isValid(tenant) ? tenant : null);
        model.addAttribute("letters", deadLetters.latest(filter, PAGE));
        model.addAttribute("tenant", filter);
        return "dead-letters";
    }
}
