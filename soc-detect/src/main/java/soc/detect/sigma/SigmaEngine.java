package soc.detect.sigma;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import soc.events.SocEvent;

/**
 * Holds many compiled Sigma rules and finds the ones an event matches.
 *
 * <p>Rules are indexed by logsource: each distinct logsource gets a routing condition (see
 * {@link LogsourceRouting}); the set of rules that apply to an event is looked up in a cache keyed by the event's
 * values of the few routing keys ({@code winlog.channel}, {@code winlog.event_id}, {@code event.dataset}...), so
 * an event only meets the rules of its logsources. Within a rule, AND/OR branches run cheapest first, and every
 * event field is resolved and lower-cased at most once per event.
 *
 * <p>Immutable after {@link Builder#build()}; {@link #match} is thread-safe (per-thread evaluation state).
 */
public final class SigmaEngine {
    private static final int MAX_ROUTE_CACHE = 8192;

    private final List<CompiledRule> rules;
    private final CompiledRule[] allRules;
    private final Map<String, CompiledRule> byId;
    private final List<SigmaCorrelation> correlations;
    private final LoadReport report;
    private final int slots;
    private final String[] routingKeys;
    private final Route[] routes;
    private final int routingSlots;
    private final Map<RouteKey, Prefilter.RuleSet> routeCache = new ConcurrentHashMap<>();
    private final Map<java.util.BitSet, Prefilter.RuleSet> ruleSets = new ConcurrentHashMap<>();
    private final List<Prefilter.Requirement> requirements;
    private final int needles;
    private final ThreadLocal<EventContext> contexts;
    private final ThreadLocal<EventContext> routingContexts;

    private record Route(Logsource logsource, Node condition, CompiledRule[] rules) {
    }

    private SigmaEngine(List<CompiledRule> rules, List<SigmaCorrelation> correlations, LoadReport report, int slots,
                        String[] routingKeys, Route[] routes, int routingSlots, NeedleIndex[] needleIndexes,
                        int needles, List<Prefilter.Requirement> requirements) {
        this.rules = List.copyOf(rules);
        this.allRules = rules.toArray(CompiledRule[]::new);
        Map<String, CompiledRule> ids = new HashMap<>();
        for (CompiledRule r : rules) {
            if (r.id() != null) {
                ids.putIfAbsent(r.id(), r);
            }
        }
        this.byId = Map.copyOf(ids);
        this.correlations = List.copyOf(correlations);
        this.report = report;
        this.slots = slots;
        this.routingKeys = routingKeys;
        this.routes = routes;
        this.routingSlots = routingSlots;
        this.needles = needles;
        this.requirements = requirements;
        this.contexts = ThreadLocal.withInitial(() -> new EventContext(slots, needleIndexes, needles));
        this.routingContexts = ThreadLocal.withInitial(() -> new EventContext(routingSlots));
    }

    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------------------------------ matching

    /** The rules the event matches, in load order. */
    public List<CompiledRule> match(SocEvent event) {
        return match(event.fields());
    }

    /** Same as {@link #match(SocEvent)} for a flat field map. */
    public List<CompiledRule> match(Map<String, Object> fields) {
        List<CompiledRule> out = new ArrayList<>(2);
        match(fields, out::add);
        return out;
    }

    /** Streams the matching rules to {@code sink} (no list allocation). */
    public void match(Map<String, Object> fields, Consumer<CompiledRule> sink) {
        EventContext ctx = contexts.get();
        ctx.reset(fields, slots);
        Object[] values = new Object[routingKeys.length];
        ctx.routingValues(routingKeys, values);
        Prefilter.RuleSet set = candidates(fields, values);
        if (set.rules.length == 0) {
            return;
        }
        int n = set.candidates(ctx);
        int[] positions = ctx.candidateBuffer(0);
        CompiledRule[] rules = set.rules;
        for (int i = 0; i < n; i++) {
            CompiledRule r = rules[positions[i]];
            if (r.matches(ctx)) {
                sink.accept(r);
            }
        }
    }

