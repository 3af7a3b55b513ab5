package soc.ingest.parse;

import java.util.List;

import org.junit.jupiter.api.Test;
import soc.events.SocEvent;

import static org.assertj.core.api.Assertions.assertThat;

/** Exact field values for selected lines of each corpus folder. */
class CorpusSpotChecksTest {
    private final Normaliser normaliser = new Normaliser();

    private SocEvent line(String relative, String format, int index) {
        List<String> lines = CorpusFiles.file(relative).lines();
        return Envelopes.accept(normaliser.normalise(Envelopes.raw(format, lines.get(index))));
    }

    /** Streams a TSV file (headers first) and returns the normalised event of data row {@code row}. */
    private SocEvent zeekRow(String relative, String format, int row) {
        Normaliser fresh = new Normaliser();
        int seen = 0;
        for (String l : CorpusFiles.file(relative).lines()) {
            Normalised result = fresh.normalise(Envelopes.raw(format, l));
            if (l.startsWith("#")) {
                continue;
            }
            if (seen++ == row) {
                return Envelopes.accept(result);
            }
        }
        throw new AssertionError("no row " + row);
    }

    @Test
    void radiflowCefOverSyslog() {
        String file = "cef/azure-sentinel/RadiflowIsid_RawLogs.txt";
        SocEvent first = line(file, "auto", 0);
        assertThat(first.get("event.dataset")).isEqualTo("cef");
        assertThat(first.get("cef.name")).isEqualTo("New Link Detected");
        assertThat(first.get("cef.severity")).isEqualTo("Medium");
        assertThat(first.get("event.severity")).isEqualTo(5);
        assertThat(first.get("source.ip")).isEqualTo("172.16.2.41");
        assertThat(first.get("destination.ip")).isEqualTo("172.16.8.17");
        assertThat(first.get("destination.port")).isEqualTo(502L);
        assertThat(first.get("ot.protocol")).isEqualTo("modbus");
        assertThat(first.get("cef.extensions.cat")).isEqualTo("Link");
        assertThat(first.get("cef.extensions.SrcMac")).isEqualTo("00:30:DE:40:D0:8D"); // "#012" decoded and trimmed
        assertThat(first.get("cef.extensions.DstName")).isEqualTo("172.16.8.17 - 0");
        assertThat(first.get("cef.extensions.SrcVendor")).isEqualTo("WAGO Kontakttechnik GmbH");
        assertThat(first.get("process.name")).isEqualTo("radiflow-labs-isid");
        assertThat(first.getString("@timestamp")).isEqualTo("2024-05-18T16:02:00Z");

        SocEvent logicUpdate = line(file, "cef", 33);
        assertThat(logicUpdate.get("cef.name")).isEqualTo("Schneider Logic Update Detected");
        assertThat(logicUpdate.get("event.severity")).isEqualTo(8);
        assertThat(logicUpdate.get("event.code")).isEqualTo("101");
        assertThat(logicUpdate.get("cef.extensions.SrcVendor")).isEqualTo("Micro-Star INT'L CO., LTD.");
        assertThat(logicUpdate.get("cef.extensions.SrcVlan")).isEqualTo("None");

        SocEvent reserved = line(file, "syslog", 34);
        assertThat(reserved.get("event.dataset")).isEqualTo("cef");
        assertThat(reserved.get("message")).isEqualTo("(spp_modbus): Reserved Modbus function code in use.");
        assertThat(reserved.get("cef.extensions.id")).isEqualTo("253");

        SocEvent s7 = line(file, "cef", CorpusFiles.file(file).lines().stream()
                .filter(l -> l.contains("pt=102")).findFirst().map(l -> CorpusFiles.file(file).lines().indexOf(l))
                .orElseThrow());
        assertThat(s7.get("destination.port")).isEqualTo(102L);
        assertThat(s7.get("ot.protocol")).isEqualTo("s7/s7plus/61850-mms");
    }

