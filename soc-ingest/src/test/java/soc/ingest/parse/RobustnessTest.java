package soc.ingest.parse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import soc.events.RawEnvelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Property-style robustness: random bytes, truncated and mutated corpus lines, and pathological inputs, under
 * every declared format. normalise() must return (never throw) quickly for each, and results must be well formed.
 */
class RobustnessTest {
    private static final String[] FORMATS = {"auto", "json", "syslog", "cef", "leef", "windows", "suricata", "zeek",
            "zeek:conn", "zeek:modbus", "kv", "nonsense"};
    private static final char[] SPECIAL = {'{', '}', '[', ']', '"', '\\', '|', '=', '<', '>', '#', '\t', ' ', ':',
            '\n', '\0', '\'', ',', '\uFEFF', '\uD800', 'é', '0', '9', '-', '.'};
    private static final long MAX_MILLIS_PER_CALL = 2_000;

    private final Normaliser normaliser = new Normaliser();

    @Test
    void neverThrowsNeverHangsOnFuzzedInput() {
        Random random = new Random(20240520L);
        List<String> corpus = sampleCorpusLines(random);
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            int calls = 0;
            for (int round = 0; round < 4_000; round++) {
                String input = switch (round % 4) {
                    case 0 -> randomBytes(random);
                    case 1 -> truncate(corpus.get(random.nextInt(corpus.size())), random);
                    case 2 -> mutate(corpus.get(random.nextInt(corpus.size())), random);
                    default -> randomStructured(random);
                };
                for (String format : FORMATS) {
                    check(format, input);
                    calls++;
                }
            }
            assertThat(calls).isEqualTo(4_000 * FORMATS.length);
        });
    }

    @Test
    void pathologicalInputsAreLinear() {
        int n = 200_000;
        List<String> inputs = List.of(
                "{".repeat(n), "[".repeat(n), "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000),
                "CEF:0|a|b|c|d|e|5|" + "k=".repeat(n / 2), "CEF:0|a|b|c|d|e|5|" + "a b ".repeat(n / 4) + "x=1",
                "CEF:0|" + "\\|".repeat(n / 2), "LEEF:2.0|a|b|c|d|^|" + "k=v^".repeat(n / 4),
                "<13>1 - h a - - " + "[x".repeat(n / 2), "<13>1 - h a - - [x k=\"" + "\\\"".repeat(n / 2),
                "<13>Jan  1 00:00:00 " + " ".repeat(n), "<13>" + "a[".repeat(n / 2), "k=\"".repeat(n / 3),
                "#fields" + "\tx".repeat(n / 2), "=".repeat(n), "\\x".repeat(n / 2), "CEF:" + "9".repeat(n));
        for (String input : inputs) {
            for (String format : FORMATS) {
                check(format, input);
            }
        }
    }

    @Test
    void oversizedPayloadIsRejectedWithReason() {
        String big = "<13>Jan  1 00:00:00 h app: " + "é".repeat(140_000); // > 256 KiB in UTF-8, < in chars
        Normalised result = normaliser.normalise(Envelopes.raw("syslog", big));
        assertThat(((Normalised.Rejected) result).reason()).startsWith("syslog: payload too large")
                .contains("> " + Normaliser.MAX_PAYLOAD_BYTES);
        String fits = "<13>Jan  1 00:00:00 h app: " + "x".repeat(200_000);
        assertThat(normaliser.normalise(Envelopes.raw("syslog", fits))).isInstanceOf(Normalised.Accepted.class);
    }

    private void check(String format, String payload) {
        RawEnvelope raw = Envelopes.raw(format, payload);
        long start = System.nanoTime();
        Normalised result = normaliser.normalise(raw);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("time for %s on %s", format, abbreviate(payload)).isLessThan(MAX_MILLIS_PER_CALL);
        assertThat(result).isNotNull();
        if (result instanceof Normalised.Rejected rejected) {
            assertThat(rejected.reason()).isNotBlank().doesNotContain("\n").hasSizeLessThan(600);
        } else {
            var event = ((Normalised.Accepted) result).event();
            assertThat(event.tenantId()).isEqualTo("acme");
            assertThat(event.eventId()).isEqualTo(raw.eventId());
            assertThat(event.get("event.original")).isEqualTo(payload);
            assertThat(event.timestamp()).isNotNull();
            for (String key : event.fields().keySet()) {
                assertThat(key).isNotEmpty().doesNotStartWith(".").doesNotEndWith(".").doesNotContain("..");
            }
        }
    }

    private static List<String> sampleCorpusLines(Random random) {
        List<String> lines = new ArrayList<>();
        for (CorpusFiles.CorpusFile file : CorpusFiles.all()) {
            List<String> all = file.lines();
            for (int i = 0; i < Math.min(5, all.size()); i++) {
                lines.add(all.get(random.nextInt(all.size())));
            }
        }
        lines.add("<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 [exampleSDID@32473 iut=\"3\"] msg");
        lines.add("CEF:0|V|P|1|2|N|5|src=1.1.1.1 msg=a\\=b cs1=x y z");
        lines.add("LEEF:2.0|V|P|1|E|^|src=1.2.3.4^dst=5.6.7.8");
        lines.add("date=2024-05-20 time=09:15:02 srcip=10.1.1.5 action=\"accept\"");
        return lines;
    }

    private static String randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(300)];
        random.nextBytes(bytes);
        if (bytes.length > 0 && random.nextBoolean()) {
            bytes[0] = (byte) "{<C#LJ1F".charAt(random.nextInt(8));
        }
        return new String(bytes, random.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    private static String truncate(String line, Random random) {
        return line.substring(0, random.nextInt(line.length() + 1));
    }

    private static String mutate(String line, Random random) {
        StringBuilder b = new StringBuilder(line);
        int edits = 1 + random.nextInt(8);
        for (int i = 0; i < edits && b.length() > 0; i++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(4)) {
                case 0 -> b.setCharAt(at, SPECIAL[random.nextInt(SPECIAL.length)]);
                case 1 -> b.insert(at, SPECIAL[random.nextInt(SPECIAL.length)]);
                case 2 -> b.deleteCharAt(at);
                default -> b.insert(at, b.substring(at, Math.min(b.length(), at + random.nextInt(40))));
            }
        }
        return b.toString();
    }

    private static String randomStructured(Random random) {
        String[] prefixes = {"<", "<13>", "<13>1 ", "CEF:0|", "LEEF:1.0|", "LEEF:2.0|", "{\"", "#fields\t",
                "Feb 29 ", "123 <1>", "{\"Event\":{\"System\":", "{\"event_type\":\"modbus\",\"modbus\":",
                "{\"_path\":\"dnp3\",\"ts\":"};
        StringBuilder b = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
        int n = random.nextInt(120);
        for (int i = 0; i < n; i++) {
            b.append(random.nextInt(3) == 0 ? SPECIAL[random.nextInt(SPECIAL.length)] : (char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
