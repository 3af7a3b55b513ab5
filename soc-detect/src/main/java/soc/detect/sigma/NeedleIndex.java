package soc.detect.sigma;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Multi-needle substring search for one field: all {@code contains} needles that rules apply to the field are
 * found in one pass over the value, instead of one {@link String#contains} per rule and needle. Needles of 3+
 * characters are indexed under their rarest 3-gram (so common text such as {@code \\windows\\} does not trigger
 * long candidate lists), shorter needles (1-2 chars: homoglyphs, emoji, operators) under themselves. Each window
 * of the value is hashed into open-addressing tables of grams, and candidates are verified with
 * {@link String#startsWith(String, int)}. Immutable after {@link #freeze()}.
 */
final class NeedleIndex {
    static final int GRAM = 3;

    final boolean cased;
    private final List<String> needles;
    private final List<Integer> pendingIds = new ArrayList<>();
    private Table grams3;
    private Table grams2;
    private Table grams1;

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
    }

    static long pack(String s, int from, int len) {
        long k = 0;
        for (int i = 0; i < len; i++) {
            k = (k << 16) | s.charAt(from + i);
        }
        return k;
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
        Map<Long, List<Integer>> b3 = new HashMap<>();
        Map<Long, List<Integer>> b2 = new HashMap<>();
        Map<Long, List<Integer>> b1 = new HashMap<>();
        for (int id : pendingIds) {
            String n = needles.get(id);
            if (n.length() < GRAM) {
                List<Integer> list = (n.length() == 1 ? b1 : b2).computeIfAbsent(pack(n, 0, n.length()),
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
            List<Integer> list = b3.computeIfAbsent(pack(n, best, GRAM), k -> new ArrayList<>());
            list.add(id);
            list.add(best);
        }
        pendingIds.clear();
        grams3 = b3.isEmpty() ? null : new Table(b3);
        grams2 = b2.isEmpty() ? null : new Table(b2);
        grams1 = b1.isEmpty() ? null : new Table(b1);
    }

    /** Marks (in {@code hits}, with {@code stamp}) every needle that occurs in {@code s}. */
    void scan(String s, int[] hits, int stamp) {
        int n = s.length();
        if (grams1 != null) {
            for (int i = 0; i < n; i++) {
                grams1.probe(s.charAt(i), s, i, hits, stamp, needles);
            }
        }
        if (grams2 != null && n >= 2) {
            long key = s.charAt(0);
            for (int i = 0; i + 2 <= n; i++) {
                key = ((key << 16) | s.charAt(i + 1)) & 0xFFFF_FFFFL;
                grams2.probe(key, s, i, hits, stamp, needles);
            }
        }
        if (grams3 != null && n >= GRAM) {
            long key = ((long) s.charAt(0) << 16) | s.charAt(1);
            for (int i = 0; i + GRAM <= n; i++) {
                key = ((key << 16) | s.charAt(i + 2)) & 0xFFFF_FFFF_FFFFL;
                grams3.probe(key, s, i, hits, stamp, needles);
            }
        }
    }

    /** Open-addressing table: gram -> (needle id, offset of the gram in the needle) pairs. */
    private static final class Table {
        private final long[] keys;
        private final int[][] lists;
        private final int mask;

        Table(Map<Long, List<Integer>> building) {
            int size = Integer.highestOneBit(Math.max(4, building.size() * 3)) << 1;
            keys = new long[size];
            lists = new int[size][];
            mask = size - 1;
            for (Map.Entry<Long, List<Integer>> e : building.entrySet()) {
                int i = slot(e.getKey());
                while (lists[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = e.getKey();
                lists[i] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            }
        }

        private int slot(long key) {
            long h = key;
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            return (int) h & mask;
        }

        void probe(long key, String s, int i, int[] hits, int stamp, List<String> needles) {
            int slot = slot(key);
            int[] list;
            while ((list = lists[slot]) != null) {
                if (keys[slot] == key) {
                    for (int k = 0; k < list.length; k += 2) {
                        int id = list[k];
                        int from = i - list[k + 1];
                        if (hits[id] != stamp && from >= 0 && s.startsWith(needles.get(id), from)) {
                            hits[id] = stamp;
                        }
                    }
                    return;
                }
                slot = (slot + 1) & mask;
            }
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
        return (cased ? "cased " : "") + "3-grams: " + (grams3 == null ? "-" : grams3.stats()) + "; 2: "
                + (grams2 == null ? "-" : grams2.stats()) + "; 1: " + (grams1 == null ? "-" : grams1.stats());
    }

    @Override
    public String toString() {
        return "NeedleIndex[" + (pendingIds.isEmpty() ? stats() : pendingIds.size() + " needles") + "]";
    }
}