    @Test
    void syslogPayloads() {
        SocEvent rfc3164 = line("syslog/otel-syslogtest-payloads/RFC3164", "auto", 0);
        assertThat(rfc3164.get("log.syslog.priority")).isEqualTo(34);
        assertThat(rfc3164.getString("@timestamp")).isEqualTo("2024-02-04T11:14:27Z");
        assertThat(rfc3164.get("host.hostname")).isEqualTo("1.2.3.4");
        assertThat(rfc3164.get("process.name")).isEqualTo("apache_server");
        assertThat(rfc3164.get("message")).isEqualTo("test message");

        SocEvent noPri = line("syslog/otel-syslogtest-payloads/rfc3164-skip-pri-absent", "syslog", 0);
        assertThat(noPri.fields()).doesNotContainKey("log.syslog.priority");
        assertThat(noPri.get("host.hostname")).isEqualTo("1.2.3.4");
        assertThat(noPri.get("message")).isEqualTo("test message");

        for (String name : List.of("RFC5424", "rfc6587-octet-counting", "rfc6587-non-transparent-framing")) {
            SocEvent e = line("syslog/otel-syslogtest-payloads/" + name, "auto", 0);
            assertThat(e.get("log.syslog.priority")).as(name).isEqualTo(86);
            assertThat(e.get("log.syslog.facility.name")).isEqualTo("authpriv");
            assertThat(e.get("log.syslog.severity.name")).isEqualTo("informational");
            assertThat(e.getString("@timestamp")).isEqualTo("2015-08-05T21:58:59.693Z");
            assertThat(e.get("host.hostname")).isEqualTo("192.168.2.132");
            assertThat(e.get("process.name")).isEqualTo("SecureAuth0");
            assertThat(e.get("process.pid")).isEqualTo(23108L);
            assertThat(e.get("log.syslog.msgid")).isEqualTo("ID52020");
            assertThat(e.get("log.syslog.structured_data.SecureAuth@27389.UserID")).isEqualTo("Tester2");
            assertThat(e.get("log.syslog.structured_data.SecureAuth@27389.PEN")).isEqualTo("27389");
            assertThat(e.get("message")).isEqualTo("Found the user for retrieving user's profile");
        }
        SocEvent pri123 = line("syslog/otel-syslogtest-payloads/rfc5424-skip-pri-present", "syslog", 0);
        assertThat(pri123.get("log.syslog.facility.code")).isEqualTo(15);
        assertThat(pri123.get("log.syslog.severity.code")).isEqualTo(3);

        SocEvent space = line("syslog/otel-syslogtest-payloads/rfc6587-octet-counting-preserve-space", "syslog", 0);
        assertThat(space.get("message")).isEqualTo(" partition is p2 ");

        String vpn = "syslog/azure-sentinel/OpenVPN.txt";
        SocEvent first = line(vpn, "auto", 0);
        assertThat(first.getString("@timestamp")).isEqualTo("2023-06-21T11:17:33Z"); // June 2024 would be in the future
        assertThat(first.get("host.hostname")).isEqualTo("demo-host.local");
        assertThat(first.get("process.name")).isEqualTo("openvpn");
        assertThat(first.fields()).doesNotContainKey("process.pid");
        assertThat(first.get("message")).isEqualTo(
                "1.2.3.4:41445 peer info: IV_CIPHERS=AES-256-GCM:AES-128-GCM:CHACHA20-POLY1305");
        SocEvent second = line(vpn, "syslog", 1);
        assertThat(second.get("process.pid")).isEqualTo(30264L);
        assertThat(second.get("message")).isEqualTo("1.2.3.4:41445 peer info: IV_TCPNL=1");
    }

