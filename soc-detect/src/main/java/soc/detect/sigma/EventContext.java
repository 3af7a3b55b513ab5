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
                    for (String s : idx.cased ? v.strings : v.lower()) {
                        idx.scan(s, needleHits, generation, hitLog);
                    }
                }
            } else {
                for (String s : idx.cased ? value.strings : value.lower()) {
                    idx.scan(s, needleHits, generation, hitLog);
                }
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
            java.util.Arrays.fill(prefilterHits, 0);
            generation = 1;
        }
    }

    Map<String, Object> fields() {
        return fields;
    }

    EventValue get(FieldRef ref) {
        int slot = ref.slot;
        if (stamps[slot] == generation) {
            return values[slot];
        }
        EventValue v = resolve(ref.keys);
        values[slot] = v;
        stamps[slot] = generation;
        return v;
    }

    /** First key present with a non-null value wins. */
    EventValue resolve(String[] keys) {
        for (String key : keys) {
            Object raw = fields.get(key);
            if (raw != null) {
                return EventValue.of(raw);
            }
        }
        return EventValue.MISSING;
    }

    /** All values keyword searches look at: every field except {@link #NOT_SEARCHED}. */
    List<EventValue> searchable() {
        List<EventValue> s = searchable;
        if (s == null) {
            s = new ArrayList<>(fields.size());
            for (Map.Entry<String, Object> e : fields.entrySet()) {
                if (e.getValue() != null && !NOT_SEARCHED.contains(e.getKey())) {
                    s.add(EventValue.of(e.getValue()));
                }
            }
            searchable = s;
        }
        return s;
    }
}
