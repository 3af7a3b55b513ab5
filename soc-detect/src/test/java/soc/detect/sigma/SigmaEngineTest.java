package soc.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import soc.events.SocEvent;

/** Logsource routing, field mapping onto the platform schema, and concurrent matching. */
class SigmaEngineTest {
    private static final String WHOAMI = """
            title: Whoami Execution
            id: whoami
            author: Florian Roth
            tags: [attack.discovery, attack.t1033]
            logsource: {category: process_creation, product: windows}
            detection:
                selection:
                    Image|endswith: '\\whoami.exe'
                condition: selection
            level: high
            """;
    private static final String LOGON = """
            title: Logon type 10
            id: logon
            logsource: {product: windows, service: security}
            detection:
                selection: {EventID: 4624, LogonType: 10}
                condition: selection
            """;
    private static final String PROXY = """
            title: Proxy curl
            id: proxy
            logsource: {category: proxy}
            detection:
                selection: {c-useragent|startswith: 'curl/'}
                condition: selection
            """;
    private static final String ZEEK = """
            title: Zeek DNS
            id: zeek
            logsource: {product: zeek, service: dns}
            detection:
                selection: {query|endswith: '.evil.com'}
                condition: selection
            """;
    private static final String OT = """
            title: Modbus write
            id: ot
            logsource: {product: ot}
            detection:
                selection: {ot.protocol: modbus, ot.function_code: [5, 6, 15, 16]}
                condition: selection
            """;

    private final SigmaEngine engine = SigmaEngine.builder().addYaml(WHOAMI, "w.yml").addYaml(LOGON, "l.yml")
            .addYaml(PROXY, "p.yml").addYaml(ZEEK, "z.yml").addYaml(OT, "o.yml").build();

    private static SocEvent event(Object... kv) {
        SocEvent.Builder b = new SocEvent.Builder().put(SocEvent.EVENT_ID, "e1").put(SocEvent.TENANT_ID, "acme")
                .put(SocEvent.TIMESTAMP, "2026-01-01T00:00:00Z");
        for (int i = 0; i < kv.length; i += 2) {
            b.put((String) kv[i], kv[i + 1]);
        }
        return b.build();
    }

    private List<String> ids(SocEvent e) {
        return engine.match(e).stream().map(CompiledRule::id).toList();
    }

    @Test
    void sysmonProcessCreation() {
        SocEvent e = event("winlog.channel", "Microsoft-Windows-Sysmon/Operational", "winlog.event_id", "1",
                "winlog.event_data.Image", "C:\\Windows\\System32\\whoami.exe");
        assertThat(ids(e)).containsExactly("whoami");
        CompiledRule r = engine.match(e).get(0);
        assertThat(r.author()).isEqualTo("Florian Roth");
        assertThat(r.techniques()).containsExactly("T1033");
    }

    @Test
    void securityProcessCreationUsesNewProcessName() {
        SocEvent e = event("winlog.channel", "Security", "winlog.event_id", "4688",
                "winlog.event_data.NewProcessName", "C:\\Windows\\System32\\whoami.exe");
        assertThat(ids(e)).containsExactly("whoami");
    }

    @Test
    void ecsOnlyFieldsAreAFallback() {
        SocEvent e = event("winlog.channel", "Microsoft-Windows-Sysmon/Operational", "winlog.event_id", "1",
                "process.executable", "C:\\Windows\\System32\\whoami.exe");
        assertThat(ids(e)).containsExactly("whoami");
    }

    @Test
    void routingKeepsRulesToTheirLogsource() {
        // right detection, wrong logsource: a Sysmon file event or a Security logon does not meet whoami
        SocEvent file = event("winlog.channel", "Microsoft-Windows-Sysmon/Operational", "winlog.event_id", "11",
                "winlog.event_data.Image", "C:\\Windows\\System32\\whoami.exe");
        assertThat(ids(file)).isEmpty();
        assertThat(engine.applicableRules(file.fields())).isEmpty();
        SocEvent logon = event("winlog.channel", "Security", "winlog.event_id", "4624",
                "winlog.event_data.LogonType", "10");
        assertThat(ids(logon)).containsExactly("logon");
        SocEvent wrongChannel = event("winlog.channel", "System", "winlog.event_id", "4624",
                "winlog.event_data.LogonType", "10");
        assertThat(ids(wrongChannel)).isEmpty();
    }

