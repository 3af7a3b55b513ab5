package soc.web.rules;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import soc.events.EventJson;
import soc.events.TenantDetectionConfig;
import soc.tenants.detection.CatalogRule;
import soc.tenants.detection.DetectionSettings;
import soc.tenants.detection.RuleCatalog;
import soc.web.security.SocUser;

/**
 * Rule management as JSON under {@code /api/v1/rules}, with the same access rules as the pages
 * ({@link RuleManagement}). Request bodies are JSON objects; the tenant is always checked before the body is read,
 * so another tenant's id answers 404 whatever is sent.
 */
@RestController
class RulesApiController {
    private final RuleManagement rules;
    private final RuleCatalog catalog;
    private final DetectionSettings settings;

    RulesApiController(RuleManagement rules, RuleCatalog catalog, DetectionSettings settings) {
        this.rules = rules;
        this.catalog = catalog;
        this.settings = settings;
    }

    /** The catalog (without YAML), filtered like the page: tactic, technique (with sub-techniques), text, origin. */
    @GetMapping("/api/v1/rules")
    List<CatalogRule> list(@RequestParam(required = false) String tactic,
                           @RequestParam(required = false) String technique, @RequestParam(required = false) String q,
                           @RequestParam(required = false) String origin, @RequestParam(required = false) String level,
                           @RequestParam(defaultValue = "500") int limit) {
        return catalog.search(new RuleCatalog.Filter(tactic, technique, q, origin, level), Math.min(limit, 5000));
    }

    @GetMapping("/api/v1/rules/{ruleId}")
    CatalogRule rule(@PathVariable String ruleId) {
        return rules.catalogRule(ruleId);
    }

    /** A tenant's settings as detection applies them, plus its custom rules (enabled or not). */
    @GetMapping("/api/v1/rules/tenants/{id}/settings")
    Map<String, Object> tenantSettings(@AuthenticationPrincipal SocUser user, @PathVariable String id) {
        rules.requireTenant(user, id);
        TenantDetectionConfig config = settings.snapshot(id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tenantId", id);
        out.put("disabledRules", config.disabledRules());
        out.put("exceptions", settings.exceptions(id));
        out.put("customRules", settings.customRules(id));
        return out;
    }

    /** Body {@code {"enabled": false}}. */
    @PostMapping("/api/v1/rules/tenants/{id}/rules/{ruleId}/enabled")
    Map<String, Object> setEnabled(@AuthenticationPrincipal SocUser user, @PathVariable String id,
                                   @PathVariable String ruleId, @RequestBody(required = false) String body) {
        rules.requireTenant(user, id);
        boolean enabled = Boolean.parseBoolean(String.valueOf(json(body).get("enabled")));
        rules.setEnabled(user, id, ruleId, enabled);
        return Map.of("tenantId", id, "ruleId", ruleId, "enabled", enabled);
    }

    /** Body {@code {"yaml": "title: ..."}}; 201 with the rule id, or 400 with the problems by line. */
    @PostMapping("/api/v1/rules/tenants/{id}/custom")
    ResponseEntity<Map<String, Object>> createCustomRule(@AuthenticationPrincipal SocUser user, @PathVariable String id,
                                                         @RequestBody(required = false) String body) {
        rules.requireTenant(user, id);
        Object yaml = json(body).get("yaml");
        CustomRuleValidator.Result result = rules.createCustomRule(user, id, yaml == null ? null : yaml.toString());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ruleId", result.ruleId());
        out.put("problems", result.problems());
        return ResponseEntity.status(result.valid() ? HttpStatus.CREATED : HttpStatus.BAD_REQUEST).body(out);
    }

    /** Body {@code {"ruleId": "...", "from": "2026-11-01T00:00:00Z", "to": "..."}} (default: the last 7 days). */
    @PostMapping("/api/v1/rules/tenants/{id}/hunt")
    RetroHunt.Result hunt(@AuthenticationPrincipal SocUser user, @PathVariable String id,
                          @RequestBody(required = false) String body) {
        rules.requireTenant(user, id);
        Map<String, Object> request = json(body);
        Instant to = RulesController.parseTime((String) request.get("to"), Instant.now().plus(1, ChronoUnit.HOURS));
        Instant from = RulesController.parseTime((String) request.get("from"), to.minus(7, ChronoUnit.DAYS));
        Object ruleId = request.get("ruleId");
        if (ruleId == null) {
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.BAD_REQUEST, "ruleId missing");
        }
        return rules.hunt(user, id, ruleId.toString(), from, to);
    }

    private static Map<String, Object> json(String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        try {
            return EventJson.readObject(body);
        } catch (RuntimeException e) {
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "body must be a JSON object");
        }
    }
}