    /**
     * Evaluation strategies, for benchmarks and equivalence tests: {@link #NAIVE} evaluates every loaded rule on
     * every event (no logsource routing, no pre-filter; the per-event field cache and needle indexes still apply),
     * {@link #ROUTED} every rule whose logsource applies, {@link #PREFILTERED} (what {@link #match} does) only the
     * routed rules whose required literals occur in the event.
     */
    enum Strategy { NAIVE, ROUTED, PREFILTERED }

    void match(Map<String, Object> fields, Consumer<CompiledRule> sink, Strategy strategy) {
        switch (strategy) {
            case PREFILTERED -> match(fields, sink);
            case ROUTED -> evaluate(fields, candidates(fields).rules, sink);
            case NAIVE -> evaluate(fields, allRules, sink);
        }
    }

    private void evaluate(Map<String, Object> fields, CompiledRule[] rules, Consumer<CompiledRule> sink) {
        EventContext ctx = contexts.get();
        ctx.reset(fields, slots);
        for (CompiledRule r : rules) {
            if (r.matches(ctx)) {
                sink.accept(r);
            }
        }
    }

    /** Whether one given rule matches the event (ignores logsource routing; for tests and rule debugging). */
    public boolean matches(CompiledRule rule, Map<String, Object> fields) {
        EventContext ctx = contexts.get();
        ctx.reset(fields, slots);
        return rule.matches(ctx);
    }

    /** The rules whose logsource applies to the event (before their detections are evaluated). */
    public List<CompiledRule> applicableRules(Map<String, Object> fields) {
        return List.of(candidates(fields).rules);
    }

