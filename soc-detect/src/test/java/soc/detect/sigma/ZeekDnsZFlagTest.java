package soc.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import soc.events.SocEvent;

/**
 * SigmaHQ's "Suspicious DNS Z Flag Bit Set" (network/zeek/zeek_dns_susp_zbit_flag.yml) over real Zeek dns records
 * normalised by soc-ingest: it must fire only where Zeek logged {@code Z != 0}. Before the Zeek field fallback in
 * {@link DefaultMappings} the rule's {@code Z} resolved to a key no event has, so {@code not Z: 0} held for every
 * dns record.
 */
class ZeekDnsZFlagTest {
    private static final String RULE = "rules/network/zeek/zeek_dns_susp_zbit_flag.yml";

    private static SigmaEngine engine() throws Exception {
        return SigmaEngine.builder().addYaml(Files.readString(Corpus.sigma().resolve("rules").resolve(RULE)), RULE)
                .build();
    }

    private static long matches(SigmaEngine engine, List<SocEvent> events) {
        return events.stream().filter(e -> !engine.match(e).isEmpty()).count();
    }

    @Test
    void wrccdcDnsWithZZeroRaisesNothing() throws Exception {
        SigmaEngine engine = engine();
        assertThat(engine.rules()).hasSize(1);
        CorpusLogs.File dns = CorpusLogs.read("zeek/wrccdc-2018/json/dns.first1000.json");
        assertThat(dns.events()).hasSize(1000);
        assertThat(dns.events()).allSatisfy(e -> assertThat(((Number) e.get("zeek.dns.Z")).longValue()).isZero());
        assertThat(matches(engine, dns.events())).isZero();
    }

    @Test
    void dnssecAnswersWithZSetFireExceptTheRulesOwnExclusions() throws Exception {
        SigmaEngine engine = engine();
        // Zeek BTest baseline of RRSIG answers (TSV): Z = 1 on every record, queries under upenn.edu
        CorpusLogs.File rrsig = CorpusLogs.read("zeek/zeek-v3.0.0-btest/scripts.base.protocols.dns.rrsig/dns.log");
        assertThat(rrsig.events()).isNotEmpty()
                .allSatisfy(e -> assertThat(((Number) e.get("zeek.dns.Z")).longValue()).isEqualTo(1));
        assertThat(matches(engine, rrsig.events())).isEqualTo(rrsig.events().size());
        // the same record with Z = 0 does not fire; with Z = 1 but an excluded query type (NS) it does not either
        SocEvent z1 = rrsig.events().get(0);
        assertThat(engine.match(with(z1, "zeek.dns.Z", 0L))).isEmpty();
        assertThat(engine.match(with(z1, "dns.question.type", "NS"))).isEmpty();
        assertThat(engine.match(with(z1, "zeek.dns.query", "wpad.local")
                .withField("dns.question.name", "wpad.local"))).isEmpty();
    }

    @Test
    void zeekDnsBaselinesFireOnlyWhereZIsNotZero() throws Exception {
        SigmaEngine engine = engine();
        for (CorpusLogs.File file : CorpusLogs.all()) {
            if (!file.relative().startsWith("zeek/") || !file.relative().contains("dns")) {
                continue;
            }
            for (SocEvent e : file.events()) {
                Object z = e.get("zeek.dns.Z");
                if (z == null || ((Number) z).longValue() == 0) {
                    assertThat(engine.match(e)).as(file.relative() + ": " + e.get("event.original")).isEmpty();
                }
            }
        }
    }

    private static Copy with(SocEvent e, String key, Object value) {
        return new Copy(e).withField(key, value);
    }

    /** A modified copy of an event's fields. */
    private static final class Copy extends java.util.HashMap<String, Object> {
        Copy(SocEvent e) {
            super(e.fields());
        }

        Copy withField(String key, Object value) {
            put(key, value);
            return this;
        }
    }
}
