package soc.ingest.parse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import soc.events.SocEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static soc.ingest.parse.Envelopes.accept;
import static soc.ingest.parse.Envelopes.raw;
import static soc.ingest.parse.Envelopes.reject;

/** CEF, LEEF, key=value, Windows shapes and Zeek TSV header handling on hand-written lines. */
class FormatsTest {
    private final Normaliser normaliser = new Normaliser();

    @Test
    void cefEscapesAndEcsMapping() {
        SocEvent e = accept(normaliser.normalise(raw("cef",
                "CEF:0|Security|threatmanager|1.0|100|worm successfully stopped|10|src=10.0.0.1 dst=2.1.2.2 spt=1232"
                        + " dpt=80 suser=alice act=blocked request=http://x/a?b=c msg=detected a \\= sign\\nand a \\\\ "
                        + "rt=1527436215000 cs1Label=Zone cs1=Inside Zone")));
        assertThat(e.get("observer.vendor")).isEqualTo("Security");
        assertThat(e.get("event.code")).isEqualTo("100");
        assertThat(e.get("event.severity")).isEqualTo(10);
        assertThat(e.get("source.ip")).isEqualTo("10.0.0.1");
        assertThat(e.get("destination.port")).isEqualTo(80L);
        assertThat(e.get("source.port")).isEqualTo(1232L);
        assertThat(e.get("source.user.name")).isEqualTo("alice");
        assertThat(e.get("user.name")).isEqualTo("alice");
        assertThat(e.get("event.action")).isEqualTo("blocked");
        assertThat(e.get("url.original")).isEqualTo("http://x/a?b=c");
        assertThat(e.get("message")).isEqualTo("detected a = sign\nand a \\");
        assertThat(e.getString("@timestamp")).isEqualTo("2018-05-27T15:50:15Z");
        assertThat(e.get("cef.extensions.cs1")).isEqualTo("Inside Zone");
        SocEvent pipes = accept(normaliser.normalise(raw("auto",
                "<134>1 2024-05-20T09:00:00Z fw1 cef - - - CEF:1|V\\|x|P|1|sig|a \\| b|3|")));
        assertThat(pipes.get("cef.device.vendor")).isEqualTo("V|x");
        assertThat(pipes.get("cef.name")).isEqualTo("a | b");
        assertThat(pipes.get("host.hostname")).isEqualTo("fw1");
        assertThat(reject(normaliser.normalise(raw("cef", "CEF:0|a|b|c")))).startsWith("cef: expected 7");
        assertThat(reject(normaliser.normalise(raw("cef", "nothing here")))).startsWith("cef: no 'CEF:");
    }

    @Test
    void leef1And2() {
        SocEvent v1 = accept(normaliser.normalise(raw("auto",
                "<13>Jan 18 11:07:53 192.168.1.1 LEEF:1.0|Microsoft|MSExchange|4.0 SP1|15345|src=10.50.1.1\t"
                        + "dst=2.10.20.20\tspt=1200\tusrName=bob\tsev=5\tdevTime=2024-01-18T11:07:53Z")));
        assertThat(v1.get("event.dataset")).isEqualTo("leef");
        assertThat(v1.get("observer.product")).isEqualTo("MSExchange");
        assertThat(v1.get("event.code")).isEqualTo("15345");
        assertThat(v1.get("source.ip")).isEqualTo("10.50.1.1");
        assertThat(v1.get("destination.ip")).isEqualTo("2.10.20.20");
        assertThat(v1.get("user.name")).isEqualTo("bob");
        assertThat(v1.get("event.severity")).isEqualTo(5L);
        assertThat(v1.get("leef.attributes.spt")).isEqualTo("1200");
        SocEvent v2 = accept(normaliser.normalise(raw("leef",
                "LEEF:2.0|Lancope|StealthWatch|1.0|41|^|src=10.0.1.8^dst=10.0.0.5^srcPort=51234^dstPort=502"
                        + "^proto=Modbus")));
        assertThat(v2.get("destination.port")).isEqualTo(502L);
        assertThat(v2.get("source.port")).isEqualTo(51234L);
        assertThat(v2.get("ot.protocol")).isEqualTo("modbus");
        SocEvent hex = accept(normaliser.normalise(raw("leef",
                "LEEF:2.0|V|P|1|E|x7C|src=1.2.3.4|dst=5.6.7.8")));
        assertThat(hex.get("destination.ip")).isEqualTo("5.6.7.8");
    }

