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
            tables[g] = building.get(g).isEmpty() ? null : new Table(building.get(g), frozen);
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
        Table t4 = tables[4];
        if (tables[1] == null && tables[2] == null && tables[3] == null) {
            // most indexes (every keyword index) hold only needles of 4+ characters: one filter test per window
            if (t4 == null) {
                return !fold || isAscii(s);
            }
            return fold ? scan4Folding(t4, s, hits, stamp, log) : scan4(t4, s, hits, stamp, log);
        }
        int n = s.length();
        Table t1 = tables[1];
        Table t2 = tables[2];
        Table t3 = tables[3];
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
                    t4.lookUp(key, s, i - 3, fold, hits, stamp, log);
                }
            }
            long bit = 1L << c;
            int word = c >>> 6;
            if (last1 != null && (last1[word] & bit) != 0) {
                t1.probe(c, s, i, fold, hits, stamp, log);
            }
            if (last2 != null && i >= 1 && (last2[word] & bit) != 0) {
                t2.probe(key & 0xFFFF_FFFFL, s, i - 1, fold, hits, stamp, log);
            }
            if (last3 != null && i >= 2 && (last3[word] & bit) != 0) {
                t3.probe(key & 0xFFFF_FFFF_FFFFL, s, i - 2, fold, hits, stamp, log);
            }
        }
        return true;
    }

    /**
     * Like {@link #scan(String, int[], int, EventContext.HitLog)} on a value already lower-cased into
     * {@code a[0..n)} (the event's shared lower-case copy, see {@link EventContext#lowerChars}); array access
     * avoids the per-character coder and bounds checks of {@link String#charAt}.
     */
    void scan(char[] a, int n, int[] hits, int stamp, EventContext.HitLog log) {
        if (n < minLength) {
            return;
        }
        Table t4 = tables[4];
        Table t1 = tables[1];
        Table t2 = tables[2];
        Table t3 = tables[3];
        if (t1 == null && t2 == null && t3 == null) {
            if (t4 == null) {
                return;
            }
            long[] filter = t4.filter;
            int shift = t4.filterShift;
            long key = ((long) a[0] << 32) | ((long) a[1] << 16) | a[2];
            for (int i = 3; i < n; i++) {
                key = (key << 16) | a[i];
                int b = (int) ((key * FILTER_HASH) >>> shift);
                if ((filter[b >>> 6] & (1L << b)) != 0) {
                    t4.lookUp(key, a, n, i - 3, hits, stamp, log);
                }
            }
            return;
        }
        long[] last1 = t1 == null ? null : t1.lastChars;
        long[] last2 = t2 == null ? null : t2.lastChars;
        long[] last3 = t3 == null ? null : t3.lastChars;
        long[] filter4 = t4 == null ? null : t4.filter;
        int shift4 = t4 == null ? 0 : t4.filterShift;
        long key = 0;
        for (int i = 0; i < n; i++) {
            char c = a[i];
            key = (key << 16) | c;
            if (filter4 != null && i >= 3) {
                int b = (int) ((key * FILTER_HASH) >>> shift4);
                if ((filter4[b >>> 6] & (1L << b)) != 0) {
                    t4.lookUp(key, a, n, i - 3, hits, stamp, log);
                }
            }
            long bit = 1L << c;
            int word = c >>> 6;
            if (last1 != null && (last1[word] & bit) != 0) {
                t1.probe(c, a, n, i, hits, stamp, log);
            }
            if (last2 != null && i >= 1 && (last2[word] & bit) != 0) {
                t2.probe(key & 0xFFFF_FFFFL, a, n, i - 1, hits, stamp, log);
            }
            if (last3 != null && i >= 2 && (last3[word] & bit) != 0) {
                t3.probe(key & 0xFFFF_FFFF_FFFFL, a, n, i - 2, hits, stamp, log);
            }
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** 4-gram table only, value already in the index's case. */
    private static boolean scan4(Table t4, String s, int[] hits, int stamp, EventContext.HitLog log) {
        int n = s.length();
        if (n < 4) {
            return true;
        }
        long[] filter = t4.filter;
        int shift = t4.filterShift;
        long key = ((long) s.charAt(0) << 32) | ((long) s.charAt(1) << 16) | s.charAt(2);
        for (int i = 3; i < n; i++) {
            key = (key << 16) | s.charAt(i);
            int b = (int) ((key * FILTER_HASH) >>> shift);
            if ((filter[b >>> 6] & (1L << b)) != 0) {
                t4.lookUp(key, s, i - 3, false, hits, stamp, log);
            }
        }
        return true;
    }

    /** 4-gram table only, ASCII letters folded on the fly; false at the first non-ASCII character. */
    private static boolean scan4Folding(Table t4, String s, int[] hits, int stamp, EventContext.HitLog log) {
        int n = s.length();
        long[] filter = t4.filter;
        int shift = t4.filterShift;
        long key = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return false;
            }
            key = (key << 16) | ASCII_LOWER[c];
            int b = (int) ((key * FILTER_HASH) >>> shift);
            if ((filter[b >>> 6] & (1L << b)) != 0 && i >= 3) {
                t4.lookUp(key, s, i - 3, true, hits, stamp, log);
            }
        }
        return true;
    }

    private static final char[] ASCII_LOWER = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_LOWER[c] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
    }

    private static final long FILTER_HASH = 0x9E3779B97F4A7C15L;

    /**
     * Open-addressing table: gram -> the needles indexed under it (id, offset of the gram in the needle), laid out
     * for few cache misses per look-up. {@code slots} interleaves each slot's gram and an info word: for a gram of
     * one needle (almost all) the needle itself (bit 0 set; id, gram offset and the start of its text in
     * {@code text}, prefixed by its length in two chars), else the start of its list in {@code entries} (count,
     * then per needle: id, gram offset, text start). 0 marks an empty slot.
     */
    private static final class Table {
        private static final int ID_BITS = 24;
        private static final int OFFSET_BITS = 12;
        private static final int TEXT_BITS = 64 - 1 - ID_BITS - OFFSET_BITS;

        private final long[] slots;
        private final int[] entries;
        private final char[] text;
        private final int mask;
        /**
         * Compact layout (all grams ASCII, the common case): one long per slot instead of two, halving the table
         * memory the probe loop misses in: the gram in 7 bits per character (bits 36-63), the gram's offset in the
         * needle (bits 24-35; {@link #LIST} for a list in {@code entries}) and the start of the needle's text or
         * list (bits 0-23); a needle's text then carries its id after its length.
         */
        private final boolean compact;
        /** Characters before a needle's characters in {@code text}: length (2), and in compact tables the id (2). */
        private final int header;
        private static final int LIST = 0xFFF;
        /** Of a compact table: the grams with a non-ASCII character (wide layout), or null. */
        private final Table overflow;
        /** One bit per hashed gram: most windows of a value are rejected by one multiply and one bit test. */
        final long[] filter;
        final int filterShift;
        /** One bit per last character of a gram (65536 bits): the cheapest first rejection. */
        final long[] lastChars = new long[1024];
        private final int grams;
        private final int longest;

        Table(Map<Long, List<Integer>> all, String[] needles) {
            this(all, needles, true);
        }

        /**
         * @param mayCompact whether the ASCII grams may use the compact layout (the others then go to an
         *                   {@link #overflow} table of the wide layout; the filters here cover all grams)
         */
        private Table(Map<Long, List<Integer>> all, String[] needles, boolean mayCompact) {
            Map<Long, List<Integer>> building = all;
            Map<Long, List<Integer>> wide = new HashMap<>();
            if (mayCompact) {
                building = new HashMap<>();
                for (Map.Entry<Long, List<Integer>> en : all.entrySet()) {
                    (isAsciiGram(en.getKey()) ? building : wide).put(en.getKey(), en.getValue());
                }
            }
            compact = mayCompact && !building.isEmpty() && compactable(building, needles);
            if (!compact) {
                building = all;
                wide.clear();
            }
            overflow = wide.isEmpty() ? null : new Table(wide, needles, false);
            int size = Integer.highestOneBit(Math.max(2, building.size() * 2 - 1)) << 1; // load factor <= 1/2
            header = compact ? 4 : 2;
            slots = new long[compact ? size : 2 * size];
            mask = size - 1;
            int filterBits = Math.max(1024, Integer.highestOneBit(Math.max(1, all.size())) << 5);
            filter = new long[filterBits >>> 6];
            filterShift = 64 - Integer.numberOfTrailingZeros(filterBits);
            for (long gram : all.keySet()) {
                int b = filterBit(gram);
                filter[b >>> 6] |= 1L << b;
                int last = (int) (gram & 0xFFFF);
                lastChars[last >>> 6] |= 1L << last;
            }
            // needle texts, length-prefixed, once per needle
            Map<Integer, Integer> textStart = new HashMap<>();
            StringBuilder texts = new StringBuilder();
            int entryCount = 1;
            int max = 0;
            for (List<Integer> l : building.values()) {
                for (int k = 0; k < l.size(); k += 2) {
                    String needle = needles[l.get(k)];
                    textStart.computeIfAbsent(l.get(k), id -> {
                        int at = texts.length();
                        texts.append((char) (needle.length() >>> 16)).append((char) needle.length());
                        if (compact) {
                            texts.append((char) (id >>> 16)).append((char) (int) id);
                        }
                        texts.append(needle);
                        return at;
                    });
                }
                if (l.size() > 2) {
                    entryCount += 1 + 3 * (l.size() / 2);
                }
                max = Math.max(max, l.size() / 2);
            }
            text = texts.toString().toCharArray();
            entries = new int[entryCount];
            grams = building.size();
            longest = max;
            int e = 1;
            for (Map.Entry<Long, List<Integer>> en : building.entrySet()) {
                long gram = en.getKey();
                int i = slot(gram);
                if (compact) {
                    while (slots[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    List<Integer> l = en.getValue();
                    long g = compactGram(gram);
                    if (l.size() == 2) {
                        slots[i] = g << 36 | (long) l.get(1) << 24 | textStart.get(l.get(0));
                        continue;
                    }
                    slots[i] = g << 36 | (long) LIST << 24 | e;
                    entries[e++] = l.size() / 2;
                    for (int k = 0; k < l.size(); k += 2) {
                        entries[e++] = l.get(k);
                        entries[e++] = l.get(k + 1);
                        entries[e++] = textStart.get(l.get(k));
                    }
                    continue;
                }
                while (slots[2 * i + 1] != 0) {
                    i = (i + 1) & mask;
                }
                slots[2 * i] = gram;
                List<Integer> l = en.getValue();
                long id = l.get(0);
                long offset = l.get(1);
                long start = textStart.get(l.get(0));
                if (l.size() == 2 && id < (1L << ID_BITS) && offset < (1L << OFFSET_BITS)
                        && start < (1L << TEXT_BITS)) {
                    slots[2 * i + 1] = 1 | (id << 1) | (offset << (1 + ID_BITS))
                            | (start << (1 + ID_BITS + OFFSET_BITS));
                    continue;
                }
                slots[2 * i + 1] = (long) e << 1;
                entries[e++] = l.size() / 2;
                for (int k = 0; k < l.size(); k += 2) {
                    entries[e++] = l.get(k);
                    entries[e++] = l.get(k + 1);
                    entries[e++] = textStart.get(l.get(k));
                }
            }
            if (e > entries.length) {
                throw new IllegalStateException("needle table overflow");
            }
        }

        /** Whether every gram is ASCII and non-zero, every gram offset and the text and entries fit the compact slot. */
        private static boolean compactable(Map<Long, List<Integer>> building, String[] needles) {
            long textChars = 0;
            long entryCount = 1;
            Set<Integer> seen = new HashSet<>();
            for (Map.Entry<Long, List<Integer>> en : building.entrySet()) {
                if (en.getKey() == 0) {
                    return false;
                }
                List<Integer> l = en.getValue();
                for (int k = 0; k < l.size(); k += 2) {
                    if (l.get(k + 1) >= LIST) {
                        return false;
                    }
                    if (seen.add(l.get(k))) {
                        textChars += 4 + needles[l.get(k)].length();
                    }
                }
                if (l.size() > 2) {
                    entryCount += 1 + 3 * (l.size() / 2);
                }
            }
            return textChars < (1 << 24) && entryCount < (1 << 24);
        }

        private static boolean isAsciiGram(long gram) {
            return (gram & ~ASCII_GRAM) == 0;
        }

        /** Bits that may be set in a gram of four ASCII characters (16 bits per character). */
        static final long ASCII_GRAM = 0x007F_007F_007F_007FL;

        /** Four ASCII characters (16 bits each) in 28 bits. */
        static long compactGram(long key) {
            return (key & 0x7F) | (key >>> 9 & 0x7F << 7) | (key >>> 18 & 0x7F << 14) | (key >>> 27 & 0x7F << 21);
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

        /** Probe of the short-needle tables: rejections first, then {@link #lookUp}. */
        void probe(long key, String s, int i, boolean fold, int[] hits, int stamp, EventContext.HitLog log) {
            int last = (int) (key & 0xFFFF);
            if ((lastChars[last >>> 6] & (1L << last)) == 0) {
                return;
            }
            int b = filterBit(key);
            if ((filter[b >>> 6] & (1L << b)) == 0) {
                return;
            }
            lookUp(key, s, i, fold, hits, stamp, log);
        }

        /** The gram {@code key} starts at {@code i} of {@code s}: verifies the needles indexed under it. */
        void lookUp(long key, String s, int i, boolean fold, int[] hits, int stamp, EventContext.HitLog log) {
            long[] sl = slots;
            int slot = slot(key);
            if (compact) {
                if ((key & ~ASCII_GRAM) != 0) {
                    if (overflow != null) {
                        overflow.lookUp(key, s, i, fold, hits, stamp, log);
                    }
                    return;
                }
                long g = compactGram(key);
                long v;
                while ((v = sl[slot]) != 0) {
                    if (v >>> 36 == g) {
                        int offset = (int) (v >>> 24) & LIST;
                        int start = (int) v & 0xFF_FFFF;
                        if (offset != LIST) {
                            char[] t = text;
                            int id = t[start + 2] << 16 | t[start + 3];
                            int from = i - offset;
                            if (hits[id] != stamp && from >= 0 && matches(s, from, start, fold)) {
                                hits[id] = stamp;
                                log.add(id);
                            }
                            return;
                        }
                        int[] en = entries;
                        int end = start + 1 + 3 * en[start];
                        for (int k = start + 1; k < end; k += 3) {
                            int id = en[k];
                            int from = i - en[k + 1];
                            if (hits[id] != stamp && from >= 0 && matches(s, from, en[k + 2], fold)) {
                                hits[id] = stamp;
                                log.add(id);
                            }
                        }
                        return;
                    }
                    slot = (slot + 1) & mask;
                }
                return;
            }
            long info;
            while ((info = sl[2 * slot + 1]) != 0) {
                if (sl[2 * slot] == key) {
                    if ((info & 1) != 0) {
                        int id = (int) (info >>> 1) & ((1 << ID_BITS) - 1);
                        int from = i - ((int) (info >>> (1 + ID_BITS)) & ((1 << OFFSET_BITS) - 1));
                        if (hits[id] != stamp && from >= 0
                                && matches(s, from, (int) (info >>> (1 + ID_BITS + OFFSET_BITS)), fold)) {
                            hits[id] = stamp;
                            log.add(id);
                        }
                        return;
                    }
                    int e = (int) (info >>> 1);
                    int[] en = entries;
                    int end = e + 1 + 3 * en[e];
                    for (int k = e + 1; k < end; k += 3) {
                        int id = en[k];
                        int from = i - en[k + 1];
                        if (hits[id] != stamp && from >= 0 && matches(s, from, en[k + 2], fold)) {
                            hits[id] = stamp;
                            log.add(id);
                        }
                    }
                    return;
                }
                slot = (slot + 1) & mask;
            }
        }

        /** {@link #probe} over a lower-cased character array. */
        void probe(long key, char[] a, int n, int i, int[] hits, int stamp, EventContext.HitLog log) {
            int b = filterBit(key);
            if ((filter[b >>> 6] & (1L << b)) == 0) {
                return;
            }
            lookUp(key, a, n, i, hits, stamp, log);
        }

        /** {@link #lookUp} over a lower-cased character array {@code a[0..n)}. */
        void lookUp(long key, char[] a, int n, int i, int[] hits, int stamp, EventContext.HitLog log) {
            long[] sl = slots;
            int slot = slot(key);
            if (compact) {
                if ((key & ~ASCII_GRAM) != 0) {
                    if (overflow != null) {
                        overflow.lookUp(key, a, n, i, hits, stamp, log);
                    }
                    return;
                }
                long g = compactGram(key);
                long v;
                while ((v = sl[slot]) != 0) {
                    if (v >>> 36 == g) {
                        int offset = (int) (v >>> 24) & LIST;
                        int start = (int) v & 0xFF_FFFF;
                        if (offset != LIST) {
                            char[] t = text;
                            int id = t[start + 2] << 16 | t[start + 3];
                            int from = i - offset;
                            if (hits[id] != stamp && from >= 0 && matches(a, n, from, start)) {
                                hits[id] = stamp;
                                log.add(id);
                            }
                            return;
                        }
                        int[] en = entries;
                        int end = start + 1 + 3 * en[start];
                        for (int k = start + 1; k < end; k += 3) {
                            int id = en[k];
                            int from = i - en[k + 1];
                            if (hits[id] != stamp && from >= 0 && matches(a, n, from, en[k + 2])) {
                                hits[id] = stamp;
                                log.add(id);
                            }
                        }
                        return;
                    }
                    slot = (slot + 1) & mask;
                }
                return;
            }
            long info;
            while ((info = sl[2 * slot + 1]) != 0) {
                if (sl[2 * slot] == key) {
                    if ((info & 1) != 0) {
                        int id = (int) (info >>> 1) & ((1 << ID_BITS) - 1);
                        int from = i - ((int) (info >>> (1 + ID_BITS)) & ((1 << OFFSET_BITS) - 1));
                        if (hits[id] != stamp && from >= 0
                                && matches(a, n, from, (int) (info >>> (1 + ID_BITS + OFFSET_BITS)))) {
                            hits[id] = stamp;
                            log.add(id);
                        }
                        return;
                    }
                    int e = (int) (info >>> 1);
                    int[] en = entries;
                    int end = e + 1 + 3 * en[e];
                    for (int k = e + 1; k < end; k += 3) {
                        int id = en[k];
                        int from = i - en[k + 1];
                        if (hits[id] != stamp && from >= 0 && matches(a, n, from, en[k + 2])) {
                            hits[id] = stamp;
                            log.add(id);
                        }
                    }
                    return;
                }
                slot = (slot + 1) & mask;
            }
        }

        private boolean matches(char[] a, int n, int from, int start) {
            char[] t = text;
            int len = (t[start] << 16) | t[start + 1];
            if (from + len > n) {
                return false;
            }
            int h = start + header;
            return java.util.Arrays.equals(a, from, from + len, t, h, h + len);
        }

        /** Whether the length-prefixed needle at {@code start} of {@code text} occurs at {@code from} of {@code s}. */
        private boolean matches(String s, int from, int start, boolean fold) {
            char[] t = text;
            int len = (t[start] << 16) | t[start + 1];
            if (from + len > s.length()) {
                return false;
            }
            start += header;
            for (int k = 0; k < len; k++) {
                char c = s.charAt(from + k);
                if (fold && c >= 'A' && c <= 'Z') {
                    c += 'a' - 'A';
                }
                if (c != t[start + k]) {
                    return false;
                }
            }
            return true;
        }

        String stats() {
            return grams + " grams" + (compact ? " (compact" + (overflow == null ? "" : ", " + overflow.grams
                    + " non-ASCII") + ")" : "") + ", longest list " + longest;
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