    @Test
    void windowsSecurityAndSysmon() {
        String lsass = "windows/otrf-security-datasets/psh_lsass_memory_dump_comsvcs_2020-10-18T19500924.json";
        SocEvent exit = line(lsass, "windows", 0);
        assertThat(exit.get("winlog.event_id")).isEqualTo("4689");
        assertThat(exit.get("winlog.channel")).isEqualTo("Security");
        assertThat(exit.get("event.dataset")).isEqualTo("windows.security");
        assertThat(exit.get("winlog.event_data.SubjectUserName")).isEqualTo("wardog");
        assertThat(exit.get("winlog.event_data.ProcessId")).isEqualTo("0x12d8");
        assertThat(exit.get("process.executable")).isEqualTo("C:\\Windows\\System32\\rundll32.exe");
        assertThat(exit.get("process.pid")).isEqualTo(0x12d8L);
        assertThat(exit.get("user.name")).isEqualTo("wardog");
        assertThat(exit.get("event.action")).isEqualTo("exited-process");
        assertThat(exit.getString("@timestamp")).isEqualTo("2020-10-18T07:50:06.220Z");

        String covenant = "windows/otrf-security-datasets/covenant_copy_smb_CreateRequest_2020-09-22145302.json";
        SocEvent registry = line(covenant, "auto", 0);
        assertThat(registry.get("event.dataset")).isEqualTo("windows.sysmon");
        assertThat(registry.get("winlog.event_id")).isEqualTo("13");
        assertThat(registry.get("registry.path")).asString().startsWith("HKU\\S-1-5-21-4228717743");
        assertThat(registry.get("process.executable")).isEqualTo("C:\\windows\\Explorer.EXE");
        assertThat(registry.get("host.name")).isEqualTo("WORKSTATION5.theshire.local");
        assertThat(registry.getString("@timestamp")).isEqualTo("2020-09-22T18:53:01.266Z"); // Sysmon UtcTime
        assertThat(registry.get("winlog.keywords")).isEqualTo("-9223372036854775808");

        String ldap = "windows/otrf-security-datasets/covenant_getdomaingroup_ldap_searchrequest_domain_admins_2020-09-22141005.json";
        List<String> lines = CorpusFiles.file(ldap).lines();
        int logon = indexOf(lines, "\"EventID\":4624");
        SocEvent login = line(ldap, "windows", logon);
        assertThat(login.get("user.name")).isEqualTo("pgustavo");
        assertThat(login.get("user.domain")).isEqualTo("THESHIRE.LOCAL");
        assertThat(login.get("source.ip")).isEqualTo("172.18.39.5");
        assertThat(login.get("source.port")).isEqualTo(62320L);
        assertThat(login.get("winlog.logon.type")).isEqualTo("3");
        assertThat(login.get("winlog.event_data.LogonProcessName")).asString().startsWith("Kerberos");
        assertThat(login.get("event.outcome")).isEqualTo("success");

        String fax = "windows/otrf-security-datasets/cmd_service_mod_fax_2020-10-2120454410.json";
        SocEvent create = line(fax, "windows", indexOf(CorpusFiles.file(fax).lines(), "\"EventID\":1,"));
        assertThat(create.get("process.executable")).isEqualTo("C:\\Windows\\System32\\sc.exe");
        assertThat(create.get("process.command_line")).asString().startsWith("sc  config Fax binPath=");
        assertThat(create.get("process.parent.executable")).isEqualTo("C:\\Windows\\System32\\cmd.exe");
        assertThat(create.get("process.hash.sha256"))
                .isEqualTo("39c59c362649090b4d34e5c8221c6e86552c07fe2df3478d591a68b70917bc0a");
        assertThat(create.get("winlog.event_data.IntegrityLevel")).isEqualTo("High");
        assertThat(create.get("user.name")).isEqualTo("wardog");

        String sam = "windows/otrf-security-datasets/cmd_sam_copy_esentutl_2020-10-1900290001.json";
        SocEvent enumerated = line(sam, "windows", indexOf(CorpusFiles.file(sam).lines(), "\"EventID\":4799"));
        assertThat(enumerated.get("group.name")).isNotNull();
        assertThat(enumerated.get("event.action")).isEqualTo("user-member-enumerated");
    }

    @Test
    void windowsLowerCaseChannelIsCanonicalised() {
        String covenant = "windows/otrf-security-datasets/covenant_copy_smb_CreateRequest_2020-09-22145302.json";
        List<String> lines = CorpusFiles.file(covenant).lines();
        SocEvent e = line(covenant, "windows", indexOf(lines, "\"Channel\":\"security\""));
        assertThat(e.get("winlog.channel")).isEqualTo("Security");
        assertThat(e.get("event.dataset")).isEqualTo("windows.security");
    }

