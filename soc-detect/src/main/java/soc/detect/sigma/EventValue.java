package soc.detect.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A field value of one event as the matchers see it: one or more string forms (a list value gives several), their
 * lower-case forms computed lazily once per event, and the raw object (for numeric comparisons).
 */
final class EventValue {
    static final EventValue MISSING = new EventValue(null, new String[0]);

    final Object raw;
    final String[] strings;
    private String[] lower;
    /** Position of the value in its event ({@link EventContext#value(int)}), -1 when unknown. */
    int position = -1;

    private EventValue(Object raw, String[] strings) {
        this.raw = raw;
        this.strings = strings;
    }

    static EventValue of(Object raw) {
        if (raw == null) {
            return MISSING;
        }
        if (raw instanceof String s) {
            return new EventValue(raw, new String[] {s});
        }
        if (raw instanceof List<?> list) {
            List<String> out = new ArrayList<>(list.size());
            for (Object o : list) {
                if (o instanceof List<?> || o instanceof Map<?, ?>) {
                    out.add(o.toString());
                } else if (o != null) {
                    out.add(toText(o));
                }
            }
            return new EventValue(raw, out.toArray(String[]::new));
        }
        return new EventValue(raw, new String[] {toText(raw)});
    }

    boolean missing() {
        return this == MISSING;
    }

    /** The lower-cased forms if {@link #lower()} has computed them, else null. */
    String[] lowerIfComputed() {
        return lower;
    }

    String[] lower() {
        String[] l = lower;
        if (l == null) {
            l = new String[strings.length];
            for (int i = 0; i < l.length; i++) {
                l[i] = strings[i].toLowerCase(Locale.ROOT);
            }
            lower = l;
        }
        return l;
    }

    /** Canonical text of a scalar: integral doubles print without ".0" so 4688.0 and 4688 compare equal. */
    static String toText(Object o) {
        if (o instanceof String s) {
            return s;
        }
        if (o instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e18) {
            return Long.toString(d.longValue());
        }
        if (o instanceof Float f && f == Math.rint(f) && !Float.isInfinite(f)) {
            return Long.toString(f.longValue());
        }
        return o.toString();
    }
}
