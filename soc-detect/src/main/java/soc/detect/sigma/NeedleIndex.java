package soc.detect.sigma;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Multi-needle substring search for one field: all {@code contains} needles that rules apply to the field are
 * found in one pass over the value, instead of one {@link String#contains} per rule and needle. Needles of 4+
 * characters are indexed under their rarest 4-gram (so common text such as {@code \\windows\\} does not trigger
 * long candidate lists), shorter needles (1-3 chars: homoglyphs, emoji, operators, flags) under themselves. Each window
 * of the value is hashed into open-addressing tables of grams, and candidates are verified with
 * {@link String#startsWith(String, int)}. Immutable after {@link #freeze()}.
 */
final class NeedleIndex {
    static final int GRAM = 4;

    final boolean cased;
    private final List<String> needles;
    private final List<Integer> pendingIds = new ArrayList<>();
    /** Tables by gram length: 1-3 for needles that short, 4 for longer needles (under their rarest 4-gram). */
    private Table[] tables;

    /**
     * @param needles the global needle table (id -> needle), shared by all indexes of an engine
     * @param cased   whether the needles apply to the original values (else to the lower-cased ones)
     */
    NeedleIndex(List<String> needles, boolean cased) {
        this.needles = needles;
        this.cased = cased;
    }

    void add(int id, String needle) {
        pendingIds.add(id);
        ids.add(id);
    }

    static long pack(String s, int from, int len) {
        long k = 0;
        for (int i = 0; i < len; i++) {
            k = (k << 16) | s.charAt(from + i);
        }
        return k;
    }

    private final List<Integer> ids = new ArrayList<>();
    private String[] frozen;
    /** Length of the shortest needle: shorter values cannot contain any. */
    int minLength = Integer.MAX_VALUE;

    private List<Integer> allIds() {
        return ids;
    }

    void freeze() {
        Map<Long, Integer> frequency = new HashMap<>();
        for (int id : pendingIds) {
            String n = needles.get(id);
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i + GRAM <= n.length(); i++) {
                seen.add(pack(n, i, GRAM));
            }
            seen.forEach(g -> frequency.merge(g, 1, Integer::sum));
        }
        List<Map<Long, List<Integer>>> building = new ArrayList<>();
        for (int g = 0; g <= GRAM; g++) {
            building.add(new HashMap<>());
        }
        for (int id : pendingIds) {
            String n = needles.get(id);
            if (n.length() < GRAM) {
                List<Integer> list = building.get(n.length()).computeIfAbsent(pack(n, 0, n.length()),
                        k -> new ArrayList<>());
                list.add(id);
                list.add(0);
                continue;
            }
            int best = 0;
            int bestFreq = Integer.MAX_VALUE;
            for (int i = 0; i + GRAM <= n.length(); i++) {
                int f = frequency.get(pack(n, i, GRAM));
                if (f < bestFreq) {
                    bestFreq = f;
                    best = i;
                }
            }
            List<Integer> list = building.get(GRAM).computeIfAbsent(pack(n, best, GRAM), k -> new ArrayList<>());
            list.add(id);
            list.add(best);
        }
        pendingIds.clear();
        frozen = needles.toArray(String[]::new);
        for (int id : allIds()) {
            minLength = Math.min(minLength, frozen[id].length());
        }
        tables = new Table[GRAM + 1];
        for (int g = 1; g <= GRAM; g++) {
            tables[g] = building.get(g).isEmpty() ? null : new Table(building.get(g));
        }
    }

    /** Marks (in {@code hits}, with {@code stamp}) every needle that occurs in {@code s}, logging new hits. */
    void scan(String s, int[] hits, int stamp, EventContext.HitLog log) {
        if (s.length() >= minLength) {
            scan(s, false, hits, stamp, log);
        }
    }

    /**
     * Like {@link #scan(String, int[], int, EventContext.HitLog)} on the lower-cased value, without lower-casing
     * it: ASCII letters are folded on the fly. Returns false, having done nothing, when the value has a non-ASCII
     * character (whose lower case may differ in length or be ASCII); the caller then scans the lower-cased value.
     */
    boolean scanFoldingAscii(String s, int[] hits, int stamp, EventContext.HitLog log) {
        if (s.length() < minLength) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) >= 0x80) {
                    return false; // lower-casing might lengthen it
                }
            }
            return true;
        }
        return scan(s, true, hits, stamp, log);
    }

    /**
     * Scans {@code s}; with {@code fold}, stops at the first non-ASCII character and returns false (the hits found
     * before it are genuine: ASCII characters lower-case context-free).
     */
    private boolean scan(String s, boolean fold, int[] hits, int stamp, EventContext.HitLog log) {
        int n = s.length();
        Table t1 = tables[1];
        Table t2 = tables[2];
        Table t3 = tables[3];
        Table t4 = tables[4];
        // hot loop: the cheap rejections (last-character bitmap, hashed-gram filter) are inlined here; only
        // windows that pass them call the table's probe
        long[] last1 = t1 == null ? null : t1.lastChars;
        long[] last2 = t2 == null ? null : t2.lastChars;
        long[] last3 = t3 == null ? null : t3.lastChars;
        long[] filter4 = t4 == null ? null : t4.filter;
        int shift4 = t4 == null ? 0 : t4.filterShift;
        long key = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (fold) {
                if (c >= 0x80) {
                    return false;
                }
                if (c >= 'A' && c <= 'Z') {
                    c += 'a' - 'A';
                }
            }
            key = (key << 16) | c;
            if (filter4 != null && i >= 3) {
                int b = (int) ((key * FILTER_HASH) >>> shift4);
                if ((filter4[b >>> 6] & (1L << b)) != 0) {
                    t4.probe(key, s, i - 3, fold, hits, stamp, frozen, log);
                }
            }
            long bit = 1L << c;
            int word = c >>> 6;
            if (last1 != null && (last1[word] & bit) != 0) {
                t1.probe(c, s, i, fold, hits, stamp, frozen, log);
            }
            if (last2 != null && i >= 1 && (last2[word] & bit) != 0) {
                t2.probe(key & 0xFFFF_FFFFL, s, i - 1, fold, hits, stamp, frozen, log);
            }
            if (last3 != null && i >= 2 && (last3[word] & bit) != 0) {
                t3.probe(key & 0xFFFF_FFFF_FFFFL, s, i - 2, fold, hits, stamp, frozen, log);
            }
        }
        return true;
    }

    private static final long FILTER_HASH = 0x9E3779B97F4A7C15L;

    /** Open-addressing table: gram -> (needle id, offset of the gram in the needle) pairs. */
    private static final class Table {
        private final long[] keys;
        private final int[][] lists;
        private final int mask;
        /** One bit per hashed gram: most windows of a value are rejected by one multiply and one bit test. */
        final long[] filter;
        final int filterShift;
        /** One bit per last character of a gram (65536 bits): the cheapest first rejection. */
        final long[] lastChars = new long[1024];

        Table(Map<Long, List<Integer>> building) {
            int size = Integer.highestOneBit(Math.max(4, building.size() * 3)) << 1;
            keys = new long[size];
            lists = new int[size][];
            mask = size - 1;
            int filterBits = Math.max(1024, Integer.highestOneBit(Math.max(1, building.size())) << 5);
            filter = new long[filterBits >>> 6];
            filterShift = 64 - Integer.numberOfTrailingZeros(filterBits);
            for (Map.Entry<Long, List<Integer>> e : building.entrySet()) {
                int b = filterBit(e.getKey());
                filter[b >>> 6] |= 1L << b;
                int last = (int) (e.getKey() & 0xFFFF);
                lastChars[last >>> 6] |= 1L << last;
                int i = slot(e.getKey());
                while (lists[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = e.getKey();
                lists[i] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            }
        }

        private int filterBit(long key) {
            return (int) ((key * FILTER_HASH) >>> filterShift);
        }

        private int slot(long key) {
            long h = key;
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            return (int) h & mask;
        }

        void probe(long key, String s, int i, boolean fold, int[] hits, int stamp, String[] needles,
                   EventContext.HitLog log) {
            int last = (int) (key & 0xFFFF);
            if ((lastChars[last >>> 6] & (1L << last)) == 0) {
                return;
            }
            int b = filterBit(key);
            if ((filter[b >>> 6] & (1L << b)) == 0) {
                return;
            }
            int slot = slot(key);
            int[] list;
            while ((list = lists[slot]) != null) {
                if (keys[slot] == key) {
                    for (int k = 0; k < list.length; k += 2) {
                        int id = list[k];
                        int from = i - list[k + 1];
                        if (hits[id] != stamp && from >= 0 && (fold ? matchesFolded(s, from, needles[id])
                                : s.startsWith(needles[id], from))) {
                            hits[id] = stamp;
                            log.add(id);
                        }
                    }
                    return;
                }
                slot = (slot + 1) & mask;
            }
        }

        private static boolean matchesFolded(String s, int from, String needle) {
            int len = needle.length();
            if (from + len > s.length()) {
                return false;
            }
            for (int k = 0; k < len; k++) {
                char c = s.charAt(from + k);
                if (c >= 'A' && c <= 'Z') {
                    c += 'a' - 'A';
                }
                if (c != needle.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        String stats() {
            int used = 0;
            int max = 0;
            for (int[] l : lists) {
                if (l != null) {
                    used++;
                    max = Math.max(max, l.length / 2);
                }
            }
            return used + " grams, longest list " + max;
        }
    }

    /** Diagnostics. */
    String stats() {
        StringBuilder sb = new StringBuilder(cased ? "cased " : "");
        for (int g = GRAM; g >= 1; g--) {
            sb.append(g).append("-grams: ").append(tables[g] == null ? "-" : tables[g].stats())
                    .append(g > 1 ? "; " : "");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "NeedleIndex[" + (pendingIds.isEmpty() ? stats() : pendingIds.size() + " needles") + "]";
    }
}
