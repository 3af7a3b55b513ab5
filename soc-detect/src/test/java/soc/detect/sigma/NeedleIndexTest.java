package soc.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * The multi-needle search against {@code String.contains} on the lower-cased value, for short (1-3 character tables)
 * and long needles (4-gram table), on the lower-cased value, case-folded on the fly and as a lower-cased character
 * array (the event's shared copy), over random values with
 * upper case, Latin-1, other non-ASCII characters and the two whose lower case is ASCII or longer (U+0130, U+212A).
 */
class NeedleIndexTest {
    private static final String ALPHABET = "abcdeABCDE:\\.- ";
    private static final char[] ODD = {'\u00c9', '\u00e9', '\u0130', '\u212a', '\u03a3', '\u4e2d', 'K', 'k', 'i'};

    @Test
    void findsExactlyTheNeedlesTheLowerCasedValueContains() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            boolean longOnly = round % 2 == 0; // long needles only: the 4-gram table alone
            List<String> needles = new ArrayList<>();
            NeedleIndex index = new NeedleIndex(needles, false);
            int count = 1 + random.nextInt(30);
            for (int i = 0; i < count; i++) {
                int len = longOnly ? NeedleIndexTest.lengthAtLeast(random, 5) : 1 + random.nextInt(12);
                String n = randomText(random, len, false).toLowerCase(Locale.ROOT);
                if (!needles.contains(n)) {
                    needles.add(n);
                    index.add(needles.size() - 1, n);
                }
            }
            index.freeze();
            for (int v = 0; v < 200; v++) {
                String value = randomText(random, random.nextInt(120), random.nextInt(4) == 0);
                if (random.nextInt(3) == 0 && !needles.isEmpty()) { // plant a needle, maybe in upper case
                    String n = needles.get(random.nextInt(needles.size()));
                    int at = random.nextInt(value.length() + 1);
                    value = value.substring(0, at) + (random.nextBoolean() ? n.toUpperCase(Locale.ROOT) : n)
                            + value.substring(at);
                }
                String lower = value.toLowerCase(Locale.ROOT);
                Set<Integer> expected = new TreeSet<>();
                for (int id = 0; id < needles.size(); id++) {
                    if (lower.contains(needles.get(id))) {
                        expected.add(id);
                    }
                }
                assertThat(scan(index, needles.size(), lower, false)).as("%s in %s", needles, lower)
                        .isEqualTo(expected);
                assertThat(scan(index, needles.size(), value, true)).as("%s folding %s", needles, value)
                        .isEqualTo(expected);
                if (lower.chars().allMatch(c -> c < 0x80)) { // the event's shared lower-case copy (ASCII only)
                    assertThat(scanChars(index, needles.size(), lower)).as("%s in chars %s", needles, lower)
                            .isEqualTo(expected);
                }
            }
        }
    }

    /**
     * Short needles in an ASCII character array (direct-addressed tables): overlapping 1-3 character needles,
     * windash variants whose dashes are not ASCII (they cannot occur there, and must not hide the ASCII ones),
     * needles at the very start and end of the value, and a large 4-gram table (thousands of grams, as for
     * {@code CommandLine}) scanned in the same pass.
     */
    @Test
    void shortNeedlesInCharacterArraysAlongsideALargeGramTable() {
        List<String> needles = new ArrayList<>(List.of("-", " -e", "-e", "/c", " /c", " \u2013e", "\u2014c", "e", "c x",
                "powershell", "-enc ", "x"));
        Random random = new Random(7);
        while (needles.size() < 5000) { // a large table: many grams, lists and probe chains
            String n = randomText(random, 4 + random.nextInt(8), false).toLowerCase(Locale.ROOT);
            if (!needles.contains(n)) {
                needles.add(n);
            }
        }
        NeedleIndex index = new NeedleIndex(needles, false);
        for (int id = 0; id < needles.size(); id++) {
            index.add(id, needles.get(id));
        }
        index.freeze();
        for (String value : List.of("cmd.exe /c x", "-e", "x", "powershell.exe -enc abc -e /c", "c x-", "",
                "ab", "\u2013e -E", "POWERSHELL -ENC /C")) {
            String lower = value.toLowerCase(Locale.ROOT);
            Set<Integer> expected = new TreeSet<>();
            for (int id = 0; id < needles.size(); id++) {
                if (lower.contains(needles.get(id))) {
                    expected.add(id);
                }
            }
            assertThat(scan(index, needles.size(), lower, false)).as(value).isEqualTo(expected);
            if (lower.chars().allMatch(c -> c < 0x80)) {
                assertThat(scanChars(index, needles.size(), lower)).as("chars " + value).isEqualTo(expected);
            }
        }
        for (int v = 0; v < 2000; v++) { // random ASCII values with planted needles
            String value = randomText(random, random.nextInt(80), false);
            String n = needles.get(random.nextInt(needles.size()));
            int at = random.nextInt(value.length() + 1);
            String lower = (value.substring(0, at) + n + value.substring(at)).toLowerCase(Locale.ROOT);
            if (!lower.chars().allMatch(c -> c < 0x80)) {
                continue;
            }
            Set<Integer> expected = new TreeSet<>();
            for (int id = 0; id < needles.size(); id++) {
                if (lower.contains(needles.get(id))) {
                    expected.add(id);
                }
            }
            assertThat(scanChars(index, needles.size(), lower)).as(lower).isEqualTo(expected);
        }
    }

    /**
     * Gram tables of ASCII grams use a compact slot layout, with the grams that have a non-ASCII character in an
     * overflow table: long and short needles with non-ASCII characters (windash dashes, accents, CJK) next to
     * thousands of ASCII needles (lists of needles under one gram, long probe chains) must be found exactly as
     * {@code String.contains} finds them, on lower-cased strings, folded on the fly and in character arrays; a
     * needle of NUL characters (gram 0, the compact layout's empty slot) keeps its table in the wide layout.
     */
    @Test
    void nonAsciiGramsBesideCompactTables() {
        for (boolean nul : new boolean[] {false, true}) {
            List<String> needles = new ArrayList<>(List.of("\u2013encodedcommand", "\u2014enc ", "caf\u00e9s",
                    "\u00e9\u00e9\u00e9\u00e9", "\u4e2d\u6587abc", "abc\u4e2d", "-encodedcommand", " -enc ", "cafes", "\u2013e",
                    "\u00e9", "ab\u00e9"));
            if (nul) {
                needles.add("\0\0\0\0x");
            }
            Random random = new Random(11);
            while (needles.size() < 4000) {
                String n = randomText(random, 4 + random.nextInt(8), random.nextInt(10) == 0).toLowerCase(Locale.ROOT);
                if (!needles.contains(n)) {
                    needles.add(n);
                }
            }
            NeedleIndex index = new NeedleIndex(needles, false);
            for (int id = 0; id < needles.size(); id++) {
                index.add(id, needles.get(id));
            }
            index.freeze();
            String stats = index.stats();
            assertThat(stats).as("4-gram table layout").matches(nul ? "4-grams: \\d+ grams, .*" : "4-grams: \\d+ grams \\(compact, \\d+ non-ASCII\\).*");
            List<String> values = new ArrayList<>(List.of("powershell \u2013EncodedCommand abc", "CAF\u00c9S caf\u00e9s",
                    "\u00c9\u00c9\u00c9\u00c9", "x\u4e2d\u6587ABC", "ABC\u4e2d", "powershell -EncodedCommand", "-enc ",
                    "\0\0\0\0x", "", "\u2013e"));
            for (int v = 0; v < 2000; v++) {
                String value = randomText(random, random.nextInt(80), random.nextBoolean());
                String n = needles.get(random.nextInt(needles.size()));
                int at = random.nextInt(value.length() + 1);
                values.add(value.substring(0, at) + (random.nextBoolean() ? n.toUpperCase(Locale.ROOT) : n)
                        + value.substring(at));
            }
            for (String value : values) {
                String lower = value.toLowerCase(Locale.ROOT);
                Set<Integer> expected = new TreeSet<>();
                for (int id = 0; id < needles.size(); id++) {
                    if (lower.contains(needles.get(id))) {
                        expected.add(id);
                    }
                }
                assertThat(scan(index, needles.size(), lower, false)).as(lower).isEqualTo(expected);
                assertThat(scan(index, needles.size(), value, true)).as("folding " + value).isEqualTo(expected);
                if (lower.chars().allMatch(c -> c < 0x80)) {
                    assertThat(scanChars(index, needles.size(), lower)).as("chars " + lower).isEqualTo(expected);
                }
            }
        }
    }

    private static int lengthAtLeast(Random random, int min) {
        return min + random.nextInt(10);
    }

    private static Set<Integer> scan(NeedleIndex index, int needles, String value, boolean fold) {
        int[] hits = new int[needles];
        EventContext.HitLog log = new EventContext.HitLog();
        if (!fold || !index.scanFoldingAscii(value, hits, 1, log)) {
            index.scan(value.toLowerCase(Locale.ROOT), hits, 1, log);
        }
        Set<Integer> found = new TreeSet<>();
        for (int i = 0; i < log.size; i++) {
            found.add(log.ids[i]);
        }
        return found;
    }

    /** Scans a copy in a longer, dirty array, as {@code EventContext.lowerChars} reuses its buffers. */
    private static Set<Integer> scanChars(NeedleIndex index, int needles, String lower) {
        int[] hits = new int[needles];
        EventContext.HitLog log = new EventContext.HitLog();
        char[] buffer = new char[lower.length() + 16];
        java.util.Arrays.fill(buffer, 'a');
        lower.getChars(0, lower.length(), buffer, 0);
        index.scan(buffer, lower.length(), hits, 1, log);
        Set<Integer> found = new TreeSet<>();
        for (int i = 0; i < log.size; i++) {
            found.add(log.ids[i]);
        }
        return found;
    }

    private static String randomText(Random random, int length, boolean odd) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(odd && random.nextInt(8) == 0 ? ODD[random.nextInt(ODD.length)]
                    : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
