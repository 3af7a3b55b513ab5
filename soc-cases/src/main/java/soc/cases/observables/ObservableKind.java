package soc.cases.observables;

import java.util.Locale;
import java.util.regex.Pattern;

/** Kinds of observables on a case, each with its normal form (lower case, trimmed) and a check of its shape. */
public enum ObservableKind {
    IP, DOMAIN, HASH, USER, HOST;

    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]{2,45}");
    private static final Pattern DOMAIN_NAME = Pattern.compile("(?=.{4,253}$)([a-z0-9_]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,62}\\.?");
    private static final Pattern HEX_HASH = Pattern.compile("[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128}");
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9_]([a-z0-9_.-]{0,251}[a-z0-9_])?");

    /** The value in normal form, or null when it is not a valid value of this kind. */
    public String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty() || value.length() > 512 || value.equals("-") || value.chars().anyMatch(Character::isISOControl)) {
            return null;
        }
        boolean valid = switch (this) {
            case IP -> IPV4.matcher(value).matches() || value.contains(":") && IPV6.matcher(value).matches();
            case DOMAIN -> DOMAIN_NAME.matcher(value).matches() && !IPV4.matcher(value).matches();
            case HASH -> HEX_HASH.matcher(value).matches();
            case USER -> value.length() <= 256;
            case HOST -> HOST_NAME.matcher(value).matches();
        };
        return valid ? value : null;
    }
}