    @Test
    void keyValueFirewallLogs() {
        SocEvent forti = accept(normaliser.normalise(raw("kv",
                "date=2024-05-20 time=09:15:02 devname=\"FG-1\" logid=\"0000000013\" type=\"traffic\" srcip=10.1.1.5"
                        + " srcport=51515 dstip=8.8.8.8 dstport=53 proto=17 action=\"accept\" policyid=12"
                        + " sentbyte=120 rcvdbyte=300 service=\"DNS\"")));
        assertThat(forti.getString("@timestamp")).isEqualTo("2024-05-20T09:15:02Z");
        assertThat(forti.get("source.ip")).isEqualTo("10.1.1.5");
        assertThat(forti.get("destination.port")).isEqualTo(53L);
        assertThat(forti.get("network.transport")).isEqualTo("udp");
        assertThat(forti.get("event.action")).isEqualTo("accept");
        assertThat(forti.get("observer.name")).isEqualTo("FG-1");
        assertThat(forti.get("source.bytes")).isEqualTo(120L);
        assertThat(forti.get("kv.logid")).isEqualTo("0000000013");
        SocEvent ufw = accept(normaliser.normalise(raw("kv",
                "<4>May 20 09:00:01 gw kernel: [UFW BLOCK] IN=eth0 OUT= MAC=00:11 SRC=203.0.113.9 DST=10.0.0.2 LEN=60"
                        + " PROTO=TCP SPT=4444 DPT=502")));
        assertThat(ufw.get("host.hostname")).isEqualTo("gw");
        assertThat(ufw.get("source.ip")).isEqualTo("203.0.113.9");
        assertThat(ufw.get("destination.port")).isEqualTo(502L);
        assertThat(ufw.get("network.transport")).isEqualTo("tcp");
        assertThat(ufw.get("kv.OUT")).isEqualTo("");
        assertThat(reject(normaliser.normalise(raw("kv", "no pairs at all")))).isEqualTo("kv: no key=value pairs");
    }

    @Test
    void windowsNestedEvtxShapeMatchesFlatShape() throws Exception {
        Path regression = Envelopes.corpusLogs().getParent().resolve("sigma/regression/regression_data");
        String nested;
        Path sample = regression.resolve("rules-threat-hunting/windows/image_load/"
                + "image_load_win_werfaultsecure_dbgcore_dbghelp_load/8a2f4b1c-3d5e-4f7a-9b2c-1e4f6d8a9c2b.json");
        if (Files.exists(sample)) {
            nested = Files.readString(sample);
        } else {
            nested = "{\"Event\":{\"System\":{\"Provider\":{\"#attributes\":{\"Name\":\"Microsoft-Windows-Sysmon\"}},"
                    + "\"EventID\":7,\"TimeCreated\":{\"#attributes\":{\"SystemTime\":\"2025-11-27T07:40:10.165324Z\"}},"
                    + "\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"Computer\":\"swachchhanda\"},"
                    + "\"EventData\":{\"ProcessId\":4460,\"Image\":\"C:\\\\Windows\\\\System32\\\\WerFaultSecure.exe\","
                    + "\"ImageLoaded\":\"C:\\\\Windows\\\\System32\\\\dbgcore.dll\",\"User\":\"swachchhanda\\\\xodih\"}}}";
        }
        SocEvent e = accept(normaliser.normalise(raw("auto", nested.replace('\n', ' '))));
        assertThat(e.get("event.dataset")).isEqualTo("windows.sysmon");
        assertThat(e.get("winlog.event_id")).isEqualTo("7");
        assertThat(e.get("winlog.computer_name")).isEqualTo("swachchhanda");
        assertThat(e.get("winlog.provider_name")).isEqualTo("Microsoft-Windows-Sysmon");
        assertThat(e.get("winlog.event_data.ProcessId")).isEqualTo("4460");
        assertThat(e.get("winlog.event_data.ImageLoaded")).isEqualTo("C:\\Windows\\System32\\dbgcore.dll");
        assertThat(e.get("dll.path")).isEqualTo("C:\\Windows\\System32\\dbgcore.dll");
        assertThat(e.get("process.executable")).isEqualTo("C:\\Windows\\System32\\WerFaultSecure.exe");
        assertThat(e.get("user.name")).isEqualTo("xodih");
        assertThat(e.getString("@timestamp")).isEqualTo("2025-11-27T07:40:10.165324Z");

        SocEvent dataList = accept(normaliser.normalise(raw("windows",
                "{\"Event\":{\"System\":{\"EventID\":{\"#text\":\"4688\"},\"Channel\":\"security\","
                        + "\"Provider\":{\"@Name\":\"Microsoft-Windows-Security-Auditing\"}},\"EventData\":{\"Data\":["
                        + "{\"@Name\":\"NewProcessName\",\"#text\":\"C:\\\\x.exe\"},{\"@Name\":\"CommandLine\",\"#text\":\"x -y\"}]}}}")));
        assertThat(dataList.get("winlog.channel")).isEqualTo("Security");
        assertThat(dataList.get("winlog.event_data.NewProcessName")).isEqualTo("C:\\x.exe");
        assertThat(dataList.get("process.command_line")).isEqualTo("x -y");
        assertThat(dataList.get("event.action")).isEqualTo("created-process");

        SocEvent beat = accept(normaliser.normalise(raw("json",
                "{\"@timestamp\":\"2024-05-20T08:00:00Z\",\"winlog\":{\"event_id\":4625,\"channel\":\"Security\","
                        + "\"provider_name\":\"Microsoft-Windows-Security-Auditing\",\"computer_name\":\"dc1\","
                        + "\"event_data\":{\"TargetUserName\":\"admin\",\"IpAddress\":\"10.9.8.7\",\"LogonType\":3}}}")));
        assertThat(beat.get("winlog.event_id")).isEqualTo("4625");
        assertThat(beat.get("winlog.event_data.LogonType")).isEqualTo("3");
        assertThat(beat.get("user.name")).isEqualTo("admin");
        assertThat(beat.get("source.ip")).isEqualTo("10.9.8.7");
        assertThat(beat.get("event.outcome")).isEqualTo("failure");
        assertThat(beat.get("host.name")).isEqualTo("dc1");
    }

