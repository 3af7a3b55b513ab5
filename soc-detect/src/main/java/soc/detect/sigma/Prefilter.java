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
 *       k-N+1 most selective children; AND → the most selective child; NOT → none; keyword searches → CONTAINS
 *       over every searchable value (the keyword needle index)</li>
 * </ul>
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

    private final NeedleRegistry registry;
    private final Map<Node, List<Atom>> memo = new IdentityHashMap<>();
    private static final List<Atom> NONE = null;

    Prefilter(NeedleRegistry registry) {
        this.registry = registry;
    }

    /** The atoms of a rule's detection; null when none can be derived (the rule must always be evaluated). */
    List<Atom> requirement(Node n) {
        if (memo.containsKey(n)) {
            return memo.get(n);
        }
        List<Atom> r = derive(n);
        memo.put(n, r);
        return r;
    }

    private List<Atom> derive(Node n) {
        if (n instanceof Node.Const c) {
            return c.value ? NONE : List.of();
        }
        if (n instanceof Node.And a) {
            return best(Arrays.asList(a.children));
        }
        if (n instanceof Node.Or o) {
            return union(Arrays.asList(o.children));
        }
        if (n instanceof Node.AtLeast a) {
            int need = a.children.length - a.n + 1;
            if (a.n <= 0 || need <= 0) {
                return a.n <= 0 ? NONE : List.of();
            }
            List<List<Atom>> reqs = new ArrayList<>();
            for (Node c : a.children) {
                List<Atom> r = requirement(c);
                if (r != null) {
                    reqs.add(r);
                }
            }
            if (reqs.size() < need) {
                return NONE;
            }
            reqs.sort((x, y) -> Double.compare(frequency(x), frequency(y)));
            List<Atom> out = new ArrayList<>();
            for (int i = 0; i < need; i++) {
                out.addAll(reqs.get(i));
            }
            return out;
        }
        if (n instanceof Node.FieldTest f) {
            return test(f.field, f.test);
        }
        if (n instanceof Node.Keyword k) {
            return test(null, k.test);
        }
        return NONE; // Not, Exists
    }

    private List<Atom> union(List<Node> children) {
        List<Atom> out = new ArrayList<>();
        for (Node c : children) {
            List<Atom> r = requirement(c);
            if (r == null) {
                return NONE;
            }
            out.addAll(r);
        }
        return out;
    }

    /** The most selective requirement among children that all must hold. */
    private List<Atom> best(List<Node> children) {
        List<Atom> best = NONE;
        double bestFrequency = Double.MAX_VALUE;
        for (Node c : children) {
            List<Atom> r = requirement(c);
            if (r == null) {
                continue;
            }
            double f = frequency(r);
            if (f < bestFrequency) {
                best = r;
                bestFrequency = f;
            }
        }
        return best;
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

        final CompiledRule[] rules;
        final int[] always;
        private final EqField[] eqFields;
        private final NeedleScan[] scans;
        private final int[][] rulesByNeedle;
        private final int[] fieldIndexes;
        private final FieldRef[] fieldIndexRefs;
        private final int[][] rulesByFieldNeedle;
        final int prefiltered;

        private record EqField(FieldRef ref, boolean cased, Map<String, int[]> rules) {
        }

        /** A needle index over one field ({@code ref == null}: every keyword-searchable value). */
        private record NeedleScan(FieldRef ref, NeedleIndex index) {
        }

        RuleSet(CompiledRule[] rules, List<List<Atom>> requirements, int engineNeedles) {
            this.rules = rules;
            Map<Integer, FieldRef> fieldIndexes = new LinkedHashMap<>();
            Map<Integer, List<Integer>> byFieldNeedle = new HashMap<>();
            List<Integer> alwaysList = new ArrayList<>();
            Map<List<Object>, Map<String, List<Integer>>> eq = new LinkedHashMap<>();
            Map<List<Object>, NeedleIndex> indexes = new LinkedHashMap<>();
            Map<List<Object>, Integer> needleIds = new HashMap<>();
            List<String> needles = new ArrayList<>();
            List<List<Integer>> byNeedle = new ArrayList<>();
            for (int pos = 0; pos < rules.length; pos++) {
                List<Atom> req = requirements.get(pos);
                if (req == null) {
                    alwaysList.add(pos);
                    continue;
                }
                for (Atom a : req) {
                    if (a instanceof Eq e) {
                        List<Integer> l = eq.computeIfAbsent(java.util.Arrays.asList(e.ref(), e.cased()),
                                k -> new HashMap<>()).computeIfAbsent(e.value(), k -> new ArrayList<>());
                        addOnce(l, pos);
                    } else if (a instanceof Contains c && c.ref() != null) {
                        fieldIndexes.putIfAbsent(c.index(), c.ref());
                        addOnce(byFieldNeedle.computeIfAbsent(c.id(), k -> new ArrayList<>()), pos);
                    } else if (a instanceof Contains c) {
                        List<Object> field = java.util.Arrays.asList(c.ref(), c.cased());
                        NeedleIndex index = indexes.computeIfAbsent(field, k -> new NeedleIndex(needles, c.cased()));
                        int id = needleIds.computeIfAbsent(java.util.Arrays.asList(c.ref(), c.cased(), c.needle()),
                                k -> {
                                    needles.add(c.needle());
                                    byNeedle.add(new ArrayList<>());
                                    index.add(needles.size() - 1, c.needle());
                                    return needles.size() - 1;
                                });
                        addOnce(byNeedle.get(id), pos);
                    }
                }
            }
            this.always = alwaysList.stream().mapToInt(Integer::intValue).toArray();
            this.prefiltered = rules.length - always.length;
            List<EqField> fields = new ArrayList<>();
            for (Map.Entry<List<Object>, Map<String, List<Integer>>> e : eq.entrySet()) {
                Map<String, int[]> m = new HashMap<>();
                e.getValue().forEach((k, v) -> m.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
                fields.add(new EqField((FieldRef) e.getKey().get(0), (Boolean) e.getKey().get(1), m));
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

        private static void addOnce(List<Integer> l, int pos) {
            if (l.isEmpty() || l.get(l.size() - 1) != pos) {
                l.add(pos);
            }
        }

        /**
         * Writes the positions of the rules to evaluate for the event in {@code ctx} (ascending, i.e. load order)
         * into {@code ctx}'s candidate buffer and returns their number.
         */
        int candidates(EventContext ctx) {
            int[] mark = ctx.ruleMarks(rules.length);
            int stamp = ctx.generation();
            int[] found = ctx.foundBuffer(rules.length);
            int n = 0;
            for (EqField f : eqFields) {
                EventValue v = ctx.get(f.ref);
                if (v.missing()) {
                    continue;
                }
                for (String s : f.cased ? v.strings : v.lower()) {
                    int[] positions = f.rules.get(s);
                    if (positions != null) {
                        for (int p : positions) {
                            if (mark[p] != stamp) {
                                mark[p] = stamp;
                                found[n++] = p;
                            }
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
                        for (int p : positions) {
                            if (mark[p] != stamp) {
                                mark[p] = stamp;
                                found[n++] = p;
                            }
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
                    for (int p : byNeedle[ids[i]]) {
                        if (mark[p] != stamp) {
                            mark[p] = stamp;
                            found[n++] = p;
                        }
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

        /** Keyword needles over every searchable value; plain ASCII strings are case-folded on the fly. */
        private static void scanKeywords(EventContext ctx, NeedleIndex index, int[] hits, int stamp,
                                         EventContext.HitLog log) {
            String[] seen = ctx.keywordValuesSeen();
            int seenCount = 0;
            values:
            for (Map.Entry<String, Object> e : ctx.fields().entrySet()) {
                Object value = e.getValue();
                if (value == null || EventContext.NOT_SEARCHED.contains(e.getKey())) {
                    continue;
                }
                if (value instanceof String str) {
                    if (str.length() < 8) {
                        // short values: scanning is cheaper than the duplicate check
                        if (index.cased || !index.scanFoldingAscii(str, hits, stamp, log)) {
                            scan(index, EventValue.of(value), hits, stamp, log);
                        }
                        continue;
                    }
                    // parsed sources repeat values under raw and ECS names (EventData CommandLine and
                    // process.command_line): a string already scanned cannot add a hit
                    for (int i = 0; i < seenCount; i++) {
                        String other = seen[i];
                        if (other == str || (other.length() == str.length() && other.hashCode() == str.hashCode()
                                && other.equals(str))) {
                            continue values;
                        }
                    }
                    if (seenCount < seen.length) {
                        seen[seenCount++] = str;
                    }
                    if (!index.cased && index.scanFoldingAscii(str, hits, stamp, log)) {
                        continue;
                    }
                }
                scan(index, EventValue.of(value), hits, stamp, log);
            }
            java.util.Arrays.fill(seen, 0, seenCount, null);
        }

        private static void scan(NeedleIndex index, EventValue v, int[] hits, int stamp, EventContext.HitLog log) {
            for (String s : index.cased ? v.strings : v.lower()) {
                index.scan(s, hits, stamp, log);
            }
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
