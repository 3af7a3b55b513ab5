package soc.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The literal pre-filter: required-literal derivation and, above all, that it never changes a result. */
class PrefilterTest {
    private static final String RULES = """
            title: and of lists
            id: r1
            logsource: {product: windows, category: process_creation}
            detection:
                img: {Image|endswith: ['\\\\a.exe', '\\\\b.exe']}
                cli: {CommandLine|contains: ['-x', 'foo']}
                condition: img and cli
            ---
            title: not only
            id: r2
            logsource: {product: windows, category: process_creation}
            detection:
                f: {Image|endswith: '\\\\a.exe'}
                condition: not f
            ---
            title: keywords
            id: r3
            logsource: {product: windows, category: process_creation}
            detection:
                keywords: ['MimiKatz', 'kiwi']
                condition: keywords
            ---
            title: regex and wildcard
            id: r4
            logsource: {product: windows, category: process_creation}
            detection:
                re: {CommandLine|re: '(?i)invoke-(web|rest)request\\s+-uri'}
                glob: {CommandLine: '*down*load*'}
                eq: {User: 'NT AUTHORITY\\SYSTEM'}
                condition: 1 of re or (glob and eq)
            ---
            title: two of three
            id: r5
            logsource: {product: windows, category: process_creation}
            detection:
                a: {CommandLine|contains: 'alpha'}
                b: {CommandLine|contains: 'bravo'}
                c: {Image|startswith: 'c:\\\\charlie'}
                condition: 2 of a or 2 of b or (a and b) or (a and c) or (b and c)
            ---
            title: cased and windash
            id: r6
            logsource: {product: windows, category: process_creation}
            detection:
                s: {CommandLine|contains|cased: 'UPPER'}
                w: {CommandLine|windash|contains: ' -enc '}
                condition: s or w
            """;

    private static final List<String> WORDS = List.of("\\a.exe", "\\b.exe", "-x", "/x", "foo", "FOO", "mimikatz",
            "KIWI", "Invoke-WebRequest -Uri", "invoke-restrequest  -uri", "download", "DOWN-LOAD", "alpha", "bravo",
            "c:\\charlie", "C:\\Charlie", "UPPER", "upper", " -enc ", " /enc ", " \u2013enc ", "x", "İ", "ß", "K");

    @Test
    void decimalLengthIsTheLengthOfTheNumbersText() { // keyword scans skip numbers too short for any needle
        for (long x : new long[] {0, 7, 9, 10, 99, 100, -1, -9, -10, 12345678, 123456789, -12345678,
                Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1}) {
            assertThat(Prefilter.RuleSet.decimalLength(x)).as("%d", x).isEqualTo(Long.toString(x).length());
        }
    }

    @Test
    void derivesRequiredLiterals() {
        assertThat(RegexLiteral.required(Pattern.compile("(?i)invoke-(web|rest)request\\s+-uri"))).isEqualTo(
                "invoke-");
        assertThat(RegexLiteral.required(Pattern.compile("\\$PSHome\\[\\s*\\d{1,3}\\s*\\]"))).isEqualTo("$pshome[");
        assertThat(RegexLiteral.required(Pattern.compile("abc|defgh"))).isNull();
        assertThat(RegexLiteral.required(Pattern.compile("ab?cdef"))).isEqualTo("cdef");
        assertThat(RegexLiteral.required(Pattern.compile("xyzw+q"))).isEqualTo("xyzw");
        assertThat(RegexLiteral.required(Pattern.compile("[abc]{3}\\.exe"))).isEqualTo(".exe");
        assertThat(RegexLiteral.required(Pattern.compile("(?x) a b c d"))).isNull();
        assertThat(RegexLiteral.required(Pattern.compile("abcd", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)))
                .isNull();
        // the short gates ValueTest.Regex checks before find(): SigmaHQ's PowerShell token obfuscation patterns
        assertThat(RegexLiteral.required(Pattern.compile("\\w+`(?:\\w+|-|.)`[\\w+|\\s]"), 1)).isEqualTo("`");
        assertThat(RegexLiteral.required(Pattern.compile("\"(?:\\{\\d\\})+\"\\s*-f"), 1)).isEqualTo("-f");
        assertThat(RegexLiteral.required(Pattern.compile("(?i)\\$\\{`?e`?n`?v"), 1)).isEqualTo("${");
        assertThat(RegexLiteral.required(Pattern.compile("a?b*"), 1)).isNull();
    }

    @Test
    void rulesWithoutARequiredLiteralAreAlwaysEvaluated() {
        SigmaEngine engine = SigmaEngine.builder().addYaml(RULES, "rules.yml").build();
        assertThat(engine.loadReport().failures()).isEmpty();
        assertThat(engine.alwaysEvaluatedRules()).containsExactly("r2");
    }

    /** Random events built from the rules' literals (and near misses): pre-filtered == every routed rule. */
    @Test
    void neverChangesAResult() {
        SigmaEngine engine = SigmaEngine.builder().addYaml(RULES, "rules.yml").build();
        Random random = new Random(42);
        int matched = 0;
        for (int i = 0; i < 20_000; i++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("winlog.channel", "Microsoft-Windows-Sysmon/Operational");
            e.put("winlog.event_id", "1");
            e.put("winlog.event_data.Image", phrase(random));
            e.put("winlog.event_data.CommandLine", phrase(random));
            if (random.nextBoolean()) {
                e.put("winlog.event_data.User", random.nextBoolean() ? "nt authority\\system" : phrase(random));
            }
            if (random.nextInt(4) == 0) {
                e.put("message", phrase(random));
            }
            List<String> routed = new ArrayList<>();
            engine.match(e, r -> routed.add(r.id()), SigmaEngine.Strategy.ROUTED);
            List<String> prefiltered = new ArrayList<>();
            engine.match(e, r -> prefiltered.add(r.id()), SigmaEngine.Strategy.PREFILTERED);
            assertThat(prefiltered).as("%s", e).isEqualTo(routed);
            matched += routed.size();
        }
        assertThat(matched).isGreaterThan(10_000);
    }

    private static String phrase(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            sb.append(random.nextInt(3) == 0 ? " " : "").append(WORDS.get(random.nextInt(WORDS.size())));
        }
        return sb.toString();
    }
}
