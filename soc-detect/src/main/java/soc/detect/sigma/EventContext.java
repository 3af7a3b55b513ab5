package soc.detect.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import soc.events.SocEvent;

/**
 * Per-event evaluation state: caches each resolved field (by {@link FieldRef#slot}) so that lower-casing and key
 * look-ups happen once per event however many rules read the field. Not thread-safe; {@link SigmaEngine} keeps one
 * per thread and resets it with a generation counter (no clearing).
 */
final class EventContext {
    /**
     * Fields keyword searches skip: platform bookkeeping, and {@code event.original} (the raw payload: for parsed
     * sources a duplicate of the other fields, for unparsed text the normaliser fills {@code message}).
     */
    static final Set<String> NOT_SEARCHED = Set.of(SocEvent.EVENT_ID, SocEvent.TENANT_ID, SocEvent.SOURCE_ID,
            SocEvent.INGESTED, SocEvent.TIMESTAMP, SocEvent.ORIGINAL);

    private Map<String, Object> fields;
    private EventValue[] values;
    private int[] stamps;
    private int generation;
    private List<EventValue> searchable;

    private final NeedleIndex[] needleIndexes;
    private final int[] scanned;
    private final int[] needleHits;
    private final HitLog hitLog = new HitLog();
    private int[] ruleMarks = new int[0];
    private int[] clauseMarks = new int[0];
    private int[] clauseBits = new int[0];
    private int[] prefilterHits = new int[0];
    private final HitLog prefilterLog = new HitLog();
    private final String[] keywordValuesSeen = new String[64];
    private int[] found = new int[0];
    private int[] candidates = new int[0];

    /** Needle ids found in this event, in discovery order (each once). */
    static final class HitLog {
        int[] ids = new int[64];
        int size;

        void add(int id) {
            if (size == ids.length) {
                ids = java.util.Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = id;
        }
    }

    EventContext(int slots) {
        this(slots, new NeedleIndex[0], 0);
    }

    EventContext(int slots, NeedleIndex[] needleIndexes, int needles) {
        values = new EventValue[Math.max(slots, 1)];
        stamps = new int[values.length];
        this.needleIndexes = needleIndexes;
        this.scanned = new int[needleIndexes.length];
        this.needleHits = new int[Math.max(needles, 1)];
    }

    NeedleIndex[] needleIndexes() {
        return needleIndexes;
    }

    /**
     * Whether needle {@code id} of index {@code index} occurs in the value (or, for {@code value == null}, in any
     * keyword-searchable value); the index scans its field once per event.
     */
    boolean needleHit(int index, int id, EventValue value) {
        ensureScanned(index, value);
        return needleHits[id] == generation;
    }

    boolean anyNeedleHit(int index, int[] ids, EventValue value) {
        ensureScanned(index, value);
        int g = generation;
        int[] hits = needleHits;
        for (int id : ids) {
            if (hits[id] == g) {
                return true;
            }
        }
        return false;
    }

    boolean allNeedlesHit(int index, int[] ids, EventValue value) {
        ensureScanned(index, value);
        int g = generation;
        int[] hits = needleHits;
        for (int id : ids) {
            if (hits[id] != g) {
                return false;
            }
        }
        return true;
    }

    /** Scans a needle index now (for the pre-filter); hits are then in {@link #hitLog()}. */
    void scanNeedles(int index, EventValue value) {
        ensureScanned(index, value);
    }

    int[] hitLog() {
        return hitLog.ids;
    }

    int hitLogSize() {
        return hitLog.size;
    }

    int generation() {
        return generation;
    }

    /** Per-rule-position marks, valid for the current generation (see {@link #generation()}). */
    int[] ruleMarks(int size) {
        if (ruleMarks.length < size) {
            int[] m = new int[Math.max(size, ruleMarks.length * 2)];
            ruleMarks = m; // fresh zeros never equal a live generation (generation >= 1)
        }
        return ruleMarks;
    }

