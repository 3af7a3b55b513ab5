package soc.ingest.parse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import soc.events.RawEnvelope;
import soc.events.SocEvent;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helpers: envelopes, the corpus directory and accepted-event extraction. */
final class Envelopes {
    static final Instant RECEIVED = Instant.parse("2024-05-20T10:00:00Z");
    private static final AtomicLong IDS = new AtomicLong();

    private Envelopes() {
    }

    static RawEnvelope raw(String format, String payload) {
        return raw(format, payload, RECEIVED);
    }

    static RawEnvelope raw(String format, String payload, Instant receivedAt) {
        return new RawEnvelope("ev-" + IDS.incrementAndGet(), "acme", "src-1", receivedAt, "http", format, payload);
    }

    static SocEvent accept(Normalised result) {
        assertThat(result).isInstanceOf(Normalised.Accepted.class);
        return ((Normalised.Accepted) result).event();
    }

    static String reject(Normalised result) {
        assertThat(result).isInstanceOf(Normalised.Rejected.class);
        return ((Normalised.Rejected) result).reason();
    }

    /** The shared corpus logs directory: system property {@code soc.corpus.dir}, else ../shared/corpus. */
    static Path corpusLogs() {
        String configured = System.getProperty("soc.corpus.dir");
        Path base = configured != null ? Path.of(configured) : Path.of("..", "shared", "corpus");
        if (!Files.isDirectory(base)) {
            // run from the module directory instead of the repository root
            Path fromModule = Path.of("..", "..", "shared", "corpus");
            if (Files.isDirectory(fromModule)) {
                base = fromModule;
            }
        }
        return base.resolve("logs");
    }
}
