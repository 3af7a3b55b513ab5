package soc.detect.sigma;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the shared corpus: system property soc.corpus.dir (set by the parent pom), else ../shared/corpus. */
final class Corpus {
    private Corpus() {
    }

    static Path dir() {
        String prop = System.getProperty("soc.corpus.dir");
        if (prop != null && Files.isDirectory(Paths.get(prop))) {
            return Paths.get(prop).normalize();
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("corpus");
            if (Files.isDirectory(candidate.resolve("sigma"))) {
                return candidate;
            }
        }
        return Paths.get("../shared/corpus");
    }

    static Path sigma() {
        return dir().resolve("sigma");
    }
}
