package soc.detect.rules;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import soc.detect.sigma.CompiledRule;
import soc.events.Alert;
import soc.events.Ids;
import soc.events.Severity;
import soc.events.SocEvent;

/** Turns a rule match into an alert with deterministic ids, so reprocessing an event never duplicates it. */
public final class AlertFactory {
    /** Fields an analyst needs first, when the event has them. */
    static final List<String> KEY_FIELDS = List.of("host.name", "host.hostname", "user.name", "source.ip",
            "destination.ip", "process.command_line", "process.executable", "url.original", "dns.question.name",
            "ot.protocol", "ot.function_name", "message", "event.code", "destination.port", "ot.function_code",
            "group.name", "process.parent.executable");
    private static final int MAX_KEY_FIELD_CHARS = 512;
    private static final int MAX_KEY_FIELDS = 24;

    private AlertFactory() {
    }

    public static Alert alert(DetectionRule rule, SocEvent event, Instant detectedAt) {
        return alert(rule.id(), rule.title(), rule.author(), rule.severity(), rule.techniques(), List.of(), event,
                detectedAt);
    }

    /**
     * An alert for a Sigma rule match. The rule's author is kept as written (DRL 1.1 attribution); a rule without
     * an author is marked so rather than left blank. The rule's {@code fields:} list adds the event values an
     * analyst should see (looked up as written and as Windows EventData).
     */
    public static Alert alert(CompiledRule rule, SocEvent event, Instant detectedAt) {
        String id = ruleId(rule);
        String author = rule.author() == null || rule.author().isBlank() ? UNKNOWN_AUTHOR : rule.author();
        return alert(id, rule.title(), author, rule.severity(), rule.techniques(), rule.rule().fields(), event,
                detectedAt);
    }

    /** The rule id alerts of a Sigma rule carry (and per-tenant settings name): id, else name, else title. */
    public static String ruleId(CompiledRule rule) {
        return rule.id() != null ? rule.id() : rule.rule().name() != null ? rule.rule().name()
                : "sigma:" + rule.title();
    }

    /** Shown when a Sigma rule names no author. */
    public static final String UNKNOWN_AUTHOR = "unknown (rule states no author)";

    private static Alert alert(String ruleId, String title, String author, Severity severity, List<String> techniques,
                               List<String> ruleFields, SocEvent event, Instant detectedAt) {
        Map<String, String> keyFields = new LinkedHashMap<>();
        for (String field : KEY_FIELDS) {
            putKeyField(keyFields, field, event.getString(field));
        }
        for (String field : ruleFields) {
            if (keyFields.size() >= MAX_KEY_FIELDS) {
                break;
            }
            String value = event.getString(field);
            String key = field;
            if (value == null) {
                key = "winlog.event_data." + field;
                value = event.getString(key);
            }
            putKeyField(keyFields, key, value);
        }
        String entity = firstNonNull(event.getString("host.name"), event.getString("host.hostname"),
                event.getString("user.name"), event.getString("source.ip"), "-");
        return new Alert(
                Ids.of(ruleId, event.eventId()),
                event.tenantId(),
                ruleId,
                title,
                author,
                severity,
                techniques,
                List.of(event.eventId()),
                keyFields,
                Ids.of(event.tenantId(), ruleId, entity),
                event.timestamp(),
                detectedAt);
    }

    private static void putKeyField(Map<String, String> keyFields, String field, String value) {
        if (value != null && !keyFields.containsKey(field)) {
            keyFields.put(field, value.length() > MAX_KEY_FIELD_CHARS ? value.substring(0, MAX_KEY_FIELD_CHARS)
                    : value);
        }
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