    /** Per-rule-position generation of {@link #clauseBits(int)} (pre-filter clauses seen in this event). */
    int[] clauseMarks(int size) {
        if (clauseMarks.length < size) {
            clauseMarks = new int[Math.max(size, clauseMarks.length * 2)];
            clauseBits = new int[clauseMarks.length];
        }
        return clauseMarks;
    }

    /** Per-rule-position bit set of the pre-filter clauses that hold, valid where {@link #clauseMarks} is current. */
    int[] clauseBits(int size) {
        clauseMarks(size);
        return clauseBits;
    }

    /** Needle marks of the pre-filter (per rule set ids), valid for the current generation. */
    int[] prefilterHits(int size) {
        if (prefilterHits.length < size) {
            prefilterHits = new int[Math.max(size, prefilterHits.length * 2)];
        }
        return prefilterHits;
    }

    /** Scratch for the keyword pre-filter's duplicate-value check (cleared by its user). */
    String[] keywordValuesSeen() {
        return keywordValuesSeen;
    }

    HitLog prefilterLog() {
        return prefilterLog;
    }

    int[] foundBuffer(int size) {
        if (found.length < size) {
            found = new int[Math.max(size, found.length * 2)];
        }
        return found;
    }

    int[] candidateBuffer(int size) {
        if (candidates.length < size) {
            candidates = new int[Math.max(size, candidates.length * 2)];
        }
        return candidates;
    }

    private void ensureScanned(int index, EventValue value) {
        if (scanned[index] != generation) {
            scanned[index] = generation;
            NeedleIndex idx = needleIndexes[index];
            if (value == null) {
                for (EventValue v : searchable()) {
                    scanValue(idx, v);
                }
            } else {
                scanValue(idx, value);
            }
        }
    }

    private void scanValue(NeedleIndex idx, EventValue v) {
        if (!idx.cased && v.position >= 0 && v.strings.length == 1) {
            char[] lower = lowerChars(v.position);
            if (lower != null) {
                idx.scan(lower, lowerLengths[v.position], needleHits, generation, hitLog);
                return;
            }
        }
        scan(idx, v, needleHits, generation, hitLog);
    }

    /** Longer values take the {@code toLowerCase} path (the per-thread copies are kept between events). */
    private static final int MAX_LOWER_COPY = 1 << 16;
    // per position: the string value lower-cased into a reused array (shared by all lower-case needle scans)
    private char[][] lowerChars = new char[64][];
    private int[] lowerLengths = new int[64];
    private int[] lowerStamps = new int[64];

    /**
     * The string value at {@code position} lower-cased into a per-thread array ({@link #lowerLength(int)}
     * characters), computed once per event; null when the value is not a string, not ASCII (whose lower case
     * needs {@link String#toLowerCase}) or longer than {@link #MAX_LOWER_COPY}.
     */
    char[] lowerChars(int position) {
        if (lowerStamps[position] != generation) {
            lowerStamps[position] = generation;
            lowerLengths[position] = -1;
            if (eventValues[position] instanceof String str && str.length() <= MAX_LOWER_COPY) {
                int n = str.length();
                char[] buf = lowerChars[position];
                if (buf == null || buf.length < n) {
                    buf = lowerChars[position] = new char[Math.max(n, 32)];
                }
                str.getChars(0, n, buf, 0);
                int all = 0;
                for (int i = 0; i < n; i++) {
                    char c = buf[i];
                    all |= c;
                    if (c >= 'A' && c <= 'Z') {
                        buf[i] = (char) (c + ('a' - 'A'));
                    }
                }
                if (all < 0x80) {
                    lowerLengths[position] = n;
                }
            }
        }
        return lowerLengths[position] < 0 ? null : lowerChars[position];
    }

    int lowerLength(int position) {
        return lowerLengths[position];
    }

