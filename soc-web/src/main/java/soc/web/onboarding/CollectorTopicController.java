package soc.web.onboarding;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import soc.tenants.sources.Source;
import soc.tenants.sources.SourceService;
import soc.tenants.tenants.Tenant;
import soc.web.security.SocUser;

/** Direct Kafka: a source's collector instructions (topic, header, key, example configs) and topic provisioning. */
@Controller
class CollectorTopicController {
    private final OnboardingAccess access;
    private final SourceService sources;
    private final CollectorTopicProvisioning topics;

    CollectorTopicController(OnboardingAccess access, SourceService sources, CollectorTopicProvisioning topics) {
        this.access = access;
        this.sources = sources;
        this.topics = topics;
    }

    @GetMapping("/tenants/{id}/sources/{sourceId}/kafka")
    String instructions(@AuthenticationPrincipal SocUser user, @PathVariable String id, @PathVariable UUID sourceId,
                        Model model) {
        Tenant tenant = access.visible(user, id);
        Source source;
        try {
            source = sources.get(sourceId);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!source.getTenantId().equals(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("tenant", tenant);
        model.addAttribute("source", source);
        model.addAttribute("topic", CollectorTopicProvisioning.topicOf(id));
        model.addAttribute("topicExists", topics.exists(id).orElse(null));
        String bootstrap = topics.bootstrap();
        String topic = CollectorTopicProvisioning.topicOf(id);
        model.addAttribute("bootstrap", bootstrap);
        model.addAttribute("vectorConfig", CollectorConfigs.vector(bootstrap, topic, sourceId.toString()));
        model.addAttribute("winlogbeatConfig", CollectorConfigs.winlogbeat(bootstrap, topic, sourceId.toString()));
        model.addAttribute("fluentBitConfig", CollectorConfigs.fluentBit(bootstrap, topic));
        model.addAttribute("canProvision", OnboardingAccess.isOnboardingRole(user));
        return "tenant-kafka";
    }

    @PostMapping("/tenants/{id}/collector-topic")
    String provision(@AuthenticationPrincipal SocUser user, @PathVariable String id,
                     @org.springframework.web.bind.annotation.RequestParam(required = false) UUID sourceId,
                     RedirectAttributes redirect) {
        access.onboardingOnly(user, id);
        try {
            boolean created = topics.provision(user.getUsername(), id);
            redirect.addFlashAttribute("topicMessage", created ? "created" : "existed");
        } catch (IllegalStateException e) {
            redirect.addFlashAttribute("topicError", e.getMessage());
        }
        if (sourceId != null) {
            return "redirect:/tenants/" + id + "/sources/" + sourceId + "/kafka";
        }
        return "redirect:/tenants/" + id + "#sources";
    }
}
