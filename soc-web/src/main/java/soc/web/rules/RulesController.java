package soc.web.rules;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
import org.springframework.web.util.UriUtils;

import soc.events.TenantDetectionConfig.Operator;
import soc.tenants.detection.CatalogRule;
import soc.tenants.detection.DetectionSettings;
import soc.tenants.detection.RuleCatalog;
import soc.tenants.tenants.TenantService;
import soc.web.security.SocUser;

/**
 * Rule management pages: the catalog by ATT&amp;CK tactic and technique, a rule's detail with its per-tenant
 * settings (on/off, exceptions) and retro-hunt, and a tenant's custom Sigma rules. Access rules: {@link RuleManagement}.
 */
@Controller
class RulesController {
    private final RuleManagement rules;
    private final RuleCatalog catalog;
    private final DetectionSettings settings;
    private final TenantService tenants;
    private final RuleManagementProperties properties;

    RulesController(RuleManagement rules, RuleCatalog catalog, DetectionSettings settings, TenantService tenants,
                    RuleManagementProperties properties) {
        this.rules = rules;
        this.catalog = catalog;
        this.settings = settings;
        this.tenants = tenants;
        this.properties = properties;
    }

    @GetMapping("/rules")
    String catalog(@AuthenticationPrincipal SocUser user, @RequestParam(required = false) String tenant,
                   @RequestParam(required = false) String tactic, @RequestParam(required = false) String technique,
                   @RequestParam(required = false) String q, @RequestParam(required = false) String origin,
                   @RequestParam(required = false) String level, Model model) {
        String tenantId = rules.viewedTenant(user, tenant);
        RuleCatalog.Filter filter = new RuleCatalog.Filter(tactic, technique, q, origin, level);
        List<CatalogRule> found = catalog.search(filter, properties.pageSize() + 1);
        boolean more = found.size() > properties.pageSize();
        model.addAttribute("rules", more ? found.subList(0, properties.pageSize()) : found);
        model.addAttribute("more", more);
        model.addAttribute("total", catalog.size());
        model.addAttribute("tactics", catalog.tacticCounts());
        model.addAttribute("filter", filter);
        model.addAttribute("tenantId", tenantId);
        model.addAttribute("tenants", user.getRole().isTenantScoped() ? List.of() : tenants.list());
        model.addAttribute("disabled", tenantId == null ? Set.of() : settings.disabledRules(tenantId));
        return "rules";
    }

    @GetMapping("/rules/{ruleId}")
    String rule(@AuthenticationPrincipal SocUser user, @PathVariable String ruleId,
                @RequestParam(required = false) String tenant, Model model) {
        CatalogRule rule = rules.catalogRule(ruleId);
        String tenantId = rules.viewedTenant(user, tenant);
        model.addAttribute("rule", rule);
        model.addAttribute("tenantId", tenantId);
        model.addAttribute("tenants", user.getRole().isTenantScoped() ? List.of() : tenants.list());
        if (tenantId != null) {
            model.addAttribute("enabled", settings.isEnabled(tenantId, ruleId));
            model.addAttribute("exceptions", settings.exceptions(tenantId, ruleId));
        }
        model.addAttribute("now", Instant.now());
        model.addAttribute("huntFrom", LocalDateTime.ofInstant(Instant.now().minus(7, ChronoUnit.DAYS), ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MINUTES));
        model.addAttribute("huntTo", LocalDateTime.ofInstant(Instant.now().plus(1, ChronoUnit.HOURS), ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MINUTES));
        return "rule";
    }

    @PostMapping("/rules/tenants/{id}/rules/{ruleId}/enabled")
    String setEnabled(@AuthenticationPrincipal SocUser user, @PathVariable String id, @PathVariable String ruleId,
                      @RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes redirect) {
        rules.setEnabled(user, id, ruleId, enabled);
        redirect.addFlashAttribute("ruleMessage", enabled ? "rules.enabled.done" : "rules.disabled.done");
        return "redirect:/rules/" + UriUtils.encodePathSegment(ruleId, "UTF-8") + "?tenant=" + id;
    }

