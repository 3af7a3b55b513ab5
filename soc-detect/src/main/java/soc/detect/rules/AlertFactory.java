package soc.detect.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import soc.events.Alert;
import soc.events.SocEvent;

/** Turns a rule match into an alert with deterministic ids, so reprocessing an event never duplicates it. */
public final class AlertFactory {
    /** Fields an analyst needs first, when the event has them. */
    static final List<String> KEY_FIELDS = List.of("host.name", "host.hostname", "user.name", "source.ip",
            "destination.ip", "process.command_line", "process.executable", "url.original", "dns.question.name",
            "ot.protocol", "ot.function_name", "message");
    private static final int MAX_KEY_FIELD_CHARS = 512;

    private AlertFactory() {
    }

    public static Alert alert(DetectionRule rule, SocEvent event, Instant detectedAt) {
        Map<String, String> keyFields = new LinkedHashMap<>();
        for (String field : KEY_FIELDS) {
            String value = event.getString(field);
            if (value != null) {
                keyFields.put(field, value.length() > MAX_KEY_FIELD_CHARS ? value.substring(0, MAX_KEY_FIELD_CHARS) : value);
            }
        }
        String entity = firstNonNull(event.getString("host.name"), event.getString("host.hostname"),
                event.getString("user.name"), event.getString("source.ip"), "-");
        return new Alert(
                sha256(rule.id() + "\n" + event.eventId()),
                event.tenantId(),
                rule.id(),
                rule.title(),
                rule.author(),
                rule.severity(),
                rule.techniques(),
                List.of(event.eventId()),
                keyFields,
                sha256(event.tenantId() + "\n" + rule.id() + "\n" + entity),
                event.timestamp(),
                detectedAt);
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
