package soc.cases.notifications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Parsing and checking of e-mail address lists as people type them (comma, semicolon or whitespace separated). */
public final class EmailAddresses {
    /** Deliberately simple: one @, no spaces or angle brackets, a dot in the domain. */
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s<>\"(),;:]{1,64}@[^@\\s<>\"(),;:]+\\.[^@\\s<>\"(),;:]{2,}$");

    private EmailAddresses() {
    }

    public static boolean isAddress(String value) {
        return value != null && value.length() <= 254 && ADDRESS.matcher(value.strip()).matches();
    }

    /** The tokens of a typed list, trimmed, empty ones dropped, in order. */
    public static List<String> split(String list) {
        List<String> tokens = new ArrayList<>();
        if (list == null) {
            return tokens;
        }
        for (String token : list.split("[,;\\s]+")) {
            if (!token.isBlank()) {
                tokens.add(token.strip());
            }
        }
        return tokens;
    }

    /** The valid addresses among the candidates, each once (case-insensitively), in order; the rest is ignored. */
    public static List<String> distinctValid(List<String> candidates) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String candidate : candidates) {
            if (isAddress(candidate)) {
                seen.putIfAbsent(candidate.strip().toLowerCase(Locale.ROOT), candidate.strip());
            }
        }
        return List.copyOf(seen.values());
    }
}
