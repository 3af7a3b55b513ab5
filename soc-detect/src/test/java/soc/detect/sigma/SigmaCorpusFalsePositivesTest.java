package soc.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import soc.events.SocEvent;

/**
 * False positives of the whole rule set over all corpus samples (docs/sigma.md "False positives over the corpus"):
 * every file under ../shared/corpus/logs through soc-ingest's Normaliser (the format a source would declare), then
 * every SigmaHQ rule (rules, rules-emerging-threats, rules-threat-hunting) plus our OT and IT packs. Writes the
 * per-rule and per-file counts to {@code target/sigma-corpus-matches.md} and prints them; run with
 * {@code ./mvnw -B -q -o -pl soc-detect test -Dtest=SigmaCorpusFalsePositivesTest -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>The assertions pin what the measurement found about our own mappings: the Zeek DNS Z-flag rule stays silent on
 * the WRCCDC dns records (Z = 0), and no rule matches every event of a benign file.
 */
class SigmaCorpusFalsePositivesTest {
    private static SigmaEngine engine;
    private static List<CorpusLogs.File> files;
    /** rule key (source file + title) -> file -> matched events */
    private static final Map<String, Map<String, Integer>> byRule = new TreeMap<>();
    private static final Map<String, Integer> eventsByFile = new LinkedHashMap<>();

    @BeforeAll
    static void run() throws IOException {
        long t0 = System.nanoTime();
        SigmaEngine.Builder b = SigmaEngine.builder();
        shippedPlaceholders().forEach((name, values) -> {
            b.placeholder(name, values);
            b.placeholder(name.replace('-', '_'), values);
        });
        Path rules = Corpus.sigma().resolve("rules");
        for (String tree : List.of("rules", "rules-emerging-threats", "rules-threat-hunting")) {
            b.load(rules.resolve(tree));
        }
        soc.detect.stream.TestPacks.builtInPacks().forEach((source, yaml) -> b.addYaml(yaml, source));
        engine = b.build();
        long loaded = System.nanoTime();
        files = CorpusLogs.all();
        long normalised = System.nanoTime();
        int events = 0;
        for (CorpusLogs.File f : files) {
            eventsByFile.put(f.relative(), f.events().size());
            for (SocEvent e : f.events()) {
                events++;
                for (CompiledRule rule : engine.match(e)) {
                    byRule.computeIfAbsent(label(rule), k -> new TreeMap<>()).merge(f.relative(), 1, Integer::sum);
                }
            }
        }
        long matched = System.nanoTime();
        StringBuilder out = new StringBuilder();
        out.append(String.format("Rules: %s%nCorpus: %d files, %d events (%d lines rejected by the normaliser)%n"
                        + "Load %d ms, normalise %d ms, match %d ms%n%n", engine.loadReport(), files.size(), events,
                files.stream().mapToInt(CorpusLogs.File::rejected).sum(), (loaded - t0) / 1_000_000,
                (normalised - loaded) / 1_000_000, (matched - normalised) / 1_000_000));
        out.append("| rule (source) | events matched | files (events) |\n|---|---|---|\n");
        byRule.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Map<String, Integer>> en) -> -total(en.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .forEach(en -> out.append("| ").append(en.getKey()).append(" | ").append(total(en.getValue()))
                        .append(" | ").append(en.getValue().entrySet().stream()
                                .map(x -> x.getKey() + " (" + x.getValue() + ")").reduce((x, y) -> x + ", " + y)
                                .orElse("")).append(" |\n"));
        out.append("\n| file | events | events matched by any rule | rules matching |\n|---|---|---|---|\n");
        for (CorpusLogs.File f : files) {
            long hit = f.events().stream().filter(e -> !engine.match(e).isEmpty()).count();
            long rulesHit = byRule.values().stream().filter(m -> m.containsKey(f.relative())).count();
            out.append("| ").append(f.relative()).append(" | ").append(f.events().size()).append(" | ").append(hit)
                    .append(" | ").append(rulesHit).append(" |\n");
        }
        Path report = Path.of("target", "sigma-corpus-matches.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, out);
        System.out.println("[sigma-corpus] report " + report.toAbsolutePath() + "\n" + out);
    }

    /** The placeholder values soc-detect ships with (soc-detect.yml: soc.detect.sigma.placeholders). */
    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> shippedPlaceholders() throws IOException {
        try (var in = SigmaCorpusFalsePositivesTest.class.getResourceAsStream("/soc-detect.yml")) {
            Map<String, Object> yml = new org.yaml.snakeyaml.Yaml().load(in);
            Map<String, Object> soc = (Map<String, Object>) yml.get("soc");
            Map<String, Object> sigma = (Map<String, Object>) ((Map<String, Object>) soc.get("detect")).get("sigma");
            Map<String, List<String>> out = new TreeMap<>();
            ((Map<String, Object>) sigma.get("placeholders")).forEach((k, v) -> out.put(k, v == null ? List.of()
                    : ((List<Object>) v).stream().map(String::valueOf).toList()));
            return out;
        }
    }

    private static String label(CompiledRule rule) {
        String source = rule.rule().source();
        int at = source.lastIndexOf('/');
        return rule.title() + " (`" + (at >= 0 ? source.substring(at + 1) : source) + "`)";
    }

    private static int total(Map<String, Integer> perFile) {
        return perFile.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Test
    void everyCorpusFileWasNormalisedAndMatched() {
        assertThat(files).hasSizeGreaterThan(50);
        assertThat(eventsByFile.get("zeek/wrccdc-2018/json/dns.first1000.json")).isEqualTo(1000);
        assertThat(engine.loadReport().rules()).isGreaterThan(2000);
    }

    @Test
    void theZeekDnsZFlagRuleFiresOnlyOnDnssecRecordsWithZSet() {
        // before the Zeek field fallback (DefaultMappings) it matched 992 of the 1000 WRCCDC records (all Z = 0)
        Map<String, Integer> z = byRule.entrySet().stream().filter(en -> en.getKey().contains("zeek_dns_susp_zbit"))
                .map(Map.Entry::getValue).findFirst().orElse(Map.of());
        assertThat(z).doesNotContainKey("zeek/wrccdc-2018/json/dns.first1000.json")
                .containsOnlyKeys("zeek/zeek-v3.0.0-btest/scripts.base.protocols.dns.rrsig/dns.log",
                        "zeek/zeek-v3.0.0-btest/scripts.base.protocols.dns.duplicate-reponses/dns.log");
    }

    @Test
    void benignBaselinesRaiseNothing() {
        // routine traffic with nothing of an attack in it: a match here is a mapping defect, not detection
        List<String> benign = List.of("zeek/wrccdc-2018/json/dns.first1000.json", "zeek/wrccdc-2018/json/syslog.json",
                "zeek/wrccdc-2018/tsv/rdp.log", "zeek/wrccdc-2018/json/ntlm.json", "zeek/wrccdc-2018/json/smb_mapping.json",
                "syslog/azure-sentinel/OpenVPN.txt", "suricata/suricata-verify-2017/dns-tcp-www-google-com.eve.json");
        for (String file : benign) {
            assertThat(eventsByFile.get(file)).as(file).isPositive();
            assertThat(byRule.entrySet()).as(file).noneMatch(en -> en.getValue().containsKey(file));
        }
    }
}