    /**
     * Scans every string form of the value; a lower-case index folds ASCII values on the fly rather than
     * lower-casing them (the lower-cased forms are only computed for non-ASCII values or when already there).
     */
    static void scan(NeedleIndex idx, EventValue v, int[] hits, int stamp, HitLog log) {
        if (idx.cased) {
            for (String s : v.strings) {
                idx.scan(s, hits, stamp, log);
            }
            return;
        }
        String[] lower = v.lowerIfComputed();
        if (lower != null) {
            for (String s : lower) {
                idx.scan(s, hits, stamp, log);
            }
            return;
        }
        String[] strings = v.strings;
        for (int i = 0; i < strings.length; i++) {
            if (!idx.scanFoldingAscii(strings[i], hits, stamp, log)) {
                idx.scan(v.lower()[i], hits, stamp, log);
            }
        }
    }

    void reset(Map<String, Object> eventFields, int slots) {
        if (slots > values.length) {
            values = new EventValue[slots];
            stamps = new int[slots];
        }
        this.fields = eventFields;
        this.searchable = null;
        this.hitLog.size = 0;
        this.prefilterLog.size = 0;
        if (++generation == 0) {
            java.util.Arrays.fill(stamps, 0);
            java.util.Arrays.fill(scanned, 0);
            java.util.Arrays.fill(needleHits, 0);
            java.util.Arrays.fill(ruleMarks, 0);
            java.util.Arrays.fill(clauseMarks, 0);
            java.util.Arrays.fill(lowerStamps, 0);
            java.util.Arrays.fill(prefilterHits, 0);
            generation = 1;
        }
        readFields(eventFields);
    }

    // ------------------------------------------------------------------------------------------ key plan

    /**
     * The event's keys and values by position (map iteration order), read once per event; key look-ups then go
     * through the {@link Shape} of the event's key sequence (cached: events of one source repeat it), so a field
     * costs an array read instead of a hash look-up, and the keyword scan needs no skip-list look-up.
     */
    private String[] eventKeys = new String[64];
    private Object[] eventValues = new Object[64];
    private int eventSize;
    private Shape shape;
    private final Shape[] shapes = new Shape[SHAPE_CACHE];
    private static final int SHAPE_CACHE = 256;

    private void readFields(Map<String, Object> eventFields) {
        int m = 0;
        int h = 1;
        String[] ks = eventKeys;
        Object[] vs = eventValues;
        for (Map.Entry<String, Object> e : eventFields.entrySet()) {
            if (m == ks.length) {
                ks = eventKeys = java.util.Arrays.copyOf(ks, m * 2);
                vs = eventValues = java.util.Arrays.copyOf(vs, m * 2);
                lowerChars = java.util.Arrays.copyOf(lowerChars, m * 2);
                lowerLengths = java.util.Arrays.copyOf(lowerLengths, m * 2);
                lowerStamps = java.util.Arrays.copyOf(lowerStamps, m * 2);
            }
            String k = e.getKey();
            ks[m] = k;
            vs[m] = e.getValue();
            h = 31 * h + (k == null ? 0 : k.hashCode());
            m++;
        }
        eventSize = m;
        int bucket = (h ^ (h >>> 16)) & (SHAPE_CACHE - 1);
        Shape sh = shapes[bucket];
        if (sh == null || sh.hash != h || !sh.sameKeys(ks, m)) {
            sh = new Shape(java.util.Arrays.copyOf(ks, m), h, values.length);
            shapes[bucket] = sh;
        }
        shape = sh;
    }

    /** A sequence of event keys and what the engine needs to know about it (filled in lazily). */
    static final class Shape {
        final String[] keys;
        final int hash;
        /** Per position: whether keyword searches look at the value (not in {@link #NOT_SEARCHED}). */
        final boolean[] searched;
        private final Map<String, Integer> positions;
        /** Per {@link FieldRef#slot}: the positions of the ref's keys present, in the ref's order. */
        private int[][] slotPositions;
        private int[] routing;
        private String[] routingKeys;

