package soc.ingest.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import soc.events.RawEnvelope;
import soc.ingest.parse.Normalised;
import soc.ingest.parse.Normaliser;

/**
 * Parse + normalise throughput: one operation = one real corpus line through
 * {@link Normaliser#normalise(RawEnvelope)}, cycling through all accepted lines of the format (see {@link Corpus}).
 * The envelopes are built in the set-up, as the normaliser worker receives them from Kafka. One shared, thread-safe
 * normaliser (as in the service); each thread walks the lines with its own cursor, so {@code -t 2} measures two
 * cores. Run: {@code java -jar soc-ingest/target/benchmarks.jar NormaliseBenchmark [-t 2]}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class NormaliseBenchmark {

    @Param({"syslog5424", "syslog3164", "cef", "windows", "suricata", "zeek"})
    public String format;

    Normaliser normaliser;
    RawEnvelope[] envelopes;

    @Setup(Level.Trial)
    public void load() {
        Corpus.Set set = Corpus.load(format);
        normaliser = new Normaliser();
        envelopes = set.envelopes();
        System.out.printf("%n[corpus] %s: %d lines (declared '%s'), avg %.0f chars, %d rejected lines dropped%n",
                format, envelopes.length, set.declared(), set.averageChars(), set.rejected());
    }

    /**
     * Per-thread position in the corpus, and a secondary result robust to a shared machine: events per second of
     * this thread's own CPU time ({@code normalise:eventsPerCpuSecond}, summed over threads). On an idle core it
     * equals the primary (wall-clock) score; when other processes take the core, only the wall-clock score drops.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cursor {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        int next;
        long ops;
        long cpuStart;
        /** Operations per second of thread CPU time in the last iteration. */
        public double eventsPerCpuSecond;

        @Setup(Level.Iteration)
        public void start() {
            ops = 0;
            eventsPerCpuSecond = 0;
            cpuStart = THREADS.getCurrentThreadCpuTime();
        }

        @TearDown(Level.Iteration)
        public void stop() {
            long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
            eventsPerCpuSecond = cpu > 0 ? ops / (cpu / 1e9) : 0;
        }
    }

    @Benchmark
    public Normalised normalise(Cursor cursor) {
        RawEnvelope[] all = envelopes;
        int i = cursor.next;
        cursor.next = i + 1 == all.length ? 0 : i + 1;
        cursor.ops++;
        return normaliser.normalise(all[i]);
    }
}
