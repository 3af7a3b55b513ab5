package soc.web.rules;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import soc.detect.sigma.SigmaDocument;
import soc.detect.sigma.SigmaException;
import soc.detect.sigma.SigmaParser;
import soc.detect.sigma.SigmaRule;
import soc.tenants.detection.CatalogRule;
import soc.tenants.detection.CustomRuleView;
import soc.tenants.detection.DetectionSettings;
import soc.tenants.detection.RuleCatalog;
import soc.tenants.tenants.TenantService;
import soc.web.security.SocUser;
import soc.web.tenants.TenantAccess;

/**
 * What the rule pages and the REST API share: which tenant a request acts on, custom rule validation, saving and
 * publishing settings (every change is published to soc-detect at once), and retro-hunts.
 *
 * <p>Who may do what: provider roles manage every tenant's settings; a TENANT_ADMIN manages their own tenant's
 * (switch rules on/off, exceptions, custom rules, retro-hunt); TENANT_ANALYSTs browse the catalog and see their
 * tenant's settings read-only. Another tenant's id answers 404 ({@link TenantAccess}); RLS enforces it again.
 */
@Component
class RuleManagement {
    private final RuleCatalog catalog;
    private final DetectionSettings settings;
    private final DetectConfigPublisher publisher;
    private final TenantService tenants;
    private final TenantAccess access;
    private final RetroHunt hunt;
    private final soc.tenants.audit.AuditLog auditLog;
    private final CustomRuleValidator validator = new CustomRuleValidator();

    RuleManagement(RuleCatalog catalog, DetectionSettings settings, DetectConfigPublisher publisher,
                   TenantService tenants, TenantAccess access, RetroHunt hunt, soc.tenants.audit.AuditLog auditLog) {
        this.auditLog = auditLog;
        this.catalog = catalog;
        this.settings = settings;
        this.publisher = publisher;
        this.tenants = tenants;
        this.access = access;
        this.hunt = hunt;
    }

    /** The tenant a page shows: a tenant user's own, else the requested one (may be null for providers). */
    String viewedTenant(SocUser user, String requested) {
        if (user.getRole().isTenantScoped()) {
            return user.getTenantId();
        }
        if (requested == null || requested.isBlank()) {
            return null;
        }
        requireTenant(user, requested);
        return requested;
    }

    /** A tenant named in a path: visible to the user and existing, else 404. */
    void requireTenant(SocUser user, String tenantId) {
        access.requireVisible(user, tenantId);
        if (tenants.find(tenantId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    CatalogRule catalogRule(String ruleId) {
        return catalog.find(ruleId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    void setEnabled(SocUser user, String tenantId, String ruleId, boolean enabled) {
        requireTenant(user, tenantId);
        if (catalog.find(ruleId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (settings.setEnabled(user.getUsername(), tenantId, ruleId, enabled)) {
            publisher.publish(tenantId);
        }
    }

    void addException(SocUser user, String tenantId, String ruleId, String field,
                      soc.events.TenantDetectionConfig.Operator operator, String value, String reason, Instant expires) {
        requireTenant(user, tenantId);
        if (catalog.find(ruleId).isEmpty() && settings.customRuleByRuleId(tenantId, ruleId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        settings.addException(user.getUsername(), tenantId, ruleId, field, operator, value, reason, expires);
        publisher.publish(tenantId);
    }

    boolean deleteException(SocUser user, String tenantId, java.util.UUID exceptionId) {
        requireTenant(user, tenantId);
        boolean deleted = settings.deleteException(user.getUsername(), tenantId, exceptionId);
        if (deleted) {
            publisher.publish(tenantId);
        }
        return deleted;
    }

    /** Validates and saves a custom rule; the result's problems are empty when it was saved. */
    CustomRuleValidator.Result createCustomRule(SocUser user, String tenantId, String yaml) {
        requireTenant(user, tenantId);
        CustomRuleValidator.Result result = validator.validate(yaml);
        if (!result.valid()) {
            return result;
        }
        if (catalog.find(result.ruleId()).isPresent()) {
            return new CustomRuleValidator.Result(result.ruleId(), result.title(), result.level(), List.of(
                    new CustomRuleValidator.Problem(1, "The id " + result.ruleId() + " is already a catalog rule: "
                            + "give your rule its own id.")));
        }
        try {
            settings.createCustomRule(user.getUsername(), tenantId, result.ruleId(), result.title(), result.level(),
                    yaml);
        } catch (IllegalArgumentException e) {
            return new CustomRuleValidator.Result(result.ruleId(), result.title(), result.level(),
                    List.of(new CustomRuleValidator.Problem(0, e.getMessage())));
        }
        publisher.publish(tenantId);
        return result;
    }

    boolean setCustomRuleEnabled(SocUser user, String tenantId, java.util.UUID id, boolean enabled) {
        requireTenant(user, tenantId);
        boolean changed = settings.setCustomRuleEnabled(user.getUsername(), tenantId, id, enabled);
        if (changed) {
            publisher.publish(tenantId);
        }
        return changed;
    }

    boolean deleteCustomRule(SocUser user, String tenantId, java.util.UUID id) {
        requireTenant(user, tenantId);
        boolean deleted = settings.deleteCustomRule(user.getUsername(), tenantId, id);
        if (deleted) {
            publisher.publish(tenantId);
        }
        return deleted;
    }

    /** Runs a catalog rule or one of the tenant's custom rules over the tenant's past events. */
    RetroHunt.Result hunt(SocUser user, String tenantId, String ruleId, Instant from, Instant to) {
        requireTenant(user, tenantId);
        String yaml;
        Optional<CustomRuleView> custom = settings.customRuleByRuleId(tenantId, ruleId);
        if (custom.isPresent()) {
            yaml = custom.get().yaml();
        } else {
            CatalogRule rule = catalogRule(ruleId);
            yaml = rule.yaml();
            if (yaml == null) {
                return new RetroHunt.Result(tenantId, ruleId, rule.title(), from, to, 0, List.of(), null, 0,
                        "This rule has no Sigma form (a built-in rule) and cannot be run as a search.");
            }
        }
        SigmaRule rule = sigmaRule(yaml, ruleId);
        if (rule == null) {
            return new RetroHunt.Result(tenantId, ruleId, ruleId, from, to, 0, List.of(), null, 0,
                    "The rule's YAML could not be read as a Sigma detection rule.");
        }
        RetroHunt.Result result = hunt.run(tenantId, ruleId, rule, from, to);
        settingsAudit(user, tenantId, ruleId, from, to, result);
        return result;
    }

    private void settingsAudit(SocUser user, String tenantId, String ruleId, Instant from, Instant to,
                               RetroHunt.Result result) {
        auditLog.record(user.getUsername(), tenantId, "rule.retrohunt", "rule " + ruleId + " over " + from + " .. " + to
                + ": " + (result.failed() ? "failed: " + result.error() : result.total() + " events"));
    }

    /** The detection rule with this id in a (possibly multi-document) YAML text. */
    static SigmaRule sigmaRule(String yaml, String ruleId) {
        try {
            SigmaRule first = null;
            for (SigmaDocument d : new SigmaParser().parse(yaml, ruleId)) {
                if (d instanceof SigmaRule r) {
                    if (ruleId.equals(r.id()) || ruleId.equals(r.name()) || ruleId.equals("sigma:" + r.title())) {
                        return r;
                    }
                    first = first == null ? r : first;
                }
            }
            return first;
        } catch (SigmaException e) {
            return null;
        }
    }
}
