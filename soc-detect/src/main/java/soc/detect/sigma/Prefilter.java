package soc.detect.sigma;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Literal pre-filter: for each rule, a set of <em>required literals</em> ("atoms") such that whenever the rule
 * matches an event, at least one atom is true for that event. An event then only evaluates the rules one of whose
 * atoms it contains, plus the rules for which no such set could be derived ("always" rules: negation-only,
 * numeric, CIDR, field-existence... detections).
 *
 * <p>Derivation over the compiled {@link Node} tree (sound by construction):
 * <ul>
 *   <li>field test: equality → {@code EQ(field, value)}; {@code contains}/{@code startswith}/{@code endswith} and
 *       the literal segments of wildcard patterns, and the longest literal a regular expression requires
 *       ({@link RegexLiteral}) → {@code CONTAINS(field, literal)} (answered by the field's {@link NeedleIndex},
 *       which the rules' own {@code contains} tests reuse); OR of values → union; {@code all} → the most selective
 *       value</li>
 *   <li>OR / {@code 1 of} → union of the children (none if any child has none); {@code N of} k → union of the
 *       k-N+1 most selective children; AND → the {@value #MAX_CLAUSES} most selective children, each a separate
 *       clause that must hold; NOT → none; keyword searches → CONTAINS over every searchable value (the keyword
 *       needle index)</li>
 * </ul>
 * A rule's requirement is thus a conjunction of up to {@value #MAX_CLAUSES} clauses, each a set of atoms one of
 * which must be true (a rule is evaluated only when every clause has a true atom).
 * "Most selective" is a heuristic estimate of how often an atom is true (long literals rare, numbers and common
 * path fragments frequent). The estimate only affects speed, never results.
 */
final class Prefilter {
    /** An atom: an exact value of a field, or a needle id of a {@link NeedleIndex} (field or keyword index). */
    sealed interface Atom permits Eq, Contains {
        double frequency();
    }

    record Eq(FieldRef ref, String value, boolean cased) implements Atom {
        @Override
        public double frequency() {
            if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
                return 0.25; // event ids, logon types, ports, flags
            }
            return value.length() <= 3 ? 0.1 : 0.02;
        }
    }

    /**
     * The needle occurs in the field's value ({@code ref == null}: in any keyword-searchable value); {@code cased}:
     * in the original value, else in the lower-cased one (then the needle is lower-case). Field needles live in the
     * engine's needle index of the field ({@code index}, {@code id}), which the rules' own {@code contains} tests
     * reuse, so the field is scanned once per event; keyword needles get a small index per rule set.
     */
    record Contains(FieldRef ref, boolean cased, String needle, int index, int id) implements Atom {
        @Override
        public double frequency() {
            String n = needle.toLowerCase(Locale.ROOT);
            for (String common : COMMON) {
                if (common.contains(n)) {
                    return 0.5;
                }
            }
            int len = n.length();
            return len >= 8 ? 0.003 : len >= 6 ? 0.01 : len >= 4 ? 0.03 : len == 3 ? 0.08 : 0.3;
        }
    }

    /** Fragments found in a large share of Windows/Linux events: needles inside them are poor filters. */
    private static final List<String> COMMON = List.of("c:\\windows\\system32\\", "c:\\windows\\syswow64\\",
            "c:\\program files (x86)\\", "c:\\programdata\\", "c:\\users\\", "\\appdata\\local\\temp\\",
            "\\appdata\\roaming\\", ".exe", ".dll", "hklm\\software\\microsoft\\windows\\currentversion\\",
            "hkcu\\software\\microsoft\\windows\\currentversion\\", "\\registry\\machine\\software\\",
            "hklm\\system\\currentcontrolset\\services\\", "/usr/bin/", "/usr/sbin/", "/usr/local/bin/",
            "https://", "nt authority\\system");

    /** The engine's needle table: needle text by id, case mode by index, registration of more field needles. */
    interface NeedleRegistry {
        String needle(int id);

        boolean cased(int index);

        /** {index, id} of the needle in the field's (cased or lower-case) index, registering it if new. */
        int[] register(FieldRef ref, boolean cased, String needle);
    }

    /** Clauses that must all hold for a rule to match: each a list of atoms of which one must be true. */
    record Requirement(List<List<Atom>> clauses) {
    }

    /** Clauses kept per rule (the most selective ones of an AND). */
    static final int MAX_CLAUSES = 2;

    private final NeedleRegistry registry;
    private final Map<Node, List<List<Atom>>> memo = new IdentityHashMap<>();
    private static final List<Atom> NONE = null;

    Prefilter(NeedleRegistry registry) {
        this.registry = registry;
    }

    /** The requirement of a rule's detection; null when none can be derived (the rule must always be evaluated). */
    Requirement requirement(Node n) {
        List<List<Atom>> clauses = clauses(n);
        return clauses == null ? null : new Requirement(clauses);
    }

    private List<List<Atom>> clauses(Node n) {
        if (memo.containsKey(n)) {
            return memo.get(n);
        }
        List<List<Atom>> r = derive(n);
        memo.put(n, r);
        return r;
    }

    /** The most selective clause of a node (a single atom list that must hold), or null. */
    private List<Atom> best(Node n) {
        List<List<Atom>> clauses = clauses(n);
        if (clauses == null) {
            return NONE;
        }
        List<Atom> best = clauses.get(0); // sorted, most selective first
        return best;
    }

    private static List<List<Atom>> one(List<Atom> atoms) {
        return atoms == null ? null : List.of(atoms);
    }

    private List<List<Atom>> derive(Node n) {
        if (n instanceof Node.Const c) {
            return c.value ? null : List.of(List.of());
        }
        if (n instanceof Node.And a) {
            return and(Arrays.asList(a.children));
        }
        if (n instanceof Node.Or o) {
            return one(union(Arrays.asList(o.children)));
        }
        if (n instanceof Node.AtLeast a) {
            int need = a.children.length - a.n + 1;
            if (a.n <= 0 || need <= 0) {
                return a.n <= 0 ? null : List.of(List.of());
            }
            List<List<Atom>> reqs = new ArrayList<>();
            for (Node c : a.children) {
                List<Atom> r = best(c);
                if (r != null) {
                    reqs.add(r);
                }
            }
            if (reqs.size() < need) {
                return null;
            }
            reqs.sort((x, y) -> Double.compare(frequency(x), frequency(y)));
            List<Atom> out = new ArrayList<>();
            for (int i = 0; i < need; i++) {
                out.addAll(reqs.get(i));
            }
            return one(out);
        }
        if (n instanceof Node.FieldTest f) {
            return one(test(f.field, f.test));
        }
        if (n instanceof Node.Keyword k) {
            return one(test(null, k.test));
        }
        return null; // Not, Exists
    }

    private List<Atom> union(List<Node> children) {
        List<Atom> out = new ArrayList<>();
        for (Node c : children) {
            List<Atom> r = best(c);
            if (r == null) {
                return NONE;
            }
            out.addAll(r);
        }
        return out;
    }

    /** The most selective clauses among those of children that all must hold, most selective first. */
    private List<List<Atom>> and(List<Node> children) {
        List<List<Atom>> all = new ArrayList<>();
        for (Node c : children) {
            List<List<Atom>> r = clauses(c);
            if (r != null) {
                for (List<Atom> clause : r) {
                    if (!all.contains(clause)) {
                        all.add(clause);
                    }
                }
            }
        }
        if (all.isEmpty()) {
            return null;
        }
        all.sort((x, y) -> Double.compare(frequency(x), frequency(y)));
        return List.copyOf(all.subList(0, Math.min(MAX_CLAUSES, all.size())));
    }

    static double frequency(List<Atom> atoms) {
        double sum = 0;
        for (Atom a : atoms) {
            sum += a.frequency();
        }
        return Math.min(1.0, sum);
    }

    /** Atoms of a value test on {@code ref} (null: keyword search). */
    private List<Atom> test(FieldRef ref, ValueTest t) {
        if (t instanceof ValueTest.Needle n) {
            if (n.keyword != (ref == null)) {
                return NONE;
            }
            return List.of(new Contains(ref, registry.cased(n.index), n.needle, ref == null ? -1 : n.index,
                    ref == null ? -1 : n.id));
        }
        if (t instanceof ValueTest.NeedleSet s) {
            if (s.keyword != (ref == null)) {
                return NONE;
            }
            List<Atom> atoms = new ArrayList<>();
            for (int id : s.ids) {
                atoms.add(new Contains(ref, registry.cased(s.index), registry.needle(id), ref == null ? -1 : s.index,
                        ref == null ? -1 : id));
            }
            if (s.all) {
                atoms.sort((x, y) -> Double.compare(x.frequency(), y.frequency()));
                return atoms.isEmpty() ? NONE : List.of(atoms.get(0));
            }
            return atoms;
        }
        if (t instanceof ValueTest.Never) {
            return List.of();
        }
        if (t instanceof ValueTest.AnyOf a) {
            List<Atom> out = new ArrayList<>();
            for (ValueTest c : a.tests) {
                List<Atom> r = test(ref, c);
                if (r == null) {
                    return NONE;
                }
                out.addAll(r);
            }
            return out;
        }
        if (t instanceof ValueTest.AllOf a) {
            List<Atom> best = NONE;
            for (ValueTest c : a.tests) {
                List<Atom> r = test(ref, c);
                if (r != null && (best == null || frequency(r) < frequency(best))) {
                    best = r;
                }
            }
            return best;
        }
        if (ref == null) {
            return NONE; // other keyword tests (startswith, re...) are evaluated as written
        }
        if (t instanceof ValueTest.EqSet s) {
            List<Atom> out = new ArrayList<>(s.values.size());
            for (String v : s.values) {
                out.add(new Eq(ref, v, s.cased));
            }
            return out;
        }
        if (t instanceof ValueTest.Str s) {
            return switch (s.mode) {
                case EQUALS -> List.of(new Eq(ref, s.needle, s.cased));
                case PREFIX, SUFFIX, CONTAINS -> s.needle.isEmpty() ? NONE : contains(ref, s.cased, s.needle);
                case ANY -> NONE;
            };
        }
        if (t instanceof ValueTest.Segments s) {
            List<Atom> best = NONE;
            for (String part : s.parts) {
                if (!part.isEmpty() && (best == null || part.length() > ((Contains) best.get(0)).needle().length())) {
                    best = contains(ref, s.cased, part);
                }
            }
            return best;
        }
        if (t instanceof ValueTest.Regex r) {
            String literal = RegexLiteral.required(r.pattern);
            return literal == null ? NONE : contains(ref, false, literal);
        }
        return NONE; // glob with ?, numeric, time, cidr, fieldref
    }

    private List<Atom> contains(FieldRef ref, boolean cased, String needle) {
        int[] at = registry.register(ref, cased, needle);
        return List.of(new Contains(ref, cased, needle, at[0], at[1]));
    }

    // ------------------------------------------------------------------------------------------ per rule set

    /**
     * The pre-filter of one set of candidate rules (the rules of one combination of logsources), built on first
     * use. Positions are indexes into {@link #rules}, which is in load order.
     */
    static final class RuleSet {
        static final RuleSet EMPTY = new RuleSet(new CompiledRule[0], List.of(), 0);
        /** Rule lists hold codes: position << CLAUSE_BITS | clause index. */
        private static final int CLAUSE_BITS = 2;

        final CompiledRule[] rules;
        final int[] always;
        private final EqField[] eqFields;
        private final NeedleScan[] scans;
        private final int[][] rulesByNeedle;
        private final int[] fieldIndexes;
        private final FieldRef[] fieldIndexRefs;
        private final int[][] rulesByFieldNeedle;
        final int prefiltered;
        /** Per position: number of clauses (0 for always-evaluated rules). */
        private final byte[] clauseCount;

        private record EqField(FieldRef ref, boolean cased, Map<String, int[]> rules, CharKeyMap byChars) {
        }

        /**
         * The lower-case values of an exact-value field, looked up by the event's shared lower-case character copy
         * ({@link EventContext#lowerChars}) without building a lower-cased string.
         */
        static final class CharKeyMap {
            private final char[][] keys;
            private final int[] hashes;
            private final int[][] values;
            private final int mask;

            CharKeyMap(Map<String, int[]> map) {
                int size = Integer.highestOneBit(Math.max(2, map.size() * 2 - 1)) << 1;
                keys = new char[size][];
                hashes = new int[size];
                values = new int[size][];
                mask = size - 1;
                map.forEach((k, v) -> {
                    int h = k.hashCode();
                    int i = spread(h) & mask;
                    while (keys[i] != null) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = k.toCharArray();
                    hashes[i] = h;
                    values[i] = v;
                });
            }

            private static int spread(int h) {
                return (h ^ (h >>> 16)) * 0x9E3779B9;
            }

            /** The value for the key {@code a[0..n)}, or null. */
            int[] get(char[] a, int n) {
                int h = 0;
                for (int i = 0; i < n; i++) {
                    h = 31 * h + a[i]; // String.hashCode
                }
                int i = spread(h) & mask;
                char[] k;
                while ((k = keys[i]) != null) {
                    if (hashes[i] == h && k.length == n && java.util.Arrays.equals(k, 0, n, a, 0, n)) {
                        return values[i];
                    }
                    i = (i + 1) & mask;
                }
                return null;
            }
        }

        /** A needle index over one field ({@code ref == null}: every keyword-searchable value). */
        private record NeedleScan(FieldRef ref, NeedleIndex index) {
        }

        RuleSet(CompiledRule[] rules, List<Requirement> requirements, int engineNeedles) {
            this.rules = rules;
            this.clauseCount = new byte[rules.length];
            Map<Integer, FieldRef> fieldIndexes = new LinkedHashMap<>();
            Map<Integer, List<Integer>> byFieldNeedle = new HashMap<>();
            List<Integer> alwaysList = new ArrayList<>();
            Map<List<Object>, Map<String, List<Integer>>> eq = new LinkedHashMap<>();
            Map<List<Object>, NeedleIndex> indexes = new LinkedHashMap<>();
            Map<List<Object>, Integer> needleIds = new HashMap<>();
            List<String> needles = new ArrayList<>();
            List<List<Integer>> byNeedle = new ArrayList<>();
            for (int pos = 0; pos < rules.length; pos++) {
                Requirement req = requirements.get(pos);
                if (req == null) {
                    alwaysList.add(pos);
                    continue;
                }
                clauseCount[pos] = (byte) req.clauses().size();
                for (int clause = 0; clause < req.clauses().size(); clause++) {
                    int code = pos << CLAUSE_BITS | clause;
                    for (Atom a : req.clauses().get(clause)) {
                        if (a instanceof Eq e) {
                            List<Integer> l = eq.computeIfAbsent(java.util.Arrays.asList(e.ref(), e.cased()),
                                    k -> new HashMap<>()).computeIfAbsent(e.value(), k -> new ArrayList<>());
                            addOnce(l, code);
                        } else if (a instanceof Contains c && c.ref() != null) {
                            fieldIndexes.putIfAbsent(c.index(), c.ref());
                            addOnce(byFieldNeedle.computeIfAbsent(c.id(), k -> new ArrayList<>()), code);
                        } else if (a instanceof Contains c) {
                            List<Object> field = java.util.Arrays.asList(c.ref(), c.cased());
                            NeedleIndex index = indexes.computeIfAbsent(field,
                                    k -> new NeedleIndex(needles, c.cased()));
                            List<Object> needleKey = java.util.Arrays.asList(c.ref(), c.cased(), c.needle());
                            int id = needleIds.computeIfAbsent(needleKey, k -> {
                                needles.add(c.needle());
                                byNeedle.add(new ArrayList<>());
                                index.add(needles.size() - 1, c.needle());
                                return needles.size() - 1;
                            });
                            addOnce(byNeedle.get(id), code);
                        }
                    }
                }
            }
            this.always = alwaysList.stream().mapToInt(Integer::intValue).toArray();
            this.prefiltered = rules.length - always.length;
            List<EqField> fields = new ArrayList<>();
            for (Map.Entry<List<Object>, Map<String, List<Integer>>> e : eq.entrySet()) {
                Map<String, int[]> m = new HashMap<>();
                e.getValue().forEach((k, v) -> m.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
                boolean cased = (Boolean) e.getKey().get(1);
                fields.add(new EqField((FieldRef) e.getKey().get(0), cased, m, cased ? null : new CharKeyMap(m)));
            }
            this.eqFields = fields.toArray(EqField[]::new);
            List<NeedleScan> scans = new ArrayList<>();
            indexes.forEach((k, index) -> {
                index.freeze();
                scans.add(new NeedleScan((FieldRef) k.get(0), index));
            });
            this.scans = scans.toArray(NeedleScan[]::new);
            this.fieldIndexes = fieldIndexes.keySet().stream().mapToInt(Integer::intValue).toArray();
            this.fieldIndexRefs = fieldIndexes.values().toArray(FieldRef[]::new);
            this.rulesByFieldNeedle = new int[byFieldNeedle.isEmpty() ? 0 : engineNeedles][];
            byFieldNeedle.forEach((id, l) -> rulesByFieldNeedle[id] = l.stream().mapToInt(Integer::intValue)
                    .toArray());
            this.rulesByNeedle = new int[byNeedle.size()][];
            for (int i = 0; i < rulesByNeedle.length; i++) {
                rulesByNeedle[i] = byNeedle.get(i).stream().mapToInt(Integer::intValue).toArray();
            }
        }

        private static void addOnce(List<Integer> l, int code) {
            if (l.isEmpty() || l.get(l.size() - 1) != code) {
                l.add(code);
            }
        }

        /**
         * Records that a clause of a rule holds (code = position and clause); the rule becomes a candidate (appended
         * to {@code found}) when all its clauses hold. Returns the new number of candidates.
         */
        private int hit(int code, int stamp, int n, int[] mark, int[] found, int[] clauseStamp, int[] clauseBits) {
            int p = code >>> CLAUSE_BITS;
            if (mark[p] == stamp) {
                return n;
            }
            int k = clauseCount[p];
            if (k > 1) {
                int bits = (clauseStamp[p] == stamp ? clauseBits[p] : 0) | 1 << (code & ((1 << CLAUSE_BITS) - 1));
                clauseStamp[p] = stamp;
                clauseBits[p] = bits;
                if (bits != (1 << k) - 1) {
                    return n;
                }
            }
            mark[p] = stamp;
            found[n] = p;
            return n + 1;
        }

        /**
         * Writes the positions of the rules to evaluate for the event in {@code ctx} (ascending, i.e. load order)
         * into {@code ctx}'s candidate buffer and returns their number.
         */
        int candidates(EventContext ctx) {
            int[] mark = ctx.ruleMarks(rules.length);
            int stamp = ctx.generation();
            int[] found = ctx.foundBuffer(rules.length);
            int[] clauseStamp = ctx.clauseMarks(rules.length);
            int[] clauseBits = ctx.clauseBits(rules.length);
            int n = 0;
            for (EqField f : eqFields) {
                EventValue v = ctx.get(f.ref);
                if (v.missing()) {
                    continue;
                }
                if (!f.cased && v.position >= 0 && v.strings.length == 1) {
                    char[] lower = ctx.lowerChars(v.position);
                    if (lower != null) {
                        int[] positions = f.byChars.get(lower, ctx.lowerLength(v.position));
                        if (positions != null) {
                            for (int code : positions) {
                                n = hit(code, stamp, n, mark, found, clauseStamp, clauseBits);
                            }
                        }
                        continue;
                    }
                }
                for (String s : f.cased ? v.strings : v.lower()) {
                    int[] positions = f.rules.get(s);
                    if (positions != null) {
                        for (int code : positions) {
                            n = hit(code, stamp, n, mark, found, clauseStamp, clauseBits);
                        }
                    }
                }
            }
            if (fieldIndexes.length > 0) {
                for (int i = 0; i < fieldIndexes.length; i++) {
                    EventValue v = ctx.get(fieldIndexRefs[i]);
                    if (!v.missing()) {
                        ctx.scanNeedles(fieldIndexes[i], v);
                    }
                }
                int[] log = ctx.hitLog();
                int hitCount = ctx.hitLogSize();
                int[][] byNeedle = rulesByFieldNeedle;
                for (int i = 0; i < hitCount; i++) {
                    int[] positions = byNeedle[log[i]];
                    if (positions != null) {
                        for (int code : positions) {
                            n = hit(code, stamp, n, mark, found, clauseStamp, clauseBits);
                        }
                    }
                }
            }
            if (scans.length > 0) {
                int[] hits = ctx.prefilterHits(rulesByNeedle.length);
                EventContext.HitLog log = ctx.prefilterLog();
                for (NeedleScan s : scans) {
                    if (s.ref == null) {
                        scanKeywords(ctx, s.index, hits, stamp, log);
                    } else {
                        EventValue v = ctx.get(s.ref);
                        if (!v.missing()) {
                            scan(s.index, v, hits, stamp, log);
                        }
                    }
                }
                int[][] byNeedle = rulesByNeedle;
                int[] ids = log.ids;
                for (int i = 0; i < log.size; i++) {
                    for (int code : byNeedle[ids[i]]) {
                        n = hit(code, stamp, n, mark, found, clauseStamp, clauseBits);
                    }
                }
            }
            // merge with the always-evaluated rules, keeping load order
            Arrays.sort(found, 0, n);
            int[] out = ctx.candidateBuffer(n + always.length);
            int i = 0;
            int j = 0;
            int k = 0;
            int[] al = always;
            while (i < n && j < al.length) {
                out[k++] = found[i] < al[j] ? found[i++] : al[j++];
            }
            while (i < n) {
                out[k++] = found[i++];
            }
            while (j < al.length) {
                out[k++] = al[j++];
            }
            return k;
        }

        /** Keyword needles over every searchable value (ASCII strings: the event's shared lower-case copy). */
        private static void scanKeywords(EventContext ctx, NeedleIndex index, int[] hits, int stamp,
                                         EventContext.HitLog log) {
            String[] seen = ctx.keywordValuesSeen();
            int seenCount = 0;
            int size = ctx.size();
            for (int position = 0; position < size; position++) {
                Object value = ctx.value(position);
                if (value == null || !ctx.searched(position)) {
                    continue;
                }
                if (value instanceof String str) {
                    // parsed sources repeat values under raw and ECS names (EventData CommandLine and
                    // process.command_line): a string already scanned cannot add a hit (short values: scanning is
                    // cheaper than the duplicate check)
                    if (str.length() >= 8) {
                        if (scannedBefore(str, seen, seenCount)) {
                            continue;
                        }
                        if (seenCount < seen.length) {
                            seen[seenCount++] = str;
                        }
                    }
                    if (!index.cased) {
                        char[] lower = ctx.lowerChars(position); // shared with the field needle scans
                        if (lower != null) {
                            index.scan(lower, ctx.lowerLength(position), hits, stamp, log);
                            continue;
                        }
                    }
                }
                if ((value instanceof Integer || value instanceof Long)
                        && decimalLength(((Number) value).longValue()) < index.minLength) {
                    continue; // its text is too short for any needle
                }
                scan(index, EventValue.of(value), hits, stamp, log);
            }
            java.util.Arrays.fill(seen, 0, seenCount, null);
        }

        /** Length of {@code Long.toString(x)}. */
        static int decimalLength(long x) {
            if (x == Long.MIN_VALUE) {
                return 20;
            }
            long y = Math.abs(x);
            int digits = 1;
            for (long p = 10; digits < 19 && y >= p; p *= 10) { // 19: the digits of Long.MAX_VALUE
                digits++;
            }
            return (x < 0 ? 1 : 0) + digits;
        }

        /** Whether an equal string was scanned before in this event (it cannot add a hit). */
        private static boolean scannedBefore(String str, String[] seen, int seenCount) {
            for (int i = 0; i < seenCount; i++) {
                String other = seen[i];
                if (other == str || (other.length() == str.length() && other.hashCode() == str.hashCode()
                        && other.equals(str))) {
                    return true;
                }
            }
            return false;
        }

        private static void scan(NeedleIndex index, EventValue v, int[] hits, int stamp, EventContext.HitLog log) {
            EventContext.scan(index, v, hits, stamp, log);
        }

        /** Diagnostics: the needle indexes of this set (field, null = keyword search). */
        List<String> scans() {
            List<String> out = new ArrayList<>();
            for (NeedleScan s : scans) {
                out.add((s.ref == null ? "<keywords>" : s.ref.sigmaName) + " " + s.index);
            }
            return out;
        }

        @Override
        public String toString() {
            return "RuleSet[" + rules.length + " rules, " + always.length + " always evaluated, " + eqFields.length
                    + " exact-value fields, " + fieldIndexes.length + " field needle indexes, "
                    + rulesByNeedle.length + " keyword needles]";
        }
    }
}
