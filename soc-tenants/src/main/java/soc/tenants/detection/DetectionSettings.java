package soc.tenants.detection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import soc.events.TenantDetectionConfig;
import soc.events.TenantDetectionConfig.Operator;
import soc.events.TenantIds;
import soc.tenants.audit.AuditLog;

/**
 * Each tenant's detection settings: rules switched off, exceptions (with reason and expiry) and custom Sigma rules.
 * Every change is audited with the tenant. Tables are tenant-owned under forced row-level security, so the caller's
 * {@code TenantScope} limits what it can read or change; callers check access to the tenant first.
 *
 * <p>{@link #snapshot} is what soc-detect applies: the web application publishes it to
 * {@code soc.detect.config.v1} after every change. Custom rule YAML is validated by the caller (the Sigma parser
 * lives in soc-detect) before {@link #createCustomRule}.
 */
@Service
public class DetectionSettings {
    private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_@][A-Za-z0-9_.@-]{0,199}");
    private static final int MAX_VALUE = 1000;
    private static final int MAX_YAML = 64 * 1024;

    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    DetectionSettings(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    // ------------------------------------------------------------------------------------------ enable / disable

    /** Switches a rule on or off for one tenant. Returns whether anything changed. */
    @Transactional
    public boolean setEnabled(String actor, String tenantId, String ruleId, boolean enabled) {
        TenantIds.requireValid(tenantId);
        requireRuleId(ruleId);
        if (isEnabled(tenantId, ruleId) == enabled) {
            return false;
        }
        if (enabled) {
            jdbc.update("delete from tenant_rule_setting where tenant_id = ? and rule_id = ?", tenantId, ruleId);
        } else {
            jdbc.update("insert into tenant_rule_setting (tenant_id, rule_id, enabled, updated_by) values (?, ?, false, ?) "
                    + "on conflict (tenant_id, rule_id) do update set enabled = false, updated_by = excluded.updated_by, "
                    + "updated_at = now()", tenantId, ruleId, actor);
        }
        audit.record(actor, tenantId, enabled ? "rule.enabled" : "rule.disabled", "rule " + ruleId);
        return true;
    }

    @Transactional(readOnly = true)
    public boolean isEnabled(String tenantId, String ruleId) {
        return !disabledRules(tenantId).contains(ruleId);
    }

    /** Ids of the rules switched off for the tenant. */
    @Transactional(readOnly = true)
    public Set<String> disabledRules(String tenantId) {
        return new LinkedHashSet<>(jdbc.queryForList("select rule_id from tenant_rule_setting where tenant_id = ? "
                + "and not enabled order by rule_id", String.class, tenantId));
    }

    // ------------------------------------------------------------------------------------------ exceptions

    /**
     * Adds an exception: the rule's matches on events whose {@code field} equals/contains {@code value} are
     * suppressed for the tenant until {@code expiresAt} (null: until removed).
     *
     * @throws IllegalArgumentException with a message for the user when an input is invalid
     */
    @Transactional
    public RuleExceptionView addException(String actor, String tenantId, String ruleId, String field,
                                          Operator operator, String value, String reason, Instant expiresAt) {
        TenantIds.requireValid(tenantId);
        requireRuleId(ruleId);
        if (field == null || !FIELD.matcher(field.trim()).matches()) {
            throw new IllegalArgumentException("Field must be an event field name such as host.name or user.name.");
        }
        if (operator == null) {
            throw new IllegalArgumentException("Choose how the value is compared (equals or contains).");
        }
        if (value == null || value.isBlank() || value.length() > MAX_VALUE) {
            throw new IllegalArgumentException("Value is required (at most " + MAX_VALUE + " characters).");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A reason is required: say why these matches are expected.");
        }
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            throw new IllegalArgumentException("The expiry must be in the future.");
        }
        UUID id = UUID.randomUUID();
        jdbc.update("insert into tenant_rule_exception (exception_id, tenant_id, rule_id, field, operator, value, "
                        + "reason, expires_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, tenantId, ruleId,
                field.trim(), operator.name(), value.trim(), reason.trim(),
                expiresAt == null ? null : Timestamp.from(expiresAt), actor);
        audit.record(actor, tenantId, "rule.exception.added", "rule " + ruleId + ": " + field.trim() + " "
                + operator.name().toLowerCase() + " '" + value.trim() + "' until "
                + (expiresAt == null ? "removed" : expiresAt) + " (" + reason.trim() + ")");
        return exception(tenantId, id).orElseThrow();
    }

    @Transactional
    public boolean deleteException(String actor, String tenantId, UUID exceptionId) {
        Optional<RuleExceptionView> existing = exception(tenantId, exceptionId);
        if (existing.isEmpty()) {
            return false;
        }
        jdbc.update("delete from tenant_rule_exception where tenant_id = ? and exception_id = ?", tenantId, exceptionId);
        RuleExceptionView e = existing.get();
        audit.record(actor, tenantId, "rule.exception.removed", "rule " + e.ruleId() + ": " + e.field() + " "
                + e.operator().name().toLowerCase() + " '" + e.value() + "'");
        return true;
    }

    @Transactional(readOnly = true)
    public Optional<RuleExceptionView> exception(String tenantId, UUID exceptionId) {
        return jdbc.query("select * from tenant_rule_exception where tenant_id = ? and exception_id = ?", EXCEPTION,
                tenantId, exceptionId).stream().findFirst();
    }

    /** The tenant's exceptions (expired ones included, marked by their expiry), newest first. */
    @Transactional(readOnly = true)
    public List<RuleExceptionView> exceptions(String tenantId) {
        return jdbc.query("select * from tenant_rule_exception where tenant_id = ? order by created_at desc", EXCEPTION,
                tenantId);
    }

    @Transactional(readOnly = true)
    public List<RuleExceptionView> exceptions(String tenantId, String ruleId) {
        return jdbc.query("select * from tenant_rule_exception where tenant_id = ? and rule_id = ? "
                + "order by created_at desc", EXCEPTION, tenantId, ruleId);
    }

    // ------------------------------------------------------------------------------------------ custom rules

    /**
     * Stores a custom rule whose YAML the caller has validated.
     *
     * @throws IllegalArgumentException when the tenant already has a rule with this id
     */
    @Transactional
    public CustomRuleView createCustomRule(String actor, String tenantId, String ruleId, String title, String level,
                                           String yaml) {
        TenantIds.requireValid(tenantId);
        requireRuleId(ruleId);
        requireYaml(yaml);
        UUID id = UUID.randomUUID();
        try {
            jdbc.update("insert into custom_rule (custom_rule_id, tenant_id, rule_id, title, level, yaml, created_by, "
                    + "updated_by) values (?, ?, ?, ?, ?, ?, ?, ?)", id, tenantId, ruleId, title, level, yaml, actor, actor);
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("This organisation already has a custom rule with id " + ruleId + ".");
        }
        audit.record(actor, tenantId, "rule.custom.created", "rule " + ruleId + " '" + title + "'");
        return customRule(tenantId, id).orElseThrow();
    }

    @Transactional
    public Optional<CustomRuleView> updateCustomRule(String actor, String tenantId, UUID id, String ruleId, String title,
                                                     String level, String yaml) {
        requireRuleId(ruleId);
        requireYaml(yaml);
        int n;
        try {
            n = jdbc.update("update custom_rule set rule_id = ?, title = ?, level = ?, yaml = ?, updated_by = ?, "
                    + "updated_at = now() where tenant_id = ? and custom_rule_id = ?", ruleId, title, level, yaml, actor,
                    tenantId, id);
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("This organisation already has a custom rule with id " + ruleId + ".");
        }
        if (n == 0) {
            return Optional.empty();
        }
        audit.record(actor, tenantId, "rule.custom.updated", "rule " + ruleId + " '" + title + "'");
        return customRule(tenantId, id);
    }

    @Transactional
    public boolean setCustomRuleEnabled(String actor, String tenantId, UUID id, boolean enabled) {
        Optional<CustomRuleView> rule = customRule(tenantId, id);
        if (rule.isEmpty()) {
            return false;
        }
        jdbc.update("update custom_rule set enabled = ?, updated_by = ?, updated_at = now() where tenant_id = ? "
                + "and custom_rule_id = ?", enabled, actor, tenantId, id);
        audit.record(actor, tenantId, enabled ? "rule.custom.enabled" : "rule.custom.disabled",
                "rule " + rule.get().ruleId());
        return true;
    }

    @Transactional
    public boolean deleteCustomRule(String actor, String tenantId, UUID id) {
        Optional<CustomRuleView> rule = customRule(tenantId, id);
        if (rule.isEmpty()) {
            return false;
        }
        jdbc.update("delete from custom_rule where tenant_id = ? and custom_rule_id = ?", tenantId, id);
        audit.record(actor, tenantId, "rule.custom.deleted", "rule " + rule.get().ruleId() + " '"
                + rule.get().title() + "'");
        return true;
    }

    @Transactional(readOnly = true)
    public Optional<CustomRuleView> customRule(String tenantId, UUID id) {
        return jdbc.query("select * from custom_rule where tenant_id = ? and custom_rule_id = ?", CUSTOM, tenantId, id)
                .stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<CustomRuleView> customRuleByRuleId(String tenantId, String ruleId) {
        return jdbc.query("select * from custom_rule where tenant_id = ? and rule_id = ?", CUSTOM, tenantId, ruleId)
                .stream().findFirst();
    }

    @Transactional(readOnly = true)
    public List<CustomRuleView> customRules(String tenantId) {
        return jdbc.query("select * from custom_rule where tenant_id = ? order by lower(title)", CUSTOM, tenantId);
    }

    // ------------------------------------------------------------------------------------------ for detection

    /** The tenant's settings as soc-detect applies them (expired exceptions and disabled custom rules left out). */
    @Transactional(readOnly = true)
    public TenantDetectionConfig snapshot(String tenantId) {
        Instant now = Instant.now();
        List<TenantDetectionConfig.RuleException> exceptions = new ArrayList<>();
        for (RuleExceptionView e : exceptions(tenantId)) {
            if (!e.expiredAt(now)) {
                exceptions.add(new TenantDetectionConfig.RuleException(e.id().toString(), e.ruleId(), e.field(),
                        e.operator(), e.value(), e.expiresAt()));
            }
        }
        List<TenantDetectionConfig.CustomRule> custom = customRules(tenantId).stream().filter(CustomRuleView::enabled)
                .map(r -> new TenantDetectionConfig.CustomRule(r.ruleId(), r.yaml())).toList();
        return new TenantDetectionConfig(tenantId, disabledRules(tenantId), exceptions, custom, now);
    }

    /** Ids of every tenant the caller's scope can see (to republish all settings). */
    @Transactional(readOnly = true)
    public List<String> tenantIds() {
        return jdbc.queryForList("select tenant_id from tenant order by tenant_id", String.class);
    }

    private static void requireRuleId(String ruleId) {
        if (ruleId == null || ruleId.isBlank() || ruleId.length() > 300) {
            throw new IllegalArgumentException("A rule id is required.");
        }
    }

    private static void requireYaml(String yaml) {
        if (yaml == null || yaml.isBlank() || yaml.length() > MAX_YAML) {
            throw new IllegalArgumentException("The rule's YAML is required (at most 64 KiB).");
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static final RowMapper<RuleExceptionView> EXCEPTION = (rs, i) -> new RuleExceptionView(
            rs.getObject("exception_id", UUID.class), rs.getString("tenant_id"), rs.getString("rule_id"),
            rs.getString("field"), Operator.valueOf(rs.getString("operator")), rs.getString("value"),
            rs.getString("reason"), instant(rs.getTimestamp("expires_at")), rs.getString("created_by"),
            instant(rs.getTimestamp("created_at")));

    private static final RowMapper<CustomRuleView> CUSTOM = (rs, i) -> new CustomRuleView(
            rs.getObject("custom_rule_id", UUID.class), rs.getString("tenant_id"), rs.getString("rule_id"),
            rs.getString("title"), rs.getString("level"), rs.getString("yaml"), rs.getBoolean("enabled"),
            rs.getString("created_by"), instant(rs.getTimestamp("created_at")), rs.getString("updated_by"),
            instant(rs.getTimestamp("updated_at")));
}