        Shape(String[] keys, int hash, int slots) {
            this.keys = keys;
            this.hash = hash;
            this.searched = new boolean[keys.length];
            this.positions = new java.util.HashMap<>(keys.length * 2);
            for (int i = 0; i < keys.length; i++) {
                searched[i] = keys[i] != null && !NOT_SEARCHED.contains(keys[i]);
                positions.putIfAbsent(keys[i], i);
            }
            this.slotPositions = new int[Math.min(slots, 64)][]; // grows with the slots read
        }

        boolean sameKeys(String[] ks, int m) {
            if (m != keys.length) {
                return false;
            }
            for (int i = 0; i < m; i++) {
                String a = keys[i];
                String b = ks[i];
                if (a != b && (a == null || b == null || a.hashCode() != b.hashCode() || !a.equals(b))) {
                    return false;
                }
            }
            return true;
        }

        int[] positions(FieldRef ref) {
            int slot = ref.slot;
            if (slot >= slotPositions.length) {
                slotPositions = java.util.Arrays.copyOf(slotPositions, Math.max(slot + 1, slotPositions.length * 2));
            }
            int[] p = slotPositions[slot];
            if (p == null) {
                p = positions(ref.keys);
                slotPositions[slot] = p;
            }
            return p;
        }

        int[] positions(String[] ks) {
            int[] out = new int[ks.length];
            int n = 0;
            for (String k : ks) {
                Integer at = positions.get(k);
                if (at != null) {
                    out[n++] = at;
                }
            }
            return java.util.Arrays.copyOf(out, n);
        }

        /** Position of each routing key, -1 when absent. */
        int[] routing(String[] routingKeys) {
            int[] r = routing;
            if (r == null || this.routingKeys != routingKeys) {
                r = new int[routingKeys.length];
                for (int i = 0; i < r.length; i++) {
                    Integer at = positions.get(routingKeys[i]);
                    r[i] = at == null ? -1 : at;
                }
                this.routingKeys = routingKeys;
                routing = r;
            }
            return r;
        }
    }

    /** Number of event fields; {@link #key(int)}, {@link #value(int)}, {@link #searched(int)} by position. */
    int size() {
        return eventSize;
    }

    String key(int position) {
        return eventKeys[position];
    }

    Object value(int position) {
        return eventValues[position];
    }

    boolean searched(int position) {
        return shape.searched[position];
    }

    /** The event's values of the routing keys (null when absent), into {@code out}. */
    void routingValues(String[] routingKeys, Object[] out) {
        int[] r = shape.routing(routingKeys);
        for (int i = 0; i < r.length; i++) {
            out[i] = r[i] < 0 ? null : eventValues[r[i]];
        }
    }

    Map<String, Object> fields() {
        return fields;
    }

    /** The field's value: the first of its keys present with a non-null value wins. */
    EventValue get(FieldRef ref) {
        int slot = ref.slot;
        if (stamps[slot] == generation) {
            return values[slot];
        }
        EventValue v = EventValue.MISSING;
        Object[] vs = eventValues;
        for (int p : shape.positions(ref)) {
            Object raw = vs[p];
            if (raw != null) {
                v = EventValue.of(raw);
                v.position = p;
                break;
            }
        }
        values[slot] = v;
        stamps[slot] = generation;
        return v;
    }

    /** All values keyword searches look at: every field except {@link #NOT_SEARCHED}. */
    List<EventValue> searchable() {
        List<EventValue> s = searchable;
        if (s == null) {
            s = new ArrayList<>(eventSize);
            boolean[] searched = shape.searched;
            for (int i = 0; i < eventSize; i++) {
                if (eventValues[i] != null && searched[i]) {
                    EventValue v = EventValue.of(eventValues[i]);
                    v.position = i;
                    s.add(v);
                }
            }
            searchable = s;
        }
        return s;
    }
}