    @PostMapping("/rules/tenants/{id}/rules/{ruleId}/exceptions")
    String addException(@AuthenticationPrincipal SocUser user, @PathVariable String id, @PathVariable String ruleId,
                        @RequestParam(required = false) String field, @RequestParam(required = false) String operator,
                        @RequestParam(required = false) String value, @RequestParam(required = false) String reason,
                        @RequestParam(required = false) String expires, RedirectAttributes redirect) {
        rules.requireTenant(user, id);
        try {
            Operator op = "CONTAINS".equalsIgnoreCase(operator) ? Operator.CONTAINS : Operator.EQUALS;
            rules.addException(user, id, ruleId, field, op, value, reason, parseTime(expires, null));
            redirect.addFlashAttribute("ruleMessage", "rules.exception.added");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("exceptionError", e.getMessage());
        }
        return "redirect:/rules/" + UriUtils.encodePathSegment(ruleId, "UTF-8") + "?tenant=" + id + "#exceptions";
    }

    @PostMapping("/rules/tenants/{id}/exceptions/{exceptionId}/delete")
    String deleteException(@AuthenticationPrincipal SocUser user, @PathVariable String id,
                           @PathVariable UUID exceptionId, RedirectAttributes redirect) {
        rules.requireTenant(user, id);
        String ruleId = settings.exception(id, exceptionId).map(e -> e.ruleId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        rules.deleteException(user, id, exceptionId);
        redirect.addFlashAttribute("ruleMessage", "rules.exception.removed");
        return "redirect:/rules/" + UriUtils.encodePathSegment(ruleId, "UTF-8") + "?tenant=" + id + "#exceptions";
    }

    @GetMapping("/rules/tenants/{id}/custom")
    String customRules(@AuthenticationPrincipal SocUser user, @PathVariable String id, Model model) {
        rules.requireTenant(user, id);
        return customPage(id, model, "", null);
    }

    @PostMapping("/rules/tenants/{id}/custom")
    String createCustomRule(@AuthenticationPrincipal SocUser user, @PathVariable String id,
                            @RequestParam(required = false) String yaml, Model model, RedirectAttributes redirect) {
        rules.requireTenant(user, id);
        CustomRuleValidator.Result result = rules.createCustomRule(user, id, yaml);
        if (!result.valid()) {
            return customPage(id, model, yaml == null ? "" : yaml, result.problems());
        }
        redirect.addFlashAttribute("ruleMessage", "rules.custom.created");
        return "redirect:/rules/tenants/" + id + "/custom";
    }

    @PostMapping("/rules/tenants/{id}/custom/{customRuleId}/enabled")
    String setCustomRuleEnabled(@AuthenticationPrincipal SocUser user, @PathVariable String id,
                                @PathVariable UUID customRuleId, @RequestParam(defaultValue = "false") boolean enabled) {
        if (!rules.setCustomRuleEnabled(user, id, customRuleId, enabled)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/rules/tenants/" + id + "/custom";
    }

    @PostMapping("/rules/tenants/{id}/custom/{customRuleId}/delete")
    String deleteCustomRule(@AuthenticationPrincipal SocUser user, @PathVariable String id,
                            @PathVariable UUID customRuleId) {
        if (!rules.deleteCustomRule(user, id, customRuleId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/rules/tenants/" + id + "/custom";
    }

    @PostMapping("/rules/tenants/{id}/hunt")
    String hunt(@AuthenticationPrincipal SocUser user, @PathVariable String id,
                @RequestParam(required = false) String ruleId, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, Model model) {
        rules.requireTenant(user, id);
        if (ruleId == null || ruleId.isBlank()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Instant end;
        Instant start;
        try {
            end = parseTime(to, Instant.now().plus(1, ChronoUnit.HOURS));
            start = parseTime(from, end.minus(7, ChronoUnit.DAYS));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        model.addAttribute("result", rules.hunt(user, id, ruleId, start, end));
        model.addAttribute("tenantId", id);
        return "rule-hunt";
    }

    private String customPage(String tenantId, Model model, String yaml, List<CustomRuleValidator.Problem> problems) {
        model.addAttribute("tenantId", tenantId);
        model.addAttribute("customRules", settings.customRules(tenantId));
        model.addAttribute("disabled", settings.disabledRules(tenantId));
        model.addAttribute("yaml", yaml);
        model.addAttribute("problems", problems);
        return "custom-rules";
    }

    /** An HTML datetime-local value (UTC) or an ISO instant; blank gives the default. */
    static Instant parseTime(String text, Instant fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text.trim()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("Not a date and time: " + text);
            }
        }
    }
}
