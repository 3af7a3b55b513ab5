package soc.detect.sigma;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import soc.events.EventJson;
import soc.events.SocEvent;

/**
 * Single-thread matching throughput of SigmaHQ rules, measured with thread CPU time so that other processes on a
 * shared machine inflate the wall clock but not the figure.
 * <ul>
 * <li>For each rule set (the issue's Windows, Linux and network rules; the whole corpus set), the three evaluation
 * strategies (naive, routed, pre-filtered) over the SigmaHQ regression events; then, unless
 * {@code -Dbench.matrix=false}, the pre-filtered rate of both rule sets over the corpus Windows logs and all corpus
 * logs.</li>
 * <li>Each figure is measured in {@code bench.forks} fresh JVMs (default 3; median and range printed), like JMH's
 * forks: the same engine and events gave 41k to 62k pre-filtered events/s in one JVM depending on what ran before
 * it (the JIT's profile of a naive run over 3754 rules, where the event maps lay), and the service runs
 * pre-filtered matching alone in its JVM.</li>
 * <li>Unless {@code -Dbench.scheduled=false}, strategy (b), scheduled queries: the same events in a real OpenSearch and
 * every translatable rule run as a search over them ({@link ScheduledQueryStrategy};
 * {@code -Dbench.scheduledRounds=2}: one warm-up round and one measured), against the median pre-filtered rate.</li>
 * </ul>
 * Not matched by surefire's default includes; the {@code bench} profile runs it:
 * {@code mvn -B -o -pl soc-detect -Pbench test [-Dbench.warmup=10 -Dbench.measure=10 -Dbench.forks=3]} (seconds per
 * measurement). Results go to stdout; docs/benchmarks.md ("Detection") records them.
 */
public final class DetectionBenchmark {
    private static final String[] RULE_SETS = {"issue", "whole"};
    private static final String[] EVENT_SETS = {"regression", "windows-logs", "all-logs"};