    @Test
    void zeekTsvHeaderStateIsPerSourceAndPath() {
        List<String> header = List.of("#separator \\x09", "#set_separator\t,", "#empty_field\t(empty)",
                "#unset_field\t-", "#path\tssl", "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tversion"
                        + "\tserver_name\tvalidation_status\tsan", "#types\ttime\tstring\taddr\tport\taddr\tport\tstring"
                        + "\tstring\tstring\tset[string]");
        for (String line : header) {
            assertThat(reject(normaliser.normalise(raw("zeek", line)))).startsWith("zeek: header line");
        }
        String row = "1521911733.511226\tCx1\t10.0.0.1\t5555\t10.0.0.2\t443\tTLSv12\tex\\x41mple.com\t-\ta.com,b.com";
        SocEvent e = accept(normaliser.normalise(raw("zeek", row)));
        assertThat(e.get("event.dataset")).isEqualTo("zeek.ssl");
        assertThat(e.get("tls.version")).isEqualTo("1.2");
        assertThat(e.get("tls.version_protocol")).isEqualTo("tls");
        assertThat(e.get("tls.client.server_name")).isEqualTo("exAmple.com");
        assertThat(e.get("zeek.ssl.san")).isEqualTo(List.of("a.com", "b.com"));
        assertThat(e.fields()).doesNotContainKey("zeek.ssl.validation_status");
        // another tenant or source does not see this header
        var otherTenant = new soc.events.RawEnvelope("x", "other", "src-1", Envelopes.RECEIVED, "http", "zeek", row);
        assertThat(reject(normaliser.normalise(otherTenant))).startsWith("zeek: TSV row without a #fields header");
        // column-count mismatch is a clear rejection
        assertThat(reject(normaliser.normalise(raw("zeek", "1\t2\t3")))).contains("3 columns, #fields declares 10");
        // zeek:<path> without header uses the built-in layout
        SocEvent dnp3 = accept(normaliser.normalise(raw("zeek:dnp3",
                "1097501938.504844\tC1\t10.0.0.8\t2789\t10.0.0.3\t20000\t-\tUNSOLICITED_RESPONSE\t4096")));
        assertThat(dnp3.get("ot.function_name")).isEqualTo("UNSOLICITED_RESPONSE");
        assertThat(dnp3.get("ot.function_code")).isEqualTo(130);
        assertThat(dnp3.get("ot.iin")).isEqualTo(4096L);
    }

    @Test
    void autoDetection() {
        assertThat(accept(normaliser.normalise(raw("auto", "{\"a\":1}"))).get("event.dataset")).isEqualTo("json");
        assertThat(accept(normaliser.normalise(raw("auto", "<13>1 - - - - - - hi"))).get("event.dataset"))
                .isEqualTo("syslog");
        assertThat(accept(normaliser.normalise(raw("auto", "x CEF:0|a|b|c|d|e|1|k=v"))).get("event.dataset"))
                .isEqualTo("cef");
        assertThat(accept(normaliser.normalise(raw("AUTO", "LEEF:1.0|a|b|c|d|k=v"))).get("event.dataset"))
                .isEqualTo("leef");
        assertThat(Stream.of("#fields\tts", "k=v x=y", "plain text")
                .map(p -> reject(normaliser.normalise(raw("auto", p))))).allMatch(r -> r.startsWith("auto: unrecognised"));
    }
}