    @Test
    void suricataEve() {
        SocEvent dnp3 = line("suricata/suricata-verify-2017/dnp3.eve.json", "suricata", 0);
        assertThat(dnp3.get("event.dataset")).isEqualTo("suricata.dnp3");
        assertThat(dnp3.get("ot.protocol")).isEqualTo("dnp3");
        assertThat(dnp3.get("ot.function_code")).isEqualTo(21L);
        assertThat(dnp3.get("ot.function_name")).isEqualTo("DISABLE_UNSOLICITED");
        assertThat(dnp3.get("ot.unit_id")).isEqualTo(10L);
        assertThat(dnp3.getString("@timestamp")).isEqualTo("2015-07-14T17:45:56.279893Z");
        SocEvent unsolicited = line("suricata/suricata-verify-2017/dnp3.eve.json", "auto", 1);
        assertThat(unsolicited.get("ot.function_name")).isEqualTo("UNSOLICITED_RESPONSE");
        assertThat(unsolicited.get("ot.indicators")).isEqualTo(List.of("device_restart"));

        SocEvent dnp3Alert = line("suricata/suricata-verify-2017/dnp3-dnp3_data-alert.eve.json", "suricata", 0);
        assertThat(dnp3Alert.get("event.kind")).isEqualTo("alert");
        assertThat(dnp3Alert.get("rule.name")).isEqualTo("DNP3 Data match");
        assertThat(dnp3Alert.get("rule.id")).isEqualTo("4");
        assertThat(dnp3Alert.get("ot.protocol")).isEqualTo("dnp3");

        SocEvent answer = line("suricata/suricata-verify-2017/dns-json-log.dns.json", "suricata", 1);
        assertThat(answer.get("dns.question.name")).isEqualTo("client-cf.dropbox.com");
        assertThat(answer.get("dns.response_code")).isEqualTo("NOERROR");
        assertThat(answer.get("dns.resolved_ip")).isEqualTo(List.of("52.85.112.21"));

        SocEvent tls = line("suricata/suricata-verify-2017/tls-fingerprint-alert.eve.json", "suricata", 0);
        assertThat(tls.get("tls.client.server_name")).isEqualTo("www.google.com");
        assertThat(tls.get("tls.server.hash.sha1")).isEqualTo("9086A43BF5CF1B2E4EF79796F9DEBAB96635863F");
        assertThat(tls.get("tls.version")).isEqualTo("1.2");

        SocEvent file = line("suricata/suricata-verify-2017/output-eve-fileinfo.eve.json", "suricata", 0);
        assertThat(file.get("file.name")).isEqualTo("eicar.com");
        assertThat(file.get("file.size")).isEqualTo(68L);
        assertThat(file.get("url.domain")).isEqualTo("www.eicar.org");
        assertThat(file.get("http.response.status_code")).isEqualTo(200L);

        SocEvent ldap = line("suricata/suricata-verify-2025/detect-ldap-operation.eve.json", "suricata", 0);
        assertThat(ldap.get("rule.name")).isEqualTo("Test LDAP search request number argument");
        assertThat(ldap.get("network.protocol")).isEqualTo("ldap");
        assertThat(ldap.get("source.bytes")).isEqualTo(304L);
        assertThat(ldap.get("suricata.eve.ldap.request.operation")).isEqualTo("search_request");
    }

