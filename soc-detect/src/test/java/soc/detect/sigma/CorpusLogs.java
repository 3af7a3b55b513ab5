package soc.detect.sigma;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import soc.events.RawEnvelope;
import soc.events.SocEvent;
import soc.ingest.parse.Normalised;
import soc.ingest.parse.Normaliser;
import soc.infra.CorpusFormats;

/**
 * The corpus log files (../shared/corpus/logs, read in place) streamed line by line through soc-ingest's
 * {@link Normaliser} with the format a source would declare (as soc-ingest's CorpusTest does): what detection sees.
 */
final class CorpusLogs {
    static final Instant RECEIVED = Instant.parse("2026-12-01T00:00:00Z");

    /** One corpus file, its declared format, and its events (lines the normaliser rejected are counted). */
    record File(String relative, String format, List<SocEvent> events, int rejected) {
    }

    private CorpusLogs() {
    }

    static Path dir() {
        return Corpus.dir().resolve("logs");
    }

    /** Every log file (README, LICENSE and metadata excluded), normalised, in path order. */
    static List<File> all() {
        Path logs = dir();
        List<File> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(logs)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = logs.relativize(p).toString().replace('\\', '/');
                String name = p.getFileName().toString();
                if (name.startsWith("README") || name.startsWith("LICENSE") || rel.contains("/metadata/")) {
                    continue;
                }
                out.add(read(rel));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** One file, normalised with a fresh normaliser (Zeek TSV headers are per source). */
    static File read(String relative) {
        Path p = dir().resolve(relative);
        String format = CorpusFormats.declared(relative, p.getFileName().toString());
        Normaliser normaliser = new Normaliser();
        String source = "corpus-" + Integer.toHexString(relative.hashCode());
        List<SocEvent> events = new ArrayList<>();
        int rejected = 0;
        int n = 0;
        try {
            for (String line : Files.readString(p, StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.isEmpty()) {
                    continue;
                }
                Normalised result = normaliser.normalise(new RawEnvelope(source + "-" + n++, "corpus", source,
                        RECEIVED, "http", format, line));
                if (result instanceof Normalised.Accepted accepted) {
                    events.add(accepted.event());
                } else if (!(format.startsWith("zeek:") && line.startsWith("#"))) {
                    rejected++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new File(relative, format, events, rejected);
    }
}
