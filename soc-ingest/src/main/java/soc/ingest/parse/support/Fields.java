package soc.ingest.parse.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import soc.events.SocEvent;

/** Flattening of JSON objects to dotted keys and safe writes of payload-supplied values into an event. */
public final class Fields {
    /** Prefix under which payload keys that would overwrite platform fields are kept. */
    public static final String SHADOW_PREFIX = "raw.";

    /** Upper bound of {@link #join} cache entries (payload keys are attacker-controlled: the cache must not grow). */
    static final int JOIN_CACHE_LIMIT = 8192;
    private static final Map<String, Map<String, String>> JOINED = new ConcurrentHashMap<>();
    private static final AtomicInteger JOINED_SIZE = new AtomicInteger();

    private Fields() {
    }

    /**
     * {@code prefix + '.' + safeKey(name)}, the same string, from a small bounded cache: the same few hundred field
     * names recur in every event of a format, and a cached key is neither rebuilt nor rehashed per event.
     */
    public static String join(String prefix, String name) {
        return joiner(prefix).join(name);
    }

    /** {@link #join} for many names under one prefix (the prefix's cache is looked up once). */
    public static Joiner joiner(String prefix) {
        Map<String, String> byName = JOINED.get(prefix);
        if (byName == null && JOINED_SIZE.get() < JOIN_CACHE_LIMIT
                && JOINED_SIZE.incrementAndGet() <= JOIN_CACHE_LIMIT) {
            byName = JOINED.computeIfAbsent(prefix, p -> new ConcurrentHashMap<>());
        }
        return new Joiner(prefix, byName);
    }

    /** Joins names to one prefix (see {@link #join}); {@code byName} is null once the cache is full. */
    public static final class Joiner {
        private final String prefix;
        private final Map<String, String> byName;

        private Joiner(String prefix, Map<String, String> byName) {
            this.prefix = prefix;
            this.byName = byName;
        }

        public String join(String name) {
            if (byName != null) {
                String cached = byName.get(name);
                if (cached != null) {
                    return cached;
                }
            }
            String key = prefix + '.' + safeKey(name);
            if (byName != null && JOINED_SIZE.get() < JOIN_CACHE_LIMIT
                    && JOINED_SIZE.incrementAndGet() <= JOIN_CACHE_LIMIT) {
                byName.putIfAbsent(name, key);
            }
            return key;
        }
    }

    /**
     * Flattens nested objects to dotted keys ({@code a.b.c}); arrays stay lists (objects inside arrays stay maps).
     * Empty key segments become {@code _} so that every key is a valid index field name.
     */
    public static Map<String, Object> flatten(Map<String, Object> object) {
        Map<String, Object> out = new LinkedHashMap<>(Math.max(16, object.size() * 2));
        flattenInto("", object, out);
        return out;
    }

    @SuppressWarnings("unchecked")
    public static void flattenInto(String prefix, Map<String, Object> object, Map<String, Object> out) {
        for (Map.Entry<String, Object> e : object.entrySet()) {
            String key = prefix.isEmpty() ? safeKey(e.getKey()) : join(prefix, e.getKey());
            Object value = e.getValue();
            if (value instanceof Map<?, ?> nested) {
                if (nested.isEmpty()) {
                    continue;
                }
                flattenInto(key, (Map<String, Object>) nested, out);
            } else if (value != null) {
                out.put(key, value);
            }
        }
    }

    /**
     * Same as {@link #flattenInto(String, Map, Map)} with a non-empty {@code prefix}, writing straight into the
     * event (no intermediate map; the resulting fields, values and order are identical).
     */
    @SuppressWarnings("unchecked")
    public static void flattenInto(String prefix, Map<String, Object> object, SocEvent.Builder out) {
        Joiner keys = joiner(prefix);
        for (Map.Entry<String, Object> e : object.entrySet()) {
            Object value = e.getValue();
            if (value instanceof Map<?, ?> nested) {
                if (!nested.isEmpty()) {
                    flattenInto(keys.join(e.getKey()), (Map<String, Object>) nested, out);
                }
            } else if (value != null) {
                out.put(keys.join(e.getKey()), value);
            }
        }
    }

