package soc.ingest.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import soc.events.EventJson;
import soc.events.RawEnvelope;
import soc.ingest.parse.Normalised;
import soc.ingest.parse.Normaliser;

/**
 * Normalises a file line by line on the calling thread, the Java side of {@code bench/syslog-ng-compare.sh}:
 * <pre>
 * java -cp soc-ingest/target/benchmarks.jar soc.ingest.bench.NormaliseFile --format syslog --in lines.log [--out events.ndjson]
 * java -cp soc-ingest/target/benchmarks.jar soc.ingest.bench.NormaliseFile --corpus syslog --repeat-to 1000000 --write lines.log
 * </pre>
 * With {@code --out} each accepted event is written as one JSON line (the platform's JSON codec), as syslog-ng's
 * file destination with {@code format-json} does. Prints one line: {@code lines=N accepted=A rejected=R seconds=S
 * lines_per_s=X process_cpu_s=C}. {@code --write} generates the input file from the corpus (lines repeated in order to the count).
 */
public final class NormaliseFile {

    private NormaliseFile() {
    }

    public static void main(String[] args) throws IOException {
        String format = "auto";
        Path in = null;
        Path out = null;
        String corpus = null;
        long repeatTo = 1_000_000;
        Path write = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--format" -> format = args[i + 1];
                case "--in" -> in = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--corpus" -> corpus = args[i + 1];
                case "--repeat-to" -> repeatTo = Long.parseLong(args[i + 1]);
                case "--write" -> write = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (corpus != null && write != null) {
            generate(corpus, repeatTo, write);
            return;
        }
        if (in == null) {
            throw new IllegalArgumentException("usage: --format F --in FILE [--out FILE] | --corpus SET --repeat-to N --write FILE");
        }
        normalise(format, in, out);
    }

    static void generate(String set, long count, Path file) throws IOException {
        Corpus.Set lines = Corpus.load(set);
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (long i = 0; i < count; i++) {
                String line = lines.lines().get((int) (i % lines.lines().size()));
                // one event per line: an embedded NUL/newline would split it for a line-based reader
                writer.write(line.replace("\0", "").replace("\n", " "));
                writer.write('\n');
            }
        }
        System.out.printf("wrote %d lines (%d distinct corpus lines of %s, %d rejected dropped) to %s%n",
                count, lines.lines().size(), set, lines.rejected(), file);
    }

    static void normalise(String format, Path in, Path out) throws IOException {
        Normaliser normaliser = new Normaliser();
        long lines = 0;
        long accepted = 0;
        long started = System.nanoTime();
        try (BufferedReader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
             Writer writer = out == null ? Writer.nullWriter() : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                RawEnvelope raw = Corpus.envelope(lines++, format, line);
                if (normaliser.normalise(raw) instanceof Normalised.Accepted a) {
                    accepted++;
                    if (out != null) {
                        writer.write(EventJson.write(a.event()));
                        writer.write('\n');
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // CPU of the whole JVM since it started (JIT compiler and GC threads included)
        double cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
        System.out.printf("lines=%d accepted=%d rejected=%d seconds=%.3f lines_per_s=%.0f process_cpu_s=%.3f%n",
                lines, accepted, lines - accepted, seconds, lines / seconds, cpu);
    }
}