    @Test
    void nonWindowsSourcesRouteByDataset() {
        assertThat(ids(event("event.dataset", "squid.proxy", "user_agent.original", "curl/8.1"))).containsExactly(
                "proxy");
        assertThat(ids(event("event.dataset", "zeek.dns", "dns.question.name", "x.evil.com")))
                .containsExactly("zeek");
        assertThat(ids(event("event.dataset", "zeek.http", "dns.question.name", "x.evil.com"))).isEmpty();
        assertThat(ids(event("ot.protocol", "modbus", "ot.function_code", 6))).containsExactly("ot");
        assertThat(ids(event("ot.protocol", "modbus", "ot.function_code", 3))).isEmpty();
    }

    @Test
    void fieldMappingResolvesCandidates() {
        FieldMapping m = FieldMapping.defaults();
        Logsource pc = Logsource.of("windows", "process_creation", null);
        assertThat(m.resolve(pc, "CommandLine")).containsExactly("winlog.event_data.CommandLine",
                "process.command_line");
        assertThat(m.resolve(pc, "Image")).containsExactly("winlog.event_data.Image",
                "winlog.event_data.NewProcessName", "process.executable");
        assertThat(m.resolve(pc, "EventID")).containsExactly("winlog.event_id", "event.code");
        assertThat(m.resolve(Logsource.of("windows", null, "security"), "TargetUserName"))
                .containsExactly("winlog.event_data.TargetUserName", "winlog.user_data.TargetUserName",
                        "TargetUserName");
        assertThat(m.resolve(Logsource.of("aws", null, "cloudtrail"), "eventName")).containsExactly("eventName");
        FieldMapping custom = m.with(FieldMapping.fromYaml("""
                fields:
                  - logsource: {product: aws}
                    map: {eventName: [aws.cloudtrail.event_name, eventName]}
                """, "custom.yml"));
        assertThat(custom.resolve(Logsource.of("aws", null, "cloudtrail"), "eventName"))
                .containsExactly("aws.cloudtrail.event_name", "eventName");
    }

    @Test
    void concurrentMatchingIsConsistent() throws Exception {
        SocEvent hit = event("winlog.channel", "Microsoft-Windows-Sysmon/Operational", "winlog.event_id", "1",
                "winlog.event_data.Image", "C:\\Windows\\System32\\whoami.exe");
        SocEvent miss = event("winlog.channel", "Microsoft-Windows-Sysmon/Operational", "winlog.event_id", "1",
                "winlog.event_data.Image", "C:\\Windows\\System32\\cmd.exe");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    int hits = 0;
                    for (int i = 0; i < 20_000; i++) {
                        hits += engine.match(i % 2 == 0 ? hit : miss).size();
                    }
                    return hits;
                }));
            }
            for (Future<Integer> f : futures) {
                assertThat(f.get()).isEqualTo(10_000);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ipParserNeverResolvesNames() {
        assertThat(IpNet.parseIp("10.0.0.1")).containsExactly(10, 0, 0, 1);
        assertThat(IpNet.parseIp("::1")).hasSize(16);
        assertThat(IpNet.parseIp("example.com")).isNull();
        assertThat(IpNet.parseIp("1.2.3")).isNull();
        assertThat(IpNet.parseIp("256.1.1.1")).isNull();
        assertThat(IpNet.parseIp("1::2::3")).isNull();
        assertThat(IpNet.parseCidr("10.1.2.3/8").contains(IpNet.parseIp("10.200.0.1"))).isTrue();
        assertThat(Map.of()).isEmpty();
    }
}