    /** Replaces empty segments (leading/trailing/double dots, empty key) with {@code _}. */
    public static String safeKey(String key) {
        int n = key.length();
        if (n == 0) {
            return "_";
        }
        boolean ok = key.charAt(0) != '.' && key.charAt(n - 1) != '.' && key.indexOf("..") < 0;
        if (ok) {
            return key;
        }
        StringBuilder b = new StringBuilder(n + 4);
        char previous = '.';
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            if (c == '.' && previous == '.') {
                b.append('_');
            }
            b.append(c);
            previous = c;
        }
        if (previous == '.') {
            b.append('_');
        }
        return b.toString();
    }

    /** True for the fields set by the platform from the envelope, which a payload must never overwrite. */
    public static boolean isReserved(String key) {
        return key.equals(SocEvent.EVENT_ID) || key.equals(SocEvent.TENANT_ID) || key.equals(SocEvent.SOURCE_ID)
                || key.equals(SocEvent.INGESTED) || key.equals(SocEvent.ORIGINAL) || key.equals(SocEvent.TIMESTAMP)
                || key.startsWith("tenant.") || key.startsWith("soc.") || key.equals("tenant") || key.equals("soc")
                || key.equals("event.ingested") || key.equals("event.original");
    }

    /** Writes a payload-supplied field; reserved names are kept under {@link #SHADOW_PREFIX} instead. */
    public static void putPayload(SocEvent.Builder event, String key, Object value) {
        if (value == null) {
            return;
        }
        event.put(isReserved(key) ? SHADOW_PREFIX + key : key, value);
    }

    /** Writes all payload fields of a flat map (see {@link #putPayload}). */
    public static void putAllPayload(SocEvent.Builder event, Map<String, Object> flat) {
        for (Map.Entry<String, Object> e : flat.entrySet()) {
            putPayload(event, e.getKey(), e.getValue());
        }
    }

    /** Puts {@code value} only when the field is not set yet. */
    public static void putIfAbsent(SocEvent.Builder event, String key, Object value) {
        if (value != null && event.get(key) == null) {
            event.put(key, value);
        }
    }

    /** Sets {@code @timestamp} when {@code value} is a usable time; returns whether it was. */
    public static boolean putTimestamp(SocEvent.Builder event, Object value) {
        Instant time = Times.parseAny(value);
        if (time == null) {
            return false;
        }
        event.timestamp(time);
        return true;
    }

    /** A scalar as a string (numbers without exponent for integers), null for null/blank/unset {@code -}. */
    public static String str(Object value) {
        if (value == null) {
            return null;
        }
        String s = value instanceof String text ? text : value.toString();
        return s.isEmpty() || s.equals("-") ? null : s;
    }

    /** A whole number from a number or numeric/hex ({@code 0x12d8}) string, else null. */
    public static Long num(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 9.0e18 ? (long) d : null;
        }
        if (value instanceof String s) {
            if (s.length() > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
                try {
                    return s.length() <= 18 ? Long.parseUnsignedLong(s.substring(2), 16) : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return Text.parseLong(s.trim());
        }
        return null;
    }

    /** A valid TCP/UDP port number or null. */
    public static Long port(Object value) {
        Long p = num(value);
        return p != null && p >= 0 && p <= 65535 ? p : null;
    }

    /** An IP-looking string (IPv4 dotted quad or something with ':' and hex digits), else null. */
    public static String ip(Object value) {
        String s = str(value);
        if (s == null || s.length() > 64) {
            return null;
        }
        return looksLikeIp(s) ? s : null;
    }

    public static boolean looksLikeIp(String s) {
        int n = s.length();
        if (n < 2) {
            return false;
        }
        boolean colon = false;
        int dots = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ':') {
                colon = true;
            } else if (c == '.') {
                dots++;
            } else if (c == '%' && colon) {
                return true; // zone id suffix
            } else if (!(Text.isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        if (colon) {
            return true;
        }
        if (dots != 3) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c != '.' && !Text.isDigit(c)) {
                return false;
            }
        }
        return true;
    }

    /** The value as a list (a scalar becomes a one-element list), null when absent. */
    public static List<Object> list(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        List<Object> one = new ArrayList<>(1);
        one.add(value);
        return one;
    }
}
