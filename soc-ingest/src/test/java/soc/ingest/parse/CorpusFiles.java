package soc.ingest.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import soc.infra.CorpusFormats;

/** Enumerates the corpus log files and the declared format each one is streamed with. */
final class CorpusFiles {
    record CorpusFile(Path path, String relative, String format) {
        List<String> lines() {
            try {
                String text = Files.readString(path, StandardCharsets.UTF_8);
                List<String> lines = new ArrayList<>();
                for (String line : text.split("\n", -1)) {
                    if (!line.isEmpty()) {
                        lines.add(line);
                    }
                }
                return lines;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return relative;
        }
    }

    private CorpusFiles() {
    }

    /** Every log file in the corpus (README, LICENSE and metadata files excluded). */
    static List<CorpusFile> all() {
        Path logs = Envelopes.corpusLogs();
        List<CorpusFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(logs)) {
            walk.filter(Files::isRegularFile).sorted().forEach(p -> {
                String rel = logs.relativize(p).toString().replace('\\', '/');
                String name = p.getFileName().toString();
                if (name.startsWith("README") || name.startsWith("LICENSE") || rel.contains("/metadata/")) {
                    return;
                }
                files.add(new CorpusFile(p, rel, CorpusFormats.declared(rel, name)));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static CorpusFile file(String relative) {
        for (CorpusFile f : all()) {
            if (f.relative().equals(relative)) {
                return f;
            }
        }
        throw new IllegalArgumentException("not in corpus: " + relative);
    }
}
