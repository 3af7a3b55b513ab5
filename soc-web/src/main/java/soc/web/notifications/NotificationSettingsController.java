package soc.web.notifications;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import soc.cases.notifications.NotificationException;
import soc.cases.notifications.NotificationOutbox;
import soc.cases.notifications.NotificationSettings;
import soc.tenants.tenants.Tenant;
import soc.tenants.tenants.TenantService;
import soc.web.security.SocUser;
import soc.web.tenants.TenantAccess;

/**
 * A tenant's notification settings (escalation mailboxes, webhook URL and signing secret) and its recent
 * notifications with their delivery status. For the provider's platform admins, SOC leads and onboarding officers,
 * and the tenant's own admins (roles in SecurityConfiguration; another tenant's id answers 404). The signing secret is
 * shown once, right after it is issued.
 */
@Controller
class NotificationSettingsController {
    private static final int RECENT = 50;

    private final NotificationSettings settings;
    private final NotificationOutbox outbox;
    private final TenantService tenants;
    private final TenantAccess access;
    private final MessageSource messages;

    NotificationSettingsController(NotificationSettings settings, NotificationOutbox outbox, TenantService tenants,
                                   TenantAccess access, MessageSource messages) {
        this.settings = settings;
        this.outbox = outbox;
        this.tenants = tenants;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/tenants/{id}/notifications")
    String page(@AuthenticationPrincipal SocUser user, @PathVariable String id, Model model) {
        Tenant tenant = visibleTenant(user, id);
        model.addAttribute("tenant", tenant);
        model.addAttribute("setting", settings.of(id));
        model.addAttribute("notifications", outbox.recent(id, RECENT));
        return "tenant-notifications";
    }

    @PostMapping("/tenants/{id}/notifications")
    String save(@AuthenticationPrincipal SocUser user, @PathVariable String id,
                @RequestParam(required = false) String escalationEmails, @RequestParam(required = false) String webhookUrl,
                RedirectAttributes redirect, Locale locale) {
        visibleTenant(user, id);
        try {
            settings.save(user.getUsername(), id, escalationEmails, webhookUrl);
            redirect.addFlashAttribute("notice", messages.getMessage("notifications.saved", null, locale));
        } catch (NotificationException e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.getCode(), e.getArgs(), e.getMessage(), locale));
            redirect.addFlashAttribute("typedEmails", escalationEmails);
            redirect.addFlashAttribute("typedUrl", webhookUrl);
        }
        return "redirect:/tenants/" + id + "/notifications";
    }

    @PostMapping("/tenants/{id}/notifications/secret")
    String issueSecret(@AuthenticationPrincipal SocUser user, @PathVariable String id, RedirectAttributes redirect) {
        visibleTenant(user, id);
        redirect.addFlashAttribute("issuedSecret", settings.issueSecret(user.getUsername(), id));
        return "redirect:/tenants/" + id + "/notifications";
    }

    @PostMapping("/tenants/{id}/notifications/test")
    String test(@AuthenticationPrincipal SocUser user, @PathVariable String id, RedirectAttributes redirect,
                Locale locale) {
        visibleTenant(user, id);
        boolean queued = outbox.webhookTest(id);
        redirect.addFlashAttribute(queued ? "notice" : "error",
                messages.getMessage(queued ? "notifications.testQueued" : "notifications.testNotConfigured", null, locale));
        return "redirect:/tenants/" + id + "/notifications";
    }

    private Tenant visibleTenant(SocUser user, String id) {
        access.requireVisible(user, id);
        return tenants.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
