package soc.detect.sigma;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import soc.events.SocEvent;

/**
 * Single-thread matching throughput of the whole SigmaHQ rule set over the SigmaHQ regression events, for the three
 * evaluation strategies (naive, routed, pre-filtered), measured with thread CPU time so that other processes on a
 * shared machine inflate the wall clock but not the figure; then, unless {@code -Dbench.scheduled=false}, strategy (b),
 * scheduled queries: the same events in a real OpenSearch and every translatable rule run as a search over them
 * ({@link ScheduledQueryStrategy}; {@code -Dbench.scheduledRounds=2}: one warm-up round and one measured).
 * Not matched by surefire's default includes; the {@code bench} profile runs it:
 * {@code mvn -B -o -pl soc-detect -Pbench test [-Dbench.warmup=5 -Dbench.measure=10]} (seconds per strategy).
 * Results go to stdout; docs/benchmarks.md ("Detection") records them.
 */
public final class DetectionBenchmark {

    @org.junit.jupiter.api.Test
    void benchmark() throws IOException {
        main(new String[] {System.getProperty("bench.warmup", "5"), System.getProperty("bench.measure", "10")});
    }

    public static void main(String[] args) throws IOException {
        double warmup = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        double measure = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        long t0 = System.nanoTime();
        SigmaEngine engine = loadSigmaHq();
        System.out.printf("[bench] %s loaded in %d ms%n", engine.loadReport(), (System.nanoTime() - t0) / 1_000_000);
        List<Map<String, Object>> events = new ArrayList<>();
        for (SocEvent e : regressionEvents()) {
            events.add(e.fields());
        }
        long applicable = 0;
        long evaluated = 0;
        for (Map<String, Object> e : events) {
            applicable += engine.applicableRules(e).size();
            evaluated += engine.evaluatedRules(e).size();
        }
        System.out.printf("[bench] %d events; per event: %d rules loaded, %.1f routed, %.1f evaluated after the "
                + "pre-filter; %d rules always evaluated%n", events.size(), engine.rules().size(),
                (double) applicable / events.size(), (double) evaluated / events.size(),
                engine.alwaysEvaluatedRules().size());
        System.out.printf("[bench] load average at start: %.2f (%d cores)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        if (Boolean.getBoolean("bench.prefilteredOnly")) {
            run(engine, events, SigmaEngine.Strategy.PREFILTERED, warmup, measure);
            return;
        }
        double naive = run(engine, events, SigmaEngine.Strategy.NAIVE, warmup, measure);
        double routed = run(engine, events, SigmaEngine.Strategy.ROUTED, warmup, measure);
        double prefiltered = run(engine, events, SigmaEngine.Strategy.PREFILTERED, warmup, measure);
        System.out.printf("[bench] pre-filtered / routed = %.1fx, pre-filtered / naive = %.1fx%n",
                prefiltered / routed, prefiltered / naive);
        if (!"false".equals(System.getProperty("bench.scheduled"))) {
            scheduled(engine, events, prefiltered);
        }
        System.out.printf("[bench] load average at end: %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * Strategy (b), scheduled queries: the same events indexed into a real OpenSearch (soc-testsupport's
     * {@code TestInfra}), every translatable rule run as a search over them ({@link ScheduledQueryStrategy}).
     */
    static void scheduled(SigmaEngine engine, List<Map<String, Object>> events, double prefiltered) {
        long routedMatches = 0;
        for (Map<String, Object> e : events) {
            routedMatches += engine.applicableRules(e).stream().filter(r -> engine.matches(r, e)).count();
        }
        String url = soc.infra.TestInfra.openSearch().openSearchUrl();
        ScheduledQueryStrategy.Result r;
        try {
            r = new ScheduledQueryStrategy(url).run(engine.rules(), events,
                    Integer.getInteger("bench.scheduledRounds", 2));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        System.out.printf("[bench] SCHEDULED   %,10.0f events/s per core (CPU of OpenSearch + client %.2f s per round; "
                        + "wall %.2f s per round: %,.0f events/s; %d of %d rules translatable, %d query errors; %d of %d "
                        + "events indexed in %d ms; %d matches per round vs %d streaming matches on the same events)%n",
                r.eventsPerCpuSecond(), r.cpuSeconds(), r.querySeconds(), r.eventsPerSecond(), r.translatable(),
                r.rules(), r.queryErrors(), r.indexed(), events.size(), r.indexMillis(), r.matches(), routedMatches);
        System.out.printf("[bench] pre-filtered / scheduled-query = %.0fx per core (%.0fx against its wall-clock "
                + "rate)%n", prefiltered / r.eventsPerCpuSecond(), prefiltered / r.eventsPerSecond());
    }

    static SigmaEngine loadSigmaHq() {
        Path rules = Corpus.sigma().resolve("rules");
        SigmaEngine.Builder b = SigmaEngine.builder();
        for (String tree : List.of("rules", "rules-emerging-threats", "rules-threat-hunting")) {
            b.load(rules.resolve(tree));
        }
        return b.build();
    }

    static List<SocEvent> regressionEvents() throws IOException {
        List<SocEvent> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Corpus.sigma().resolve("regression").resolve("regression_data"))) {
            for (Path json : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.addAll(EvtxJsonAdapter.read(json));
            }
        }
        return out;
    }

    /** Events per second of thread CPU time. */
    static double run(SigmaEngine engine, List<Map<String, Object>> events, SigmaEngine.Strategy strategy,
                      double warmupSeconds, double measureSeconds) {
        long[] sink = new long[1];
        long deadline = System.nanoTime() + (long) (warmupSeconds * 1e9);
        while (System.nanoTime() < deadline) {
            for (Map<String, Object> e : events) {
                engine.match(e, r -> sink[0]++, strategy);
            }
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpuStart = mx.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long n = 0;
        sink[0] = 0;
        long cpuBudget = (long) (measureSeconds * 1e9);
        while (mx.getCurrentThreadCpuTime() - cpuStart < cpuBudget) {
            for (Map<String, Object> e : events) {
                engine.match(e, r -> sink[0]++, strategy);
            }
            n += events.size();
        }
        double cpu = (mx.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double wall = (System.nanoTime() - start) / 1e9;
        double perCore = n / cpu;
        System.out.printf("[bench] %-11s %,10.0f events/s per core (thread CPU %.1f s, wall %.1f s: %,.0f events/s;"
                + " %d events, %d matches)%n", strategy, perCore, cpu, wall, n / wall, n, sink[0]);
        return perCore;
    }
}
