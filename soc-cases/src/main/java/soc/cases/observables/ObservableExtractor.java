package soc.cases.observables;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Picks observables out of an alert's key fields (ECS names). Plain Java. */
public final class ObservableExtractor {
    private ObservableExtractor() {
    }

    /** A kind and normalised value. */
    public record Found(ObservableKind kind, String value) {
    }

    public static Set<Found> from(Map<String, ?> keyFields) {
        Set<Found> found = new LinkedHashSet<>();
        keyFields.forEach((key, raw) -> {
            ObservableKind kind = kindOf(key);
            if (kind != null && raw != null) {
                String value = kind.normalise(String.valueOf(raw));
                if (value != null) {
                    found.add(new Found(kind, value));
                }
            }
        });
        return found;
    }

    static ObservableKind kindOf(String key) {
        return switch (key) {
            case "host.name", "host.hostname" -> ObservableKind.HOST;
            case "user.name", "winlog.event_data.TargetUserName", "winlog.event_data.SubjectUserName" -> ObservableKind.USER;
            case "source.ip", "destination.ip", "client.ip", "server.ip", "host.ip" -> ObservableKind.IP;
            case "dns.question.name", "url.domain", "destination.domain", "source.domain" -> ObservableKind.DOMAIN;
            default -> key.contains("hash") ? ObservableKind.HASH : null;
        };
    }
}