    @Test
    void zeekJsonAndTsv() {
        SocEvent modbusJson = line("zeek/wrccdc-2018/json/modbus.json", "zeek", 0);
        SocEvent modbusTsv = zeekRow("zeek/wrccdc-2018/tsv/modbus.log", "zeek:modbus", 0);
        for (SocEvent e : List.of(modbusJson, modbusTsv)) {
            assertThat(e.get("event.dataset")).isEqualTo("zeek.modbus");
            assertThat(e.getString("@timestamp")).isEqualTo("2018-03-24T17:15:33.511226Z");
            assertThat(e.get("source.ip")).isEqualTo("10.128.0.242");
            assertThat(e.get("destination.ip")).isEqualTo("10.47.8.54");
            assertThat(e.get("destination.port")).isEqualTo(502L);
            assertThat(e.get("ot.protocol")).isEqualTo("modbus");
            assertThat(e.get("ot.function_name")).isEqualTo("unknown-100");
            assertThat(e.get("ot.function_code")).isEqualTo(100);
            assertThat(e.get("ot.unit_id")).isEqualTo(34L);
            assertThat(e.get("ot.message_type")).isEqualTo("req");
        }

        SocEvent notice = line("zeek/wrccdc-2018/json/notice.json", "auto", 0);
        assertThat(notice.get("event.kind")).isEqualTo("alert");
        assertThat(notice.get("rule.name")).isEqualTo("SSL::Invalid_Server_Cert");
        assertThat(notice.get("destination.port")).isEqualTo(443L);

        SocEvent syslog = line("zeek/wrccdc-2018/json/syslog.json", "zeek", 0);
        assertThat(syslog.get("host.hostname")).isEqualTo("PC-helen.jerry.land");
        assertThat(syslog.get("process.name")).isEqualTo("EvntSLog");
        assertThat(syslog.get("log.syslog.facility.name")).isEqualTo("local0");
        assertThat(syslog.get("log.syslog.severity.name")).isEqualTo("informational");
        assertThat(syslog.get("message")).asString().startsWith("@cee: {\"source\": \"PC-helen.jerry.land\"");
        assertThat(syslog.getString("@timestamp")).isEqualTo("2018-03-24T17:15:47.733658Z");
        assertThat(syslog.getString("event.created")).isEqualTo("2018-03-24T15:59:37Z");

        SocEvent dns = line("zeek/wrccdc-2018/json/dns.first1000.json", "zeek", 0);
        assertThat(dns.get("dns.question.name")).isEqualTo("ise.wrccdc.org");
        assertThat(dns.get("dns.question.type")).isEqualTo("A");
        assertThat(dns.get("dns.resolved_ip")).isEqualTo(List.of("134.71.3.16"));

        SocEvent detailed = zeekRow("zeek/icsnpp-modbus/modbus_detailed.log", "zeek:modbus_detailed", 1);
        assertThat(detailed.get("ot.function_name")).isEqualTo("READ_COILS");
        assertThat(detailed.get("ot.function_code")).isEqualTo(1);
        assertThat(detailed.get("ot.unit_id")).isEqualTo(5L);
        assertThat(detailed.get("ot.address")).isEqualTo(1L);
        assertThat(detailed.get("ot.quantity")).isEqualTo(8L);
        assertThat(detailed.get("ot.value")).isEqualTo("1,0,0,1,0,1,1,1");
        assertThat(detailed.get("zeek.modbus_detailed.ts")).isEqualTo("XXXXXXXXXX.XXXXXX");

        SocEvent headerless = zeekRow("zeek/icsnpp-modbus/modbus.log", "zeek:modbus", 0);
        assertThat(headerless.get("ot.function_name")).isEqualTo("READ_COILS");
        assertThat(headerless.get("source.port")).isEqualTo(47785L);

        SocEvent control = zeekRow("zeek/icsnpp-dnp3/dnp3_control.log", "zeek:dnp3_control", 0);
        assertThat(control.get("ot.protocol")).isEqualTo("dnp3");
        assertThat(control.get("ot.function_name")).isEqualTo("SELECT");
        assertThat(control.get("ot.function_code")).isEqualTo(3);
        assertThat(control.get("ot.address")).isEqualTo(8L);
        assertThat(control.get("ot.value")).isEqualTo("Pulse Off Close");

        SocEvent events = zeekRow("zeek/zeek-v3.0.0-btest/scripts.base.protocols.dnp3.events/dnp3.log", "zeek:dnp3", 1);
        assertThat(events.get("ot.function_name")).isEqualTo("WRITE");
        assertThat(events.get("ot.reply_function_name")).isEqualTo("RESPONSE");
        assertThat(events.getString("@timestamp")).isEqualTo("2004-10-11T13:39:01.569134Z");

        SocEvent change = zeekRow(
                "zeek/zeek-v3.0.0-btest/scripts.base.protocols.modbus.policy/modbus_register_change.log",
                "zeek:modbus_register_change", 0);
        assertThat(change.get("ot.address")).isEqualTo(101L);
        assertThat(change.get("ot.value")).isEqualTo("1");
        assertThat(change.get("ot.previous_value")).isEqualTo("0");

        SocEvent conn = zeekRow("zeek/icsnpp-dnp3/conn.log", "zeek:conn", 0);
        assertThat(conn.get("network.protocol")).isEqualTo("dnp3_tcp");
        assertThat(conn.get("ot.protocol")).isEqualTo("dnp3");
        assertThat(conn.get("source.bytes")).isEqualTo(1800L);
        assertThat(conn.get("zeek.conn.tunnel_parents")).isNull();
    }

    private static int indexOf(List<String> lines, String needle) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + needle);
    }
}
