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

    private void ensureScanned(int index, EventValue value) {
        if (scanned[index] != generation) {
            scanned[index] = generation;
            NeedleIndex idx = needleIndexes[index];
            if (value == null) {
                for (EventValue v : searchable()) {
                    for (String s : idx.cased ? v.strings : v.lower()) {
                        idx.scan(s, needleHits, generation);
                    }
                }
            } else {
                for (String s : idx.cased ? value.strings : value.lower()) {
                    idx.scan(s, needleHits, generation);
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
        if (++generation == 0) {
            java.util.Arrays.fill(stamps, 0);
            java.util.Arrays.fill(scanned, 0);
            java.util.Arrays.fill(needleHits, 0);
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
