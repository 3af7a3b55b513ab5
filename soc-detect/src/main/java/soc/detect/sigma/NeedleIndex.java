package soc.detect.sigma;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Multi-needle substring search for one field: all case-insensitive {@code contains} needles (length >= 3) that
 * rules apply to the field are found in one pass over the (lower-cased) value, instead of one
 * {@link String#contains} per rule. Candidate positions are found by hashing each 3-character window into an
 * open-addressing table of needle prefixes, then verified with {@link String#startsWith(String, int)}.
 * Immutable after {@link #freeze()}.
 */
final class NeedleIndex {
    static final int GRAM = 3;

    private final List<Integer> pendingIds = new ArrayList<>();
    private final List<String> needles;
    private long[] keys;
    private int[][] lists;
    private int mask;

    final boolean cased;

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

    /**
     * Indexes each needle under its rarest 3-gram (fewest needles of this field share it), so common text such as
     * {@code \windows\} does not trigger long candidate lists. Lists hold (needle id, gram offset) pairs.
     */
    void freeze() {
        Map<Long, Integer> frequency = new HashMap<>();
        for (int id : pendingIds) {
            String n = needles.get(id);
            java.util.Set<Long> grams = new java.util.HashSet<>();
            for (int i = 0; i + GRAM <= n.length(); i++) {
                grams.add(pack(n, i));
            }
            grams.forEach(g -> frequency.merge(g, 1, Integer::sum));
        }
        Map<Long, List<Integer>> building = new HashMap<>();
        for (int id : pendingIds) {
            String n = needles.get(id);
            int best = 0;
            int bestFreq = Integer.MAX_VALUE;
            for (int i = 0; i + GRAM <= n.length(); i++) {
                int f = frequency.get(pack(n, i));
                if (f < bestFreq) {
                    bestFreq = f;
                    best = i;
                }
            }
            List<Integer> list = building.computeIfAbsent(pack(n, best), k -> new ArrayList<>());
            list.add(id);
            list.add(best);
        }
        pendingIds.clear();
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

    static long pack(String s, int from) {
        return ((long) s.charAt(from) << 32) | ((long) s.charAt(from + 1) << 16) | s.charAt(from + 2);
    }

    /** Marks (in {@code hits}, with {@code stamp}) every needle that occurs in {@code s}. */
    void scan(String s, int[] hits, int stamp) {
        int n = s.length();
        if (n < GRAM) {
            return;
        }
        long key = ((long) s.charAt(0) << 16) | s.charAt(1);
        for (int i = 0; i + GRAM <= n; i++) {
            key = ((key << 16) | s.charAt(i + 2)) & 0xFFFF_FFFF_FFFFL;
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
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
    }

    /** Diagnostics: longest candidate list and probe statistics. */
    String stats() {
        int maxList = 0;
        long sum = 0;
        int used = 0;
        int maxProbe = 0;
        for (int i = 0; i < lists.length; i++) {
            if (lists[i] != null) {
                used++;
                sum += lists[i].length / 2;
                maxList = Math.max(maxList, lists[i].length / 2);
                int p = 0;
                int s = slot(keys[i]);
                while (s != i) {
                    s = (s + 1) & mask;
                    p++;
                }
                maxProbe = Math.max(maxProbe, p);
            }
        }
        return "prefixes=" + used + " needles=" + sum + " maxList=" + maxList + " maxProbe=" + maxProbe + " size="
                + lists.length;
    }

    @Override
    public String toString() {
        return "NeedleIndex[" + (lists == null ? pendingIds.size() + " needles" : stats()) + "]";
    }
}
