package soc.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import soc.events.Severity;

class SigmaParserTest {
    private final SigmaParser parser = new SigmaParser();

    private static final String RULE = """
            title: A Title
            id: 545a5da6-f103-4919-a519-e9aec1026ee4
            status: test
            description: a very good information string
            references:
                - https://123.456
            author: SomeOne, Other Person
            date: 2017-05-09
            modified: 2023-04-14
            tags:
                - attack.defense-evasion
                - attack.t1211
                - attack.t1562.001
                - attack.g0016
                - cve.2021-44228
            logsource:
                product: Windows
                service: application
            detection:
                selection:
                    Provider_Name: 'Application Error'
                condition: selection
            falsepositives:
                - a string
            level: high
            regression_tests_path: x/info.yml
            """;

    @Test
    void parsesMetadata() {
        SigmaRule r = (SigmaRule) parser.parse(RULE, "rule_1.yml").get(0);
        assertThat(r.id()).isEqualTo("545a5da6-f103-4919-a519-e9aec1026ee4");
        assertThat(r.title()).isEqualTo("A Title");
        assertThat(r.author()).isEqualTo("SomeOne, Other Person");
        assertThat(r.level()).isEqualTo("high");
        assertThat(r.severity()).isEqualTo(Severity.HIGH);
        assertThat(r.status()).isEqualTo("test");
        assertThat(r.techniques()).containsExactly("T1211", "T1562.001");
        assertThat(r.tactics()).containsExactly("defense-evasion");
        assertThat(r.tags()).contains("cve.2021-44228");
        assertThat(r.logsource()).isEqualTo(Logsource.of("windows", null, "application"));
        assertThat(r.references()).containsExactly("https://123.456");
        assertThat(r.falsepositives()).containsExactly("a string");
        assertThat(r.date()).isEqualTo("2017-05-09");
        assertThat(r.extra()).containsKey("regression_tests_path");
        assertThat(r.detection().conditions()).containsExactly("selection");
        assertThat(r.source()).isEqualTo("rule_1.yml");
    }

    @Test
    void yamlErrorsNameFileAndLine() {
        assertThatThrownBy(() -> parser.parse("title: x\ndetection:\n  sel: [a, b\n", "broken.yml"))
                .isInstanceOf(SigmaException.class)
                .hasMessageStartingWith("broken.yml:")
                .satisfies(e -> assertThat(((SigmaException) e).kind()).isEqualTo(SigmaException.Kind.YAML_SYNTAX))
                .satisfies(e -> assertThat(((SigmaException) e).line()).isGreaterThan(0));
        assertThatThrownBy(() -> parser.parse("title: x\ntitle: y\n", "dup.yml"))
                .hasMessageContaining("dup.yml:2").hasMessageContaining("duplicate key 'title'");
        assertThatThrownBy(() -> parser.parse("title: x\nlogsource: {product: windows}\n", "nodet.yml"))
                .hasMessageContaining("missing 'detection'");
        assertThatThrownBy(() -> parser.parse("logsource: {product: windows}\ndetection: {condition: a}\n", "t.yml"))
                .hasMessageContaining("missing 'title'");
    }

    @Test
    void safeLoadingRejectsJavaTypes() {
        assertThatThrownBy(() -> parser.parse("title: !!java.io.File x\nlogsource: {product: x}\ndetection:\n"
                + "  sel: {a: b}\n  condition: sel\n", "t.yml"))
                .isInstanceOf(SigmaException.class)
                .hasMessageContaining("t.yml:1").hasMessageContaining("Global tag is not allowed");
    }

    @Test
    void multiDocumentCollectionsWithGlobalAction() {
        String yaml = """
                action: global
                title: Shared title
                author: A
                detection:
                    condition: selection
                ---
                id: one
                logsource: {product: windows, service: security}
                detection:
                    selection: {EventID: 1}
                ---
                id: two
                logsource: {product: windows, service: system}
                detection:
                    selection: {EventID: 2}
                ---
                action: repeat
                id: three
                """;
        List<SigmaDocument> docs = parser.parse(yaml, "collection.yml");
        assertThat(docs).hasSize(3);
        assertThat(docs).allSatisfy(d -> assertThat(d.title()).isEqualTo("Shared title"));
        SigmaRule three = (SigmaRule) docs.get(2);
        assertThat(three.logsource().service()).isEqualTo("system");
        assertThat(three.id()).isEqualTo("three");
        SigmaEngine engine = SigmaEngine.builder().addYaml(yaml, "collection.yml").build();
        assertThat(engine.loadReport().rules()).isEqualTo(3);
    }

    @Test
    void correlationRulesAreRecognised() {
        String yaml = """
                title: Failed login
                id: 0e95725d-7320-415d-80f7-004da920fc12
                author: X
                correlation:
                    type: value_count
                    rules:
                        - 5638f7c0-ac70-491d-8465-2a65075e0d86
                    group-by:
                        - ComputerName
                        - WorkstationName
                    timespan: 1d
                    condition:
                        field: User
                        gte: 100
                """;
        SigmaCorrelation c = (SigmaCorrelation) parser.parse(yaml, "c.yml").get(0);
        assertThat(c.type()).isEqualTo("value_count");
        assertThat(c.rules()).containsExactly("5638f7c0-ac70-491d-8465-2a65075e0d86");
        assertThat(c.groupBy()).containsExactly("ComputerName", "WorkstationName");
        assertThat(c.timespan()).isEqualTo(Duration.ofDays(1));
        assertThat(c.condition()).containsEntry("field", "User").containsEntry("gte", 100L);
        SigmaEngine engine = SigmaEngine.builder().addYaml(yaml, "c.yml").build();
        assertThat(engine.correlations()).hasSize(1);
        assertThat(engine.loadReport().failures()).isEmpty();
    }

    @Test
    void specExamplesParse() {
        SigmaEngine.Builder b = SigmaEngine.builder();
        b.load(Corpus.sigma().resolve("spec").resolve("examples"));
        SigmaEngine engine = b.build();
        assertThat(engine.loadReport().failures()).isEmpty();
        assertThat(engine.loadReport().correlations()).isEqualTo(8);
        assertThat(engine.loadReport().filters()).isEqualTo(2);
        assertThat(engine.loadReport().rules()).isEqualTo(2);
    }

    @Test
    void filtersSuppressMatchesOfTheirRules() {
        String rule = """
                title: Rar
                id: 6f3e2987-db24-4c78-a860-b4f4095a7095
                logsource: {category: process_creation, product: windows}
                detection:
                    selection: {Image|endswith: '\\\\rar.exe'}
                    condition: selection
                """;
        String filter = """
                title: Filter Administrator account
                logsource: {category: process_creation, product: windows}
                filter:
                    rules:
                        - 6f3e2987-db24-4c78-a860-b4f4095a7095
                    selection:
                        User|startswith: 'adm_'
                    condition: selection
                """;
        SigmaEngine engine = SigmaEngine.builder().addYaml(rule, "r.yml").addYaml(filter, "f.yml").build();
        CompiledRule r = engine.rule("6f3e2987-db24-4c78-a860-b4f4095a7095");
        assertThat(r.filters()).containsExactly("Filter Administrator account");
        assertThat(engine.matches(r, SigmaModifierTest.ev("process.executable", "C:\\rar.exe", "user.name",
                "bob"))).isTrue();
        assertThat(engine.matches(r, SigmaModifierTest.ev("process.executable", "C:\\rar.exe", "user.name",
                "adm_bob"))).isFalse();
    }
}
