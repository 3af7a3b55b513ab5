package soc.ingest.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import soc.events.EventJson;
import soc.events.RawEnvelope;
import soc.ingest.parse.Normalised;
import soc.ingest.parse.Normaliser;

/**
 * Real log lines from the shared corpus ({@code -Dsoc.corpus.dir}, default {@code ../shared/corpus}), read in place
 * and never copied into the project. One {@link Set} per benchmarked format:
 * <ul>
 *   <li>{@code syslog5424}: the 2,378 RFC 5424 messages Zeek captured on the wire (WRCCDC 2018
 *       {@code zeek/wrccdc-2018/json/syslog.json}); Zeek logs them without the PRI, which is rebuilt from Zeek's
 *       {@code facility}/{@code severity} fields ({@code <134>1 2018-03-24T08:59:37-07:00 host app - - - msg}), plus
 *       the OpenTelemetry RFC 5424 test vectors;</li>
 *   <li>{@code syslog3164}: {@code syslog/azure-sentinel/OpenVPN.txt} (BSD lines as written to a file, no PRI) and
 *       the OpenTelemetry RFC 3164 vectors;</li>
 *   <li>{@code cef}: {@code cef/azure-sentinel/RadiflowIsid_RawLogs.txt} (RFC 3164 header + CEF, OT IDS);</li>
 *   <li>{@code windows}: OTRF Security-Datasets NDJSON (NXLog flat Windows/Sysmon events);</li>
 *   <li>{@code suricata}: Suricata EVE JSON ({@code suricata/**}/{@code *.json});</li>
 *   <li>{@code zeek}: Zeek JSON logs ({@code zeek/wrccdc-2018/json/*.json}).</li>
 * </ul>
 * Lines the normaliser rejects are dropped (and counted), so every set measures the accepted path.
 */
public final class Corpus {
    public static final String TENANT = "bench";
    public static final String SOURCE = "00000000-0000-0000-0000-00000000bench";
    /** Fixed edge time: RFC 3164 year inference is relative to it. */
    public static final Instant RECEIVED_AT = Instant.parse("2026-11-23T10:00:00Z");

    /** Formats in the order the docs list them. */
    public static final List<String> FORMATS = List.of("syslog5424", "syslog3164", "cef", "windows", "suricata", "zeek");

    /** The lines of one format, the format a source would declare for them, and their envelopes. */
    public record Set(String name, String declared, List<String> lines, int rejected) {
        public RawEnvelope[] envelopes() {
            RawEnvelope[] envelopes = new RawEnvelope[lines.size()];
            for (int i = 0; i < envelopes.length; i++) {
                envelopes[i] = envelope(i, declared, lines.get(i));
            }
            return envelopes;
        }

        public double averageChars() {
            return lines.stream().mapToInt(String::length).average().orElse(0);
        }
    }

    private Corpus() {
    }

    public static RawEnvelope envelope(long sequence, String declared, String line) {
        return new RawEnvelope("bench-" + sequence, TENANT, SOURCE, RECEIVED_AT, "http", declared, line);
    }

    public static Path dir() {
        Path dir = Path.of(System.getProperty("soc.corpus.dir", "../shared/corpus"));
        if (!Files.isDirectory(dir.resolve("logs"))) {
            throw new IllegalStateException("corpus not found at " + dir.toAbsolutePath()
                    + " (set -Dsoc.corpus.dir=/path/to/shared/corpus)");
        }
        return dir;
    }

    public static Set load(String name) {
        Path logs = dir().resolve("logs");
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "syslog5424" -> accepted(name, "syslog", syslog5424(logs));
            case "syslog3164" -> accepted(name, "syslog", syslog3164(logs));
            case "syslog" -> {
                List<String> lines = new ArrayList<>(syslog5424(logs));
                lines.addAll(syslog3164(logs));
                yield accepted(name, "syslog", lines);
            }
            case "cef" -> accepted(name, "cef", nonEmptyLines(logs.resolve("cef/azure-sentinel/RadiflowIsid_RawLogs.txt")));
            case "windows" -> accepted(name, "windows", jsonLines(logs.resolve("windows/otrf-security-datasets")));
            case "suricata" -> accepted(name, "suricata", jsonLines(logs.resolve("suricata")));
            case "zeek" -> accepted(name, "zeek", jsonLines(logs.resolve("zeek/wrccdc-2018/json")));
            default -> throw new IllegalArgumentException("unknown corpus set " + name + "; one of " + FORMATS
                    + " or syslog");
        };
    }

    static List<String> syslog5424(Path logs) {
        List<String> lines = new ArrayList<>();
        for (String json : nonEmptyLines(logs.resolve("zeek/wrccdc-2018/json/syslog.json"))) {
            Map<String, Object> record = EventJson.readObject(json);
            Object message = record.get("message");
            if (message instanceof String m && m.startsWith("1 ")) {
                int pri = facility(String.valueOf(record.get("facility"))) * 8
                        + severity(String.valueOf(record.get("severity")));
                lines.add("<" + pri + ">" + m);
            }
        }
        Path otel = logs.resolve("syslog/otel-syslogtest-payloads");
        lines.add(read(otel.resolve("RFC5424")));
        lines.add(read(otel.resolve("rfc5424-skip-pri-present")));
        return lines;
    }

    static List<String> syslog3164(Path logs) {
        List<String> lines = new ArrayList<>(nonEmptyLines(logs.resolve("syslog/azure-sentinel/OpenVPN.txt")));
        Path otel = logs.resolve("syslog/otel-syslogtest-payloads");
        lines.add(read(otel.resolve("RFC3164")));
        lines.add(read(otel.resolve("rfc3164-skip-pri-absent")));
        return lines;
    }

    private static Set accepted(String name, String declared, List<String> lines) {
        Normaliser normaliser = new Normaliser();
        List<String> kept = new ArrayList<>(lines.size());
        int rejected = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (normaliser.normalise(envelope(i, declared, lines.get(i))) instanceof Normalised.Accepted) {
                kept.add(lines.get(i));
            } else {
                rejected++;
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalStateException("no accepted lines for " + name);
        }
        return new Set(name, declared, List.copyOf(kept), rejected);
    }

    private static List<String> jsonLines(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> lines = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (String line : nonEmptyLines(file)) {
                    if (line.startsWith("{")) {
                        lines.add(line);
                    }
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> nonEmptyLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8);
            // the NUL-framed vector keeps its NUL (the normaliser strips it); drop only a trailing newline
            return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int facility(String name) {
        List<String> names = List.of("kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp",
                "cron", "authpriv", "ftp", "ntp", "security", "console", "solaris-cron", "local0", "local1", "local2",
                "local3", "local4", "local5", "local6", "local7");
        int i = names.indexOf(name.toLowerCase(Locale.ROOT));
        return i < 0 ? 1 : i;
    }

    private static int severity(String name) {
        List<String> names = List.of("emerg", "alert", "crit", "err", "warning", "notice", "info", "debug");
        String n = name.toLowerCase(Locale.ROOT);
        int i = names.indexOf(n);
        if (i >= 0) {
            return i;
        }
        return switch (n) {
            case "emergency" -> 0;
            case "critical" -> 2;
            case "error" -> 3;
            case "warn" -> 4;
            case "informational" -> 6;
            default -> 6;
        };
    }
}
