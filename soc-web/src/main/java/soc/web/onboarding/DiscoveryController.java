package soc.web.onboarding;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import soc.tenants.discovery.Discovery;
import soc.tenants.discovery.DiscoveryResponse;
import soc.tenants.discovery.Logging;
import soc.tenants.discovery.MfaCoverage;
import soc.tenants.discovery.OutOfHours;
import soc.tenants.discovery.RestoreTest;
import soc.tenants.discovery.Roadmap;
import soc.tenants.discovery.RoadmapStatus;
import soc.tenants.tenants.Tenant;
import soc.web.security.SocUser;

/**
 * The discovery questionnaire of a tenant and the roadmap it produces. Onboarding officers answer for any tenant,
 * a tenant admin for their own; tenant analysts read their own tenant's.
 */
@Controller
class DiscoveryController {
    private final OnboardingAccess access;
    private final Discovery discovery;
    private final Roadmap roadmap;
    private final MessageSource messages;

    DiscoveryController(OnboardingAccess access, Discovery discovery, Roadmap roadmap, MessageSource messages) {
        this.access = access;
        this.discovery = discovery;
        this.roadmap = roadmap;
        this.messages = messages;
    }

    @GetMapping("/tenants/{id}/discovery")
    String page(@AuthenticationPrincipal SocUser user, @PathVariable String id, Model model) {
        Tenant tenant = access.visible(user, id);
        List<DiscoveryResponse> history = discovery.history(id);
        model.addAttribute("tenant", tenant);
        model.addAttribute("history", history);
        model.addAttribute("discoveryForm", history.isEmpty() ? new DiscoveryForm() : DiscoveryForm.of(history.get(0).answers()));
        model.addAttribute("roadmap", RoadmapEntry.of(roadmap.of(id), messages));
        model.addAttribute("editable", OnboardingAccess.mayAnswerDiscovery(user));
        model.addAttribute("loggingChoices", Logging.values());
        model.addAttribute("mfaChoices", MfaCoverage.values());
        model.addAttribute("restoreChoices", RestoreTest.values());
        model.addAttribute("outOfHoursChoices", OutOfHours.values());
        model.addAttribute("roadmapStatuses", RoadmapStatus.values());
        model.addAttribute("loggingAreas", List.of("windowsAd", "m365Entra", "dns", "proxy", "vpn", "emailGateway"));
        return "tenant-discovery";
    }

    @PostMapping("/tenants/{id}/discovery")
    String answer(@AuthenticationPrincipal SocUser user, @PathVariable String id,
                  @ModelAttribute DiscoveryForm discoveryForm, BindingResult errors, RedirectAttributes redirect) {
        access.discoveryEditable(user, id);
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("roadmapError", "Answers not saved: " + errors.getAllErrors().get(0).getDefaultMessage());
            return "redirect:/tenants/" + id + "/discovery#questionnaire";
        }
        discovery.submit(user.getUsername(), id, discoveryForm.toAnswers());
        redirect.addFlashAttribute("discoverySaved", true);
        return "redirect:/tenants/" + id + "/discovery#roadmap";
    }

    @PostMapping("/tenants/{id}/roadmap/{code}")
    String setStatus(@AuthenticationPrincipal SocUser user, @PathVariable String id, @PathVariable String code,
                     @RequestParam(required = false) String status, RedirectAttributes redirect) {
        // the status is read only after the access check: another tenant's user learns nothing from a bad value
        access.discoveryEditable(user, id);
        try {
            roadmap.setStatus(user.getUsername(), id, code, RoadmapStatus.valueOf(String.valueOf(status)));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("roadmapError", e.getMessage());
        }
        return "redirect:/tenants/" + id + "/discovery#roadmap";
    }
}
