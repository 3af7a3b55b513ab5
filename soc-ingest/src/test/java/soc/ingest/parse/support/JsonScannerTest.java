package soc.ingest.parse.support;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link JsonScanner}, the fast path of {@link Json#readObject}, must build exactly what Jackson's tree builder
 * ({@link Json#readTree}) builds, with the same Java types and key order, and must leave to Jackson (return null)
 * everything Jackson rejects, so rejection reasons stay Jackson's. Checked on every JSON line of the corpus, on
 * edge cases, on mutated corpus lines and on random documents.
 */
class JsonScannerTest {

    @Test
    void everyCorpusJsonLineTakesTheFastPathAndMatchesJackson() throws IOException {
        List<String> lines = corpusJsonLines();
        assertThat(lines.size()).as("JSON lines in the corpus").isGreaterThan(8_000);
        for (String line : lines) {
            Map<String, Object> fast = JsonScanner.read(line);
            assertThat(fast).as("fast path for %s", abbreviate(line)).isNotNull();
            assertSameTree(fast, Json.readTree(line), line);
        }
    }

    @Test
    void edgeCasesMatchJackson() {
        String[] documents = {
            "{}", " {} ", "\t{\r\n}\n", "{\"a\":{}}", "{\"a\":[]}", "{\"a\":[[],[{}],{\"b\":[1,[2]]}]}",
            "{\"n\":0,\"m\":-0,\"i\":7,\"j\":-7,\"max\":2147483647,\"over\":2147483648,\"min\":-2147483648,"
                    + "\"under\":-2147483649}",
            "{\"l\":9223372036854775807,\"k\":-9223372036854775808,\"e18\":999999999999999999,"
                    + "\"e19\":1000000000000000000,\"n18\":-999999999999999999}",
            "{\"d\":1.5,\"z\":-0.0,\"e\":1e5,\"E\":1E+2,\"s\":2.5e-3,\"t\":0.1,\"long\":123456789012345678901234.5,"
                    + "\"tiny\":4.9e-324,\"huge\":1e400,\"neg\":-1.7976931348623157e308,\"zero\":0e0,\"x\":0.0}",
            "{\"t\":true,\"f\":false,\"n\":null,\"a\":[true,false,null]}",
            "{\"esc\":\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t end\",\"u\":\"\\u0041\\u00e9\\u20AC\\ud83d\\ude00\"}",
            "{\"lone\":\"\\ud800 x \\udfff\",\"raw\":\"é € 😀 \uD800 \u007f\"}",
            "{\"\":\"empty key\",\"e\":\"\",\"k\\\"ey\":1,\"k\\u0065y\":2,\"key\":3}",
            "{\"dup\":1,\"other\":2,\"dup\":3}",
            "{ \"a\" : 1 , \"b\" : [ 1 , 2 ] , \"c\" : { \"d\" : \"e\" } }",
            "{\"msg\":\"" + "x\\r\\n\\t".repeat(2000) + "\"}",
            "{\"" + "k".repeat(JsonScanner.MAX_KEY_LENGTH) + "\":1}",
        };
        for (String document : documents) {
            Map<String, Object> fast = JsonScanner.read(document);
            assertThat(fast).as("fast path for %s", abbreviate(document)).isNotNull();
            assertSameTree(fast, Json.readTree(document), document);
            assertSameTree(Json.readObject(document), Json.readTree(document), document);
        }
    }

    @Test
    void leavesEverythingElseToJackson() {
        String[] invalid = {
            "", "   ", "[]", "{", "{\"a\"", "{\"a\":", "{\"a\":1", "{\"a\":1,}", "{,}", "{\"a\" 1}", "{a:1}",
            "{'a':1}", "{\"a\":01}", "{\"a\":-01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":+1}", "{\"a\":-}",
            "{\"a\":1e}", "{\"a\":1e+}", "{\"a\":0x10}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":tru}",
            "{\"a\":truex}", "{\"a\":nul}", "{\"a\":\"x\ty\"}", "{\"a\":\"x\ny\"}", "{\"a\u0001\":1}",
            "{\"a\":\"\\a\"}", "{\"a\":\"\\u12G4\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"x}", "{\"a\":1}x", "{} {}",
            "{\"a\":1}\u0000", "{\"a\":[1,]}", "{\"a\":[1 2]}", "{\"a\":1 /* c */}", "{\"a\":1}//", "\u00a0{}",
            "{\"a\":1\u000b}", "{\"a\":\"b\":1}",
        };
        for (String document : invalid) {
            assertThat(JsonScanner.read(document)).as(document).isNull();
            assertThatThrownBy(() -> Json.readObject(document)).as(document).isInstanceOf(ParseException.class);
        }
        String[] jacksonOnly = {
            "{\"big\":9223372036854775808}", "{\"big\":-9223372036854775809}",
            "{\"big\":123456789012345678901234567890}", "{\"k\":\"" + "x".repeat(100) + "\","
                    + "\"" + "k".repeat(JsonScanner.MAX_KEY_LENGTH + 1) + "\":1}",
            "{\"n\":1." + "5".repeat(JsonScanner.MAX_NUMBER_LENGTH) + "}",
            "{\"a\":" + "[".repeat(JsonScanner.MAX_DEPTH) + "]".repeat(JsonScanner.MAX_DEPTH) + "}",
        };
        for (String document : jacksonOnly) {
            assertThat(JsonScanner.read(document)).as(document).isNull();
            assertSameTree(Json.readObject(document), Json.readTree(document), document);
        }
        assertThat(Json.readObject("{\"big\":9223372036854775808}").get("big"))
                .isEqualTo(new BigInteger("9223372036854775808"));
        assertThatThrownBy(() -> Json.readObject("{\"a\":" + "[".repeat(600) + "]".repeat(600) + "}"))
                .isInstanceOf(ParseException.class).hasMessageContaining("depth");
    }

    @Test
    void mutatedCorpusLinesAreNeverAcceptedDifferentlyFromJackson() throws IOException {
        List<String> lines = corpusJsonLines();
        Random random = new Random(20261201L);
        char[] special = {'{', '}', '[', ']', '"', '\\', ':', ',', ' ', '\t', '\n', '\u0000', '0', '9', '-', '+', '.',
                'e', 'E', 'u', 'n', 't', 'f', 'é', '\uD800'};
        int fast = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder b = new StringBuilder(lines.get(random.nextInt(lines.size())));
            for (int m = 1 + random.nextInt(3); m > 0 && b.length() > 0; m--) {
                int at = random.nextInt(b.length());
                switch (random.nextInt(3)) {
                    case 0 -> b.deleteCharAt(at);
                    case 1 -> b.insert(at, special[random.nextInt(special.length)]);
                    default -> b.setCharAt(at, special[random.nextInt(special.length)]);
                }
            }
            String text = b.toString();
            if (agree(text)) {
                fast++;
            }
        }
        assertThat(fast).as("mutants still read by the fast path").isGreaterThan(1_000);
    }

    @Test
    void randomDocumentsMatchJackson() {
        Random random = new Random(42L);
        int fast = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder b = new StringBuilder();
            object(b, random, 0);
            if (agree(b.toString())) {
                fast++;
            }
        }
        assertThat(fast).as("random documents read by the fast path").isGreaterThan(19_000);
    }

    @Test
    void sharedKeyCacheIsSafeAcrossThreads() throws Exception {
        List<String> lines = corpusJsonLines();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    int checked = 0;
                    for (int k = offset; k < lines.size(); k += 3) {
                        String line = lines.get(k);
                        assertSameTree(Json.readObject(line), Json.readTree(line), line);
                        checked++;
                    }
                    return checked;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** True when the fast path read {@code text}; fails when it read it differently from Jackson. */
    private static boolean agree(String text) {
        Map<String, Object> fast = JsonScanner.read(text);
        Map<String, Object> jackson;
        try {
            jackson = Json.readTree(text);
        } catch (RuntimeException e) {
            assertThat(fast).as("fast path accepted what Jackson rejects (%s): %s", e.getMessage(), abbreviate(text))
                    .isNull();
            return false;
        }
        if (fast == null) {
            return false;
        }
        assertSameTree(fast, jackson, text);
        return true;
    }

    private static void object(StringBuilder b, Random random, int depth) {
        b.append('{');
        int members = random.nextInt(depth == 0 ? 12 : 5);
        for (int m = 0; m < members; m++) {
            if (m > 0) {
                b.append(random.nextInt(4) == 0 ? " , " : ",");
            }
            string(b, random);
            b.append(random.nextInt(4) == 0 ? " : " : ":");
            value(b, random, depth + 1);
        }
        b.append('}');
    }

    private static void value(StringBuilder b, Random random, int depth) {
        switch (random.nextInt(depth > 4 ? 6 : 8)) {
            case 0 -> string(b, random);
            case 1 -> b.append(random.nextInt());
            case 2 -> b.append(random.nextLong() >> random.nextInt(64));
            case 3 -> b.append(random.nextBoolean() ? random.nextDouble() * Math.pow(10, random.nextInt(40) - 20)
                    : (double) random.nextInt(1000) / 8);
            case 4 -> b.append(random.nextBoolean() ? "true" : random.nextBoolean() ? "false" : "null");
            case 5 -> b.append(random.nextBoolean() ? "-0" : random.nextBoolean() ? "1e3" : "-2.5E-2");
            case 6 -> {
                b.append('[');
                int elements = random.nextInt(4);
                for (int e = 0; e < elements; e++) {
                    if (e > 0) {
                        b.append(',');
                    }
                    value(b, random, depth + 1);
                }
                b.append(']');
            }
            default -> object(b, random, depth);
        }
    }

    private static void string(StringBuilder b, Random random) {
        String[] pieces = {"a", "Event", "ID", "é", "€", "😀", "\\n", "\\t", "\\\"", "\\\\", "\\/", "\\u0041",
                "\\ud83d\\ude00", "\\u00E9", " ", ".", "\\r\\n", "x", "0"};
        b.append('"');
        int length = random.nextInt(6);
        for (int k = 0; k < length; k++) {
            b.append(pieces[random.nextInt(pieces.length)]);
        }
        b.append('"');
    }

    /** Same keys in the same order, same values of the same classes, recursively. */
    private static void assertSameTree(Object actual, Object expected, String document) {
        if (!same(actual, expected)) {
            assertThat(String.valueOf(actual)).as("tree of %s", abbreviate(document))
                    .isEqualTo(String.valueOf(expected));
            assertThat(actual).as("tree (value classes) of %s", abbreviate(document)).isEqualTo(expected);
            throw new AssertionError("value classes differ for " + abbreviate(document));
        }
    }

    private static boolean same(Object actual, Object expected) {
        if (expected == null || actual == null) {
            return actual == expected;
        }
        if (actual.getClass() != expected.getClass()) {
            return false;
        }
        if (expected instanceof Map<?, ?> map) {
            Map<?, ?> other = (Map<?, ?>) actual;
            if (!new ArrayList<>(other.keySet()).equals(new ArrayList<>(map.keySet()))) {
                return false;
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!same(other.get(e.getKey()), e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (expected instanceof List<?> list) {
            List<?> other = (List<?>) actual;
            if (other.size() != list.size()) {
                return false;
            }
            for (int k = 0; k < list.size(); k++) {
                if (!same(other.get(k), list.get(k))) {
                    return false;
                }
            }
            return true;
        }
        return actual.equals(expected);
    }

    private static List<String> corpusJsonLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpusLogs())) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\n")) {
                    if (line.startsWith("{")) {
                        lines.add(line);
                    }
                }
            }
        }
        return lines;
    }

    /** The shared corpus logs directory, as the parse tests find it ({@code soc.corpus.dir} or ../shared/corpus). */
    private static Path corpusLogs() {
        String configured = System.getProperty("soc.corpus.dir");
        Path base = configured != null ? Path.of(configured) : Path.of("..", "shared", "corpus");
        if (!Files.isDirectory(base)) {
            base = Path.of("..", "..", "shared", "corpus");
        }
        return base.resolve("logs");
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