    /**
     * The rules the pre-filter lets through for the event: routed rules whose required literals occur, plus those
     * that are always evaluated (diagnostics).
     */
    public List<CompiledRule> evaluatedRules(Map<String, Object> fields) {
        Prefilter.RuleSet set = candidates(fields);
        EventContext ctx = contexts.get();
        ctx.reset(fields, slots);
        int n = set.candidates(ctx);
        int[] positions = ctx.candidateBuffer(0);
        List<CompiledRule> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(set.rules[positions[i]]);
        }
        return out;
    }

    /** Rules the pre-filter cannot skip (no required literal could be derived), by id or title (diagnostics). */
    public List<String> alwaysEvaluatedRules() {
        List<String> out = new ArrayList<>();
        for (CompiledRule r : rules) {
            if (requirements.get(r.index()) == null) {
                out.add(r.rule().label());
            }
        }
        return out;
    }

    private Prefilter.RuleSet candidates(Map<String, Object> fields) {
        Object[] values = new Object[routingKeys.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = fields.get(routingKeys[i]);
        }
        return candidates(fields, values);
    }

    /** The routed rule set for an event whose routing-key values are {@code values} (cached by those values). */
    private Prefilter.RuleSet candidates(Map<String, Object> fields, Object[] values) {
        RouteKey key = new RouteKey(values);
        Prefilter.RuleSet cached = routeCache.get(key);
        if (cached != null) {
            return cached;
        }
        EventContext ctx = routingContexts.get();
        ctx.reset(fields, routingSlots);
        java.util.BitSet matched = new java.util.BitSet(routes.length);
        for (int i = 0; i < routes.length; i++) {
            if (routes[i].condition().eval(ctx)) {
                matched.set(i);
            }
        }
        Prefilter.RuleSet result = matched.isEmpty() ? Prefilter.RuleSet.EMPTY
                : ruleSets.computeIfAbsent(matched, this::ruleSet);
        if (routeCache.size() < MAX_ROUTE_CACHE) {
            routeCache.put(key, result);
        }
        return result;
    }

    private Prefilter.RuleSet ruleSet(java.util.BitSet routeIds) {
        List<CompiledRule> list = new ArrayList<>();
        for (int i = routeIds.nextSetBit(0); i >= 0; i = routeIds.nextSetBit(i + 1)) {
            list.addAll(Arrays.asList(routes[i].rules()));
        }
        list.sort(Comparator.comparingInt(CompiledRule::index));
        List<Prefilter.Requirement> reqs = new ArrayList<>(list.size());
        for (CompiledRule r : list) {
            reqs.add(requirements.get(r.index()));
        }
        return new Prefilter.RuleSet(list.toArray(CompiledRule[]::new), reqs, needles);
    }

    private static final class RouteKey {
        private final Object[] values;
        private final int hash;

        RouteKey(Object[] values) {
            this.values = values;
            this.hash = Arrays.hashCode(values);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RouteKey k && Arrays.equals(values, k.values);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    // ------------------------------------------------------------------------------------------ inspection

    public List<CompiledRule> rules() {
        return rules;
    }

    /** The compiled rule with this id, or null. */
    public CompiledRule rule(String id) {
        return byId.get(id);
    }

    /** Correlation rules that were recognised (not evaluated by this engine). */
    public List<SigmaCorrelation> correlations() {
        return correlations;
    }

    public LoadReport loadReport() {
        return report;
    }

    /** Needle index statistics (diagnostics). */
    public List<String> needleStats() {
        return java.util.Arrays.stream(contexts.get().needleIndexes()).map(NeedleIndex::stats).toList();
    }

    /** The pre-filter rule sets built so far, with the needle indexes each scans (diagnostics). */
    public List<String> prefilterStats() {
        List<String> out = new ArrayList<>();
        ruleSets.values().forEach(rs -> out.add(rs + " scans " + rs.scans()));
        return out;
    }

    /** The event keys routing reads (diagnostics). */
    public List<String> routingKeys() {
        return List.of(routingKeys);
    }

    /** Number of rules per logsource (diagnostics). */
    public Map<String, Integer> rulesPerLogsource() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Route r : routes) {
            m.put(r.logsource().key(), r.rules().length);
        }
        return m;
    }

    // ------------------------------------------------------------------------------------------ building

    /** Collects and compiles rules; not thread-safe. */
    public static final class Builder {
        private FieldMapping fieldMapping = FieldMapping.defaults();
        private LogsourceRouting routing = LogsourceRouting.defaults();
        private final Map<String, List<String>> placeholders = new HashMap<>();
        private final SigmaParser parser = new SigmaParser();
        private SigmaCompiler compiler;
        private final List<CompiledRule> compiled = new ArrayList<>();
        private final List<SigmaCorrelation> correlations = new ArrayList<>();
        private final List<SigmaFilter> filters = new ArrayList<>();
        private final List<LoadReport.Failure> failures = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private int files;
        private int documents;

        private Builder() {
        }

        /** Field mapping to use (default {@link FieldMapping#defaults()}); set before adding rules. */
        public Builder fieldMapping(FieldMapping mapping) {
            requireNoRules();
            this.fieldMapping = Objects.requireNonNull(mapping);
            return this;
        }

        /** Logsource routing to use (default {@link LogsourceRouting#defaults()}). */
        public Builder routing(LogsourceRouting routing) {
            this.routing = Objects.requireNonNull(routing);
            return this;
        }

        /**
         * Values of a placeholder for the {@code expand} modifier (name without %; values may hold wildcards).
         * Placeholders without values never match. Set before adding rules.
         */
        public Builder placeholder(String name, Collection<String> values) {
            requireNoRules();
            placeholders.put(name, List.copyOf(values));
            return this;
        }

        private void requireNoRules() {
            if (compiler != null) {
                throw new IllegalStateException("configure mapping and placeholders before adding rules");
            }
        }

        private SigmaCompiler compiler() {
            if (compiler == null) {
                compiler = new SigmaCompiler(fieldMapping, Map.copyOf(placeholders));
            }
            return compiler;
        }

        /**
         * Adds one parsed document. Detection rules are compiled now.
         *
         * @throws SigmaException when the rule cannot be compiled
         */
        public Builder add(SigmaDocument document) {
            documents++;
            if (document instanceof SigmaRule rule) {
                Node node = compiler().compileDetection(rule.detection(), rule.logsource(), rule.source());
                for (String w : compiler().drainWarnings()) {
                    warnings.add(rule.source() + ": " + w);
                }
                compiled.add(new CompiledRule(rule, node, compiled.size(), List.of()));
            } else if (document instanceof SigmaCorrelation c) {
                correlations.add(c);
            } else if (document instanceof SigmaFilter f) {
                filters.add(f);
            }
            return this;
        }

        /** Parses and adds all documents of a YAML text; errors are recorded in the report, not thrown. */
        public Builder addYaml(String yaml, String source) {
            try {
                for (SigmaDocument d : parser.parse(yaml, source)) {
                    addRecording(d);
                }
            } catch (SigmaException e) {
                failures.add(new LoadReport.Failure(source, e.kind(), e.getMessage()));
            }
            return this;
        }

        /** Loads a .yml/.yaml file or every such file under a directory (recursively, in path order). */
        public Builder load(Path path) {
            List<Path> paths;
            if (Files.isDirectory(path)) {
                try (Stream<Path> s = Files.walk(path)) {
                    paths = s.filter(Files::isRegularFile).filter(p -> {
                        String n = p.getFileName().toString();
                        return n.endsWith(".yml") || n.endsWith(".yaml");
                    }).sorted().toList();
                } catch (IOException e) {
                    failures.add(new LoadReport.Failure(path.toString(), SigmaException.Kind.YAML_SYNTAX,
                            "cannot list: " + e));
                    return this;
                }
            } else {
                paths = List.of(path);
            }
            for (Path p : paths) {
                files++;
                try {
                    for (SigmaDocument d : parser.parse(p)) {
                        addRecording(d);
                    }
                } catch (SigmaException e) {
                    failures.add(new LoadReport.Failure(p.toString(), e.kind(), e.getMessage()));
                }
            }
            return this;
        }

        private void addRecording(SigmaDocument d) {
            try {
                add(d);
            } catch (SigmaException e) {
                failures.add(new LoadReport.Failure(d.source(), e.kind(), e.getMessage()));
            }
        }

        /** Adds a Sigma filter (applied at {@link #build()} to the rules it names). */
        public Builder addFilter(SigmaFilter filter) {
            return add(filter);
        }

        public SigmaEngine build() {
            SigmaCompiler c = compiler();
            List<CompiledRule> rules = new ArrayList<>(compiled);
            applyFilters(c, rules);
            // routing: one condition per distinct logsource, compiled over raw event keys
            SigmaCompiler routingCompiler = new SigmaCompiler(FieldMapping.identity(), Map.of());
            Map<Logsource, List<CompiledRule>> byLogsource = new LinkedHashMap<>();
            List<String> unroutable = new ArrayList<>();
            for (CompiledRule r : rules) {
                Logsource ls = r.rule().logsource();
                byLogsource.computeIfAbsent(Logsource.of(ls.product(), ls.category(), ls.service()),
                        k -> new ArrayList<>()).add(r);
            }
            List<Route> routes = new ArrayList<>();
            List<CompiledRule> active = new ArrayList<>();
            for (Map.Entry<Logsource, List<CompiledRule>> e : byLogsource.entrySet()) {
                List<Object> parts = routing.conditions(e.getKey());
                if (parts.isEmpty()) {
                    e.getValue().forEach(r -> unroutable.add(r.rule().label()));
                    continue;
                }
                List<Node> nodes = new ArrayList<>();
                for (Object part : parts) {
                    nodes.add(routingCompiler.compileSearch(part, Logsource.of(null, null, null), "routing "
                            + e.getKey().key(), 0, e.getKey().key()));
                }
                routes.add(new Route(e.getKey(), Node.and(nodes.toArray(Node[]::new)),
                        e.getValue().toArray(CompiledRule[]::new)));
                active.addAll(e.getValue());
            }
            active.sort(Comparator.comparingInt(CompiledRule::index));
            NeedleRewriter needles = new NeedleRewriter();
            for (CompiledRule r : rules) {
                needles.rewrite(r.detection());
            }
            // required literals per rule (pre-filter)
            Prefilter prefilter = new Prefilter(needles);
            List<Prefilter.Requirement> requirements = new ArrayList<>(rules.size());
            for (CompiledRule r : rules) {
                requirements.add(prefilter.requirement(r.detection()));
            }
            // suffix/prefix, wildcard and regex tests first check their literal in the field's needle index
            needles.gateAll(rules);
            LoadReport report = new LoadReport(files, documents, rules.size(), correlations.size(), filters.size(),
                    failures, unroutable, warnings);
            return new SigmaEngine(rules, correlations, report, Math.max(1, c.slots()),
                    routingCompiler.keysRead().toArray(String[]::new), routes.toArray(Route[]::new),
                    Math.max(1, routingCompiler.slots()), needles.indexes(), needles.count(), requirements);
        }

        /** Replaces case-insensitive contains tests by look-ups in per-field {@link NeedleIndex}es. */
        private static final class NeedleRewriter implements Prefilter.NeedleRegistry {
            private final List<String> needles = new ArrayList<>();
            private final List<NeedleIndex> indexes = new ArrayList<>();
            private final Map<Integer, Integer> indexBySlot = new HashMap<>();
            private final Map<Integer, Integer> casedIndexBySlot = new HashMap<>();
            private final List<Map<String, Integer>> idsByIndex = new ArrayList<>();
            private final java.util.Set<Node> visited = java.util.Collections.newSetFromMap(
                    new java.util.IdentityHashMap<>());
            private int keywordIndex = -1;
            private int casedKeywordIndex = -1;

            void rewrite(Node n) {
                if (!visited.add(n)) {
                    return;
                }
                for (Node c : n.children()) {
                    rewrite(c);
                }
                if (n instanceof Node.FieldTest f) {
                    int slot = f.field.slot;
                    f.test = rewrite(f.test, c -> (c == 1 ? casedIndexBySlot : indexBySlot).computeIfAbsent(slot,
                            s -> newIndex(c == 1)), false);
                } else if (n instanceof Node.Keyword k) {
                    k.test = rewrite(k.test, c -> {
                        if (c == 1) {
                            return casedKeywordIndex < 0 ? (casedKeywordIndex = newIndex(true)) : casedKeywordIndex;
                        }
                        return keywordIndex < 0 ? (keywordIndex = newIndex(false)) : keywordIndex;
                    }, true);
                }
            }

            @Override
            public boolean cased(int index) {
                return indexes.get(index).cased;
            }

            @Override
            public int[] register(FieldRef ref, boolean cased, String needle) {
                int index = (cased ? casedIndexBySlot : indexBySlot).computeIfAbsent(ref.slot, s -> newIndex(cased));
                int id = idsByIndex.get(index).computeIfAbsent(needle, k -> {
                    needles.add(k);
                    indexes.get(index).add(needles.size() - 1, k);
                    return needles.size() - 1;
                });
                return new int[] {index, id};
            }

            @Override
            public String needle(int id) {
                return needles.get(id);
            }

            private int newIndex(boolean cased) {
                indexes.add(new NeedleIndex(needles, cased));
                idsByIndex.add(new HashMap<>());
                return indexes.size() - 1;
            }

            private ValueTest rewrite(ValueTest t, java.util.function.IntFunction<Integer> indexFor,
                                      boolean keyword) {
                if (t instanceof ValueTest.Str s && s.mode == ValueTest.Mode.CONTAINS
                        && !s.needle.isEmpty()) {
                    int index = indexFor.apply(s.cased ? 1 : 0);
                    int id = idsByIndex.get(index).computeIfAbsent(s.needle, k -> {
                        needles.add(k);
                        indexes.get(index).add(needles.size() - 1, k);
                        return needles.size() - 1;
                    });
                    return new ValueTest.Needle(index, id, keyword, s.needle);
                }
                if (t instanceof ValueTest.AnyOf a) {
                    return fuse(a.tests, indexFor, keyword, false);
                }
                if (t instanceof ValueTest.AllOf a) {
                    return fuse(a.tests, indexFor, keyword, true);
                }
                return t;
            }

            /** Rewrites children; needles among them are fused into one {@link ValueTest.NeedleSet}. */
            private ValueTest fuse(ValueTest[] tests, java.util.function.IntFunction<Integer> indexFor,
                                   boolean keyword, boolean all) {
                List<ValueTest> others = new ArrayList<>();
                Map<Integer, List<Integer>> idsByIndex = new LinkedHashMap<>();
                for (ValueTest child : tests) {
                    ValueTest r = rewrite(child, indexFor, keyword);
                    if (r instanceof ValueTest.Needle n) {
                        idsByIndex.computeIfAbsent(n.index, k -> new ArrayList<>()).add(n.id);
                    } else {
                        others.add(r);
                    }
                }
                for (Map.Entry<Integer, List<Integer>> e : idsByIndex.entrySet()) {
                    others.add(0, new ValueTest.NeedleSet(e.getKey(), e.getValue().stream()
                            .mapToInt(Integer::intValue).toArray(), all, keyword));
                }
                if (others.size() == 1) {
                    return others.get(0);
                }
                ValueTest[] arr = others.toArray(ValueTest[]::new);
                return all ? new ValueTest.AllOf(arr) : new ValueTest.AnyOf(arr);
            }

            private final java.util.Set<Node> gated = java.util.Collections.newSetFromMap(
                    new java.util.IdentityHashMap<>());

            void gateAll(List<CompiledRule> rules) {
                for (CompiledRule r : rules) {
                    gate(r.detection());
                }
            }

            private void gate(Node n) {
                if (!gated.add(n)) {
                    return;
                }
                for (Node c : n.children()) {
                    gate(c);
                }
                if (n instanceof Node.FieldTest f) {
                    f.test = gate(f.field, f.test);
                }
            }

            private ValueTest gate(FieldRef ref, ValueTest t) {
                if (t instanceof ValueTest.AnyOf a) {
                    ValueTest[] children = a.tests.clone();
                    for (int i = 0; i < children.length; i++) {
                        children[i] = gate(ref, children[i]);
                    }
                    return new ValueTest.AnyOf(children);
                }
                if (t instanceof ValueTest.AllOf a) {
                    ValueTest[] children = a.tests.clone();
                    for (int i = 0; i < children.length; i++) {
                        children[i] = gate(ref, children[i]);
                    }
                    return new ValueTest.AllOf(children);
                }
                String literal = null;
                boolean cased = false;
                if (t instanceof ValueTest.Str s && (s.mode == ValueTest.Mode.PREFIX
                        || s.mode == ValueTest.Mode.SUFFIX) && !s.needle.isEmpty()) {
                    literal = s.needle;
                    cased = s.cased;
                } else if (t instanceof ValueTest.Segments g) {
                    for (String part : g.parts) {
                        if (literal == null || part.length() > literal.length()) {
                            literal = part;
                        }
                    }
                    cased = g.cased;
                } else if (t instanceof ValueTest.Regex r) {
                    literal = RegexLiteral.required(r.pattern);
                }
                if (literal == null || literal.isEmpty()) {
                    return t;
                }
                int[] at = register(ref, cased, literal);
                return new ValueTest.Gated(at[0], at[1], t);
            }

            NeedleIndex[] indexes() {
                indexes.forEach(NeedleIndex::freeze);
                return indexes.toArray(NeedleIndex[]::new);
            }

            int count() {
                return needles.size();
            }
        }

        private void applyFilters(SigmaCompiler c, List<CompiledRule> rules) {
            for (SigmaFilter f : filters) {
                boolean used = false;
                for (int i = 0; i < rules.size(); i++) {
                    CompiledRule r = rules.get(i);
                    if (!f.rules().contains(r.id()) && (r.rule().name() == null || !f.rules().contains(
                            r.rule().name()))) {
                        continue;
                    }
                    try {
                        Node filterNode = c.compileDetection(f.detection(), r.rule().logsource(), f.source());
                        List<String> names = new ArrayList<>(r.filters());
                        names.add(f.id() != null ? f.id() : f.title());
                        rules.set(i, r.withDetection(Node.and(r.detection(), new Node.Not(filterNode)), names));
                        used = true;
                    } catch (SigmaException e) {
                        failures.add(new LoadReport.Failure(f.source(), e.kind(), e.getMessage()));
                    }
                }
                if (!used) {
                    warnings.add(f.source() + ": filter '" + f.title() + "' names no loaded rule");
                }
            }
        }
    }
}
