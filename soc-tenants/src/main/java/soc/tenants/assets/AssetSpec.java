package soc.tenants.assets;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import soc.tenants.sources.Cidr;
import soc.tenants.sources.Criticality;

/**
 * What is needed to register an asset, validated: a name, its networks (possibly none, e.g. a serial-only RTU), a
 * type, a criticality (default MEDIUM), an optional Purdue level 0-5, zone and owner. {@link #parse} turns the text
 * of a form or a CSV line into one, with a reason a person can act on when a value is wrong.
 */
public record AssetSpec(String name, List<Cidr> addresses, AssetType type, Criticality criticality,
                        Integer purdueLevel, String zone, String owner) {
    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 200;
    static final int MAX_ADDRESSES = 256;

    public AssetSpec {
        name = blankToNull(name);
        if (name == null) {
            throw new IllegalArgumentException("missing name");
        }
        if (name.length() > MAX_NAME) {
            throw new IllegalArgumentException("name longer than " + MAX_NAME + " characters");
        }
        if (type == null) {
            throw new IllegalArgumentException("missing type (one of " + names(AssetType.values()) + ")");
        }
        criticality = criticality == null ? Criticality.MEDIUM : criticality;
        if (purdueLevel != null && (purdueLevel < 0 || purdueLevel > 5)) {
            throw new IllegalArgumentException("purdue level " + purdueLevel + " out of range 0-5");
        }
        addresses = List.copyOf(new LinkedHashSet<>(addresses == null ? List.of() : addresses));
        if (addresses.size() > MAX_ADDRESSES) {
            throw new IllegalArgumentException("more than " + MAX_ADDRESSES + " addresses");
        }
        zone = limited("zone", zone);
        owner = limited("owner", owner);
    }

    /**
     * Reads the text values of a form or CSV line. Addresses are IPs or CIDRs separated by {@code ;} (commas and
     * spaces are accepted too); type and criticality are case-insensitive ({@code engineering workstation} works).
     *
     * @throws IllegalArgumentException with the first problem found, e.g. {@code unknown type 'PCL' — did you mean PLC?}
     */
    public static AssetSpec parse(String name, String addresses, String type, String criticality, String purdueLevel,
                                  String zone, String owner) {
        if (blankToNull(name) == null) {
            throw new IllegalArgumentException("missing name");
        }
        return new AssetSpec(name, parseAddresses(addresses), parseType(type), parseCriticality(criticality),
                parsePurdueLevel(purdueLevel), zone, owner);
    }

    static List<Cidr> parseAddresses(String text) {
        List<Cidr> cidrs = new ArrayList<>();
        if (text == null) {
            return cidrs;
        }
        for (String token : text.split("[;,\\s]+")) {
            if (token.isEmpty()) {
                continue;
            }
            try {
                cidrs.add(Cidr.parse(token));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid address: " + e.getMessage());
            }
        }
        return cidrs;
    }

    static AssetType parseType(String text) {
        if (blankToNull(text) == null) {
            throw new IllegalArgumentException("missing type (one of " + names(AssetType.values()) + ")");
        }
        return parseEnum("type", text, AssetType.class);
    }

    static Criticality parseCriticality(String text) {
        return blankToNull(text) == null ? Criticality.MEDIUM : parseEnum("criticality", text, Criticality.class);
    }

    static Integer parsePurdueLevel(String text) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        if (!value.matches("[+-]?\\d{1,9}")) {
            throw new IllegalArgumentException("purdue level '" + value + "' is not a whole number 0-5");
        }
        int level = Integer.parseInt(value);
        if (level < 0 || level > 5) {
            throw new IllegalArgumentException("purdue level " + level + " out of range 0-5");
        }
        return level;
    }

    private static <E extends Enum<E>> E parseEnum(String what, String text, Class<E> type) {
        String given = text.strip();
        String key = given.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(key)) {
                return value;
            }
        }
        String suggestion = suggest(key, type.getEnumConstants());
        throw new IllegalArgumentException("unknown " + what + " '" + given + "'" + (suggestion != null
                ? " — did you mean " + suggestion + "?"
                : " (one of " + names(type.getEnumConstants()) + ")"));
    }

    /** The closest constant by edit distance (a swap of two letters counts once), if close enough to be a typo. */
    static String suggest(String key, Enum<?>[] values) {
        int allowed = Math.max(1, Math.min(2, key.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Enum<?> value : values) {
            int distance = distance(key, value.name());
            if (distance <= allowed && distance < bestDistance) {
                best = value.name();
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String limited(String what, String text) {
        String value = blankToNull(text);
        if (value != null && value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(what + " longer than " + MAX_TEXT + " characters");
        }
        return value;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String names(Enum<?>[] values) {
        return Stream.of(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
