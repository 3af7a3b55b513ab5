package soc.web.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import soc.detect.rules.BuiltInRules;
import soc.detect.rules.DetectionRule;
import soc.detect.sigma.CompiledRule;
import soc.detect.sigma.SigmaEngine;
import soc.events.RawEnvelope;
import soc.events.SocEvent;
import soc.ingest.parse.Normalised;
import soc.ingest.parse.Normaliser;

/**
 * The simulator's background traffic is benign: parsed by soc-ingest's normaliser, it matches no rule of what
 * soc-detect loads in demo mode (the built-in packs with the demo placeholders, the built-in keyword rules and the
 * SigmaHQ rule set of the corpus), so every alert in a demo comes from a scenario. No rule matching also means no
 * correlation signal. Zeek dns.log records are part of it (lookups of Microsoft 365, Windows, public and internal
 * names, SRV, PTR, NXDOMAIN).
 */
class BackgroundTrafficDetectionTest {
    private static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");
    private static SigmaEngine engine;

    @BeforeAll
    static void loadRules() throws Exception {
        Path rules = corpus().resolve("sigma").resolve("rules");
        assumeTrue(Files.isDirectory(rules), "SigmaHQ rules of the corpus not found at " + rules);
        SigmaEngine.Builder builder = SigmaEngine.builder();
        // the demo's site facts, as soc-detect.yml sets them
        for (String name : List.of("ot-networks", "ot_networks")) {
            builder.placeholder(name, List.of("10.20.*"));
        }
        for (String name : List.of("ot-engineering-workstations", "ot_engineering_workstations")) {
            builder.placeholder(name, List.of());
        }
        Resource[] packs = new PathMatchingResourcePatternResolver().getResources("classpath*:sigma/packs/**/*.yml");
        assertThat(packs).isNotEmpty();
        for (Resource pack : packs) {
            builder.addYaml(pack.getContentAsString(StandardCharsets.UTF_8), pack.getURL().toString());
        }
        builder.load(rules);
        engine = builder.build();
        assertThat(engine.rules()).hasSizeGreaterThan(3000);
    }

    private static Path corpus() {
        String prop = System.getProperty("soc.corpus.dir");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("corpus");
            if (Files.isDirectory(candidate.resolve("sigma"))) {
                return candidate;
            }
        }
        return Path.of("../shared/corpus");
    }

    @Test
    void backgroundTrafficIncludingZeekDnsRaisesNoAlert() {
        Estate estate = Estate.generate(42);
        BackgroundTraffic traffic = new BackgroundTraffic(estate, 42);
        List<SimEvent> events = new ArrayList<>(traffic.next(NOON, 20_000));
        // and a dense sample of the Zeek sensor of every organisation
        for (Estate.Organisation o : estate.organisations()) {
            for (int i = 0; i < 150; i++) {
                events.add(traffic.event(o, SimSource.ZEEK, NOON.plusMillis(37L * i)));
            }
        }
        Normaliser normaliser = new Normaliser();
        Map<String, List<String>> alerts = new TreeMap<>();
        Set<String> dnsShapes = new TreeSet<>();
        int dns = 0;
        int n = 0;
        for (SimEvent e : events) {
            Normalised result = normaliser.normalise(new RawEnvelope("bg-" + n++, e.tenantId(), "s1",
                    e.time().plusSeconds(1), "http", e.source().format(), e.payload()));
            assertThat(result).as(e.payload()).isInstanceOf(Normalised.Accepted.class);
            SocEvent event = ((Normalised.Accepted) result).event();
            if ("zeek.dns".equals(event.getString("event.dataset"))) {
                dns++;
                assertThat(event.getString("dns.question.name")).as(e.payload()).isNotBlank();
                dnsShapes.add(event.getString("dns.question.type") + "/" + event.getString("dns.response_code"));
            }
            for (CompiledRule rule : engine.match(event)) {
                alerts.computeIfAbsent(rule.rule().title(), k -> new ArrayList<>()).add(e.payload());
            }
            for (DetectionRule rule : BuiltInRules.all()) {
                if (rule.matches(event)) {
                    alerts.computeIfAbsent(rule.title(), k -> new ArrayList<>()).add(e.payload());
                }
            }
        }
        assertThat(dns).as("Zeek dns records in the background").isGreaterThan(1000);
        // the control: the same record with Zeek's Z bit set is what SigmaHQ's Z-flag rule is for, so the dns
        // records do reach the Zeek dns rules
        String flagged = events.stream().map(SimEvent::payload).filter(p -> p.contains("\"_path\":\"dns\"")
                        && p.contains("\"qtype_name\":\"A\"") && p.contains("sharepoint.com"))
                .findFirst().orElseThrow().replace("\"Z\":0", "\"Z\":1");
        SocEvent control = ((Normalised.Accepted) normaliser.normalise(new RawEnvelope("control", "aberhafren", "s1",
                NOON, "http", "json", flagged))).event();
        assertThat(engine.match(control)).extracting(r -> r.rule().title()).contains("Suspicious DNS Z Flag Bit Set");
        assertThat(dnsShapes).as("query types and answers").contains("A/NOERROR", "AAAA/NOERROR", "PTR/NOERROR",
                "SRV/NOERROR", "A/NXDOMAIN");
        assertThat(alerts).as("rules matching background events (title -> first payloads)")
                .allSatisfy((title, payloads) -> assertThat(payloads.subList(0, Math.min(3, payloads.size())))
                        .as(title).isEmpty());
    }
}