    @org.junit.jupiter.api.Test
    void benchmark() throws Exception {
        double warmup = Double.parseDouble(System.getProperty("bench.warmup", "10"));
        double measure = Double.parseDouble(System.getProperty("bench.measure", "10"));
        int forks = Integer.getInteger("bench.forks", 3);
        System.out.printf("[bench] load average at start: %.2f (%d cores); %d fork(s) per figure, %.0f s warm-up, "
                        + "%.0f s measured%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors(), forks, warmup, measure);
        // strategies (a) naive, routed and pre-filtered on the regression events, for each rule set
        double[][] rates = new double[RULE_SETS.length][EVENT_SETS.length];
        for (int r = 0; r < RULE_SETS.length; r++) {
            double naive = forked("NAIVE", RULE_SETS[r], "regression", warmup, measure, forks);
            double routed = forked("ROUTED", RULE_SETS[r], "regression", warmup, measure, forks);
            rates[r][0] = forked("PREFILTERED", RULE_SETS[r], "regression", warmup, measure, forks);
            System.out.printf("[bench] %s rules, medians: pre-filtered / routed = %.1fx, pre-filtered / naive = "
                    + "%.1fx%n", RULE_SETS[r], rates[r][0] / routed, rates[r][0] / naive);
        }
        if (!"false".equals(System.getProperty("bench.matrix"))) {
            for (int r = 0; r < RULE_SETS.length; r++) {
                for (int e = 1; e < EVENT_SETS.length; e++) {
                    rates[r][e] = forked("PREFILTERED", RULE_SETS[r], EVENT_SETS[e], warmup, measure, forks);
                }
            }
            System.out.printf("[bench] MATRIX pre-filtered events/s per core (median of forks) | %s%n",
                    String.join(" | ", EVENT_SETS));
            for (int r = 0; r < RULE_SETS.length; r++) {
                StringBuilder row = new StringBuilder("[bench] MATRIX " + RULE_SETS[r]);
                for (double rate : rates[r]) {
                    row.append(String.format(" | %,10.0f", rate));
                }
                System.out.println(row);
            }
        }
        double prefiltered = rates[1][0]; // the whole set, as the scheduled queries run it
        if (!"false".equals(System.getProperty("bench.scheduled"))) {
            scheduled(loadSigmaHq(), fields(regressionEvents()), prefiltered);
        }
        System.out.printf("[bench] load average at end: %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Runs one figure in {@code forks} fresh JVMs (this test JVM's class path and heap settings); the median. */
    static double forked(String strategy, String ruleSet, String eventSet, double warmup, double measure, int forks)
            throws IOException, InterruptedException {
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < forks; i++) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g", "-XX:+UseParallelGC",
                    "-cp", System.getProperty("java.class.path")));
            if (System.getProperty("soc.corpus.dir") != null) {
                command.add("-Dsoc.corpus.dir=" + System.getProperty("soc.corpus.dir"));
            }
            command.addAll(List.of(DetectionBenchmark.class.getName(), strategy, ruleSet, eventSet,
                    Double.toString(warmup), Double.toString(measure)));
            Process fork = new ProcessBuilder(command).redirectErrorStream(true).start();
            Double rate = null;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(fork.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("[bench]")) {
                        System.out.println(line);
                    }
                    if (line.startsWith("[rate] ")) {
                        rate = Double.parseDouble(line.substring(7));
                    }
                }
            }
            if (fork.waitFor() != 0 || rate == null) {
                throw new IllegalStateException("benchmark fork failed: " + command);
            }
            rates.add(rate);
        }
        List<Double> sorted = rates.stream().sorted().toList();
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        System.out.printf("[bench] %-11s %s rules, %s events: median %,10.0f events/s per core over %d fork(s) "
                        + "(range %,.0f-%,.0f)%n", strategy, ruleSet, eventSet, median, forks, sorted.get(0),
                sorted.get(sorted.size() - 1));
        return median;
    }

    /** One fork: {@code <strategy> <whole|issue> <regression|windows-logs|all-logs> <warm-up s> <measured s>}. */
    public static void main(String[] args) throws IOException {
        SigmaEngine.Strategy strategy = SigmaEngine.Strategy.valueOf(args[0]);
        long t0 = System.nanoTime();
        SigmaEngine engine = "issue".equals(args[1]) ? loadIssueRuleSet() : loadSigmaHq();
        long loaded = (System.nanoTime() - t0) / 1_000_000;
        List<Map<String, Object>> events = switch (args[2]) {
            case "regression" -> fields(regressionEvents());
            case "windows-logs" -> corpusLogs(true);
            case "all-logs" -> corpusLogs(false);
            default -> throw new IllegalArgumentException("event set " + args[2]);
        };
        long evaluated = 0;
        for (Map<String, Object> e : events) {
            evaluated += engine.evaluatedRules(e).size();
        }
        System.out.printf("[bench]   fork: %s rules (%d, loaded in %d ms), %s: %d events, %.1f rules evaluated per "
                        + "event after the pre-filter%n", args[1], engine.rules().size(), loaded, args[2], events.size(),
                (double) evaluated / events.size());
        double rate = run(engine, events, strategy, Double.parseDouble(args[3]), Double.parseDouble(args[4]));
        System.out.println("[rate] " + rate);
    }

    private static List<Map<String, Object>> fields(List<SocEvent> events) {
        List<Map<String, Object>> out = new ArrayList<>(events.size());
        for (SocEvent e : events) {
            out.add(e.fields());
        }
        return out;
    }

    /** Every normalised line of ../shared/corpus/logs, or only the Windows ones (OTRF Security and Sysmon). */
    private static List<Map<String, Object>> corpusLogs(boolean windowsOnly) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CorpusLogs.File file : CorpusLogs.all()) {
            if (!windowsOnly || file.relative().startsWith("windows/")) {
                out.addAll(fields(file.events()));
            }
        }
        return out;
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

    /** The SigmaHQ rules the issue names: Windows, Linux and network (rules/windows, rules/linux, rules/network). */
    static SigmaEngine loadIssueRuleSet() {
        return load(Corpus.sigma().resolve("rules").resolve("rules"), "windows", "linux", "network");
    }

    /** The whole SigmaHQ set of the corpus: rules, rules-emerging-threats and rules-threat-hunting. */
    static SigmaEngine loadSigmaHq() {
        return load(Corpus.sigma().resolve("rules"), "rules", "rules-emerging-threats", "rules-threat-hunting");
    }

    private static SigmaEngine load(Path base, String... trees) {
        SigmaEngine.Builder b = SigmaEngine.builder();
        for (String tree : trees) {
            b.load(base.resolve(tree));
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

    /**
     * Events per second of thread CPU time. The events are first read again from their JSON bytes the way the
     * detection service reads each record ({@code EventJson.readEvent}): a fresh, contiguous copy per measurement,
     * as a just-parsed event is, rather than maps wherever earlier work and collections left them (this alone did not
     * remove the spread between measurements in one JVM; {@link #forked} does).
     */
    static double run(SigmaEngine engine, List<Map<String, Object>> source, SigmaEngine.Strategy strategy,
                      double warmupSeconds, double measureSeconds) {
        List<Map<String, Object>> events = new ArrayList<>(source.size());
        for (Map<String, Object> e : source) {
            events.add(EventJson.readEvent(EventJson.writeBytes(e)).fields());
        }
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
        System.out.printf("[bench]   %-11s %,10.0f events/s per core (thread CPU %.1f s, wall %.1f s: %,.0f events/s;"
                + " %d events, %d matches)%n", strategy, perCore, cpu, wall, n / wall, n, sink[0]);
        return perCore;
    }
}
