package soc.web.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import soc.events.RawEnvelope;
import soc.events.SocEvent;
import soc.ingest.parse.Normalised;
import soc.ingest.parse.Normaliser;

/** Every format the simulator sends parses through soc-ingest's normaliser into the fields detection relies on. */
class FormatsParseTest {
    private static final Instant T = Instant.parse("2026-11-30T10:15:30.123Z");
    private final Normaliser normaliser = new Normaliser();

    private SocEvent parse(String format, String payload) {
        Normalised result = normaliser.normalise(new RawEnvelope("e1", "aberhafren", "s1", T.plusSeconds(2), "http",
                format, payload));
        assertThat(result).as(payload).isInstanceOf(Normalised.Accepted.class);
        return ((Normalised.Accepted) result).event();
    }

    @Test
    void firewallSyslogCarriesCefTrafficFields() {
        SocEvent e = parse("auto", Formats.firewall(T, "fw01.aberhafren.example", "deny", "192.0.2.7", 40000,
                "10.10.1.25", 3389, "tcp", 60, 0, "default-deny"));
        assertThat(e.timestamp()).isEqualTo(T);
        assertThat(e.getString("host.name")).isEqualTo("fw01.aberhafren.example");
        assertThat(e.getString("observer.product")).isEqualTo("Edge Firewall");
        assertThat(e.getString("cef.extensions.act")).isEqualTo("deny");
        assertThat(e.getString("source.ip")).isEqualTo("192.0.2.7");
        assertThat(e.getString("destination.port")).isEqualTo("3389");
    }

    @Test
    void windowsFailedLogonKeepsStatusUserAndAddress() {
        SocEvent e = parse("json", Formats.failedLogon(T, "dc01.aberhafren.example", "ABERHAFREN", "gwen.jones",
                "185.220.101.9", "0xC000006A"));
        assertThat(e.timestamp()).isEqualTo(T);
        assertThat(e.getString("event.code")).isEqualTo("4625");
        assertThat(e.getString("winlog.event_data.Status")).isEqualTo("0xC000006A");
        assertThat(e.getString("user.name")).isEqualTo("gwen.jones");
        assertThat(e.getString("source.ip")).isEqualTo("185.220.101.9");
        assertThat(e.getString("event.outcome")).isEqualTo("failure");
    }

    @Test
    void sysmonProcessCreationMapsImageCommandLineAndParent() {
        SocEvent e = parse("json", Formats.sysmonProcess(T, "ws001.aberhafren.example", "huw.evans",
                "C:\\Windows\\System32\\vssadmin.exe", "vssadmin.exe delete shadows /all /quiet",
                "C:\\Windows\\System32\\cmd.exe", "cmd.exe"));
        assertThat(e.timestamp()).isEqualTo(T);
        assertThat(e.getString("event.dataset")).isEqualTo("windows.sysmon");
        assertThat(e.getString("process.executable")).isEqualTo("C:\\Windows\\System32\\vssadmin.exe");
        assertThat(e.getString("process.command_line")).isEqualTo("vssadmin.exe delete shadows /all /quiet");
        assertThat(e.getString("process.parent.executable")).isEqualTo("C:\\Windows\\System32\\cmd.exe");
        assertThat(e.getString("host.name")).isEqualTo("ws001.aberhafren.example");
    }

    @Test
    void microsoft365AuditRecordKeepsOperationUserAndClient() {
        SocEvent e = parse("json", Formats.m365(T, "UserLoggedIn", "AzureActiveDirectory", "nia.owen@aberhafren.example",
                "81.2.69.160", "Succeeded", Formats.ordered()));
        assertThat(e.getString("Operation")).isEqualTo("UserLoggedIn");
        assertThat(e.getString("UserId")).isEqualTo("nia.owen@aberhafren.example");
        assertThat(e.getString("ClientIP")).isEqualTo("81.2.69.160");
        assertThat(e.getString("ResultStatus")).isEqualTo("Succeeded");
        assertThat(e.timestamp()).as("CreationTime is the event time").isEqualTo(T);
    }

    @Test
    void zeekLogsMapNetworkAndIndustrialFields() {
        SocEvent conn = parse("json", Formats.zeekConn(T, "Cabc", "10.50.10.12", 50000, "10.20.2.10", 102, "tcp",
                "s7comm", 512, 128, "SF"));
        assertThat(conn.getString("event.dataset")).isEqualTo("zeek.conn");
        assertThat(conn.getString("destination.port")).isEqualTo("102");
        assertThat(conn.getString("source.bytes")).isEqualTo("512");
        assertThat(conn.timestamp()).isEqualTo(T);

        SocEvent dns = parse("json", Formats.zeekDns(T, "Cdef", "10.10.10.11", "10.10.1.10", "transfer.sh", "198.51.100.20"));
        assertThat(dns.getString("dns.question.name")).isEqualTo("transfer.sh");

        SocEvent s7 = parse("json", Formats.zeekS7(T, "Cghi", "10.50.10.12", "10.20.2.10", 41, "PLC Stop"));
        assertThat(s7.getString("ot.protocol")).isEqualTo("s7comm");
        assertThat(s7.getString("ot.function_code")).isEqualTo("41");
        assertThat(s7.getString("ot.message_type")).isEqualTo("Job");

        SocEvent modbus = parse("json", Formats.zeekModbus(T, "Cjkl", "10.20.1.5", "10.20.2.10", "READ_HOLDING_REGISTERS", 1));
        assertThat(modbus.getString("ot.protocol")).isEqualTo("modbus");
        assertThat(modbus.getString("ot.function_code")).isEqualTo("3");
        assertThat(modbus.getString("destination.ip")).isEqualTo("10.20.2.10");

        SocEvent dnp3 = parse("json", Formats.zeekDnp3(T, "Cmno", "10.20.1.20", "10.20.3.5", "COLD_RESTART", "RESPONSE"));
        assertThat(dnp3.getString("ot.protocol")).isEqualTo("dnp3");
        assertThat(dnp3.getString("ot.function_code")).isEqualTo("13");
    }

    @Test
    void suricataEveMapsModbusDnp3AndFlows() {
        SocEvent modbus = parse("json", Formats.suricataModbus(T, 1234567L, "10.20.1.5", "10.20.2.11", 3, 1, 40001, 4));
        assertThat(modbus.timestamp()).isEqualTo(T);
        assertThat(modbus.getString("ot.protocol")).isEqualTo("modbus");
        assertThat(modbus.getString("ot.function_code")).isEqualTo("3");
        assertThat(modbus.getString("ot.address")).isEqualTo("40001");

        SocEvent dnp3 = parse("json", Formats.suricataDnp3(T, 7654321L, "10.20.1.20", "10.20.3.5", 13, 1, 10));
        assertThat(dnp3.getString("ot.function_code")).isEqualTo("13");
        assertThat(dnp3.getString("ot.function_name")).isEqualTo("COLD_RESTART");
        assertThat(dnp3.getString("ot.unit_id")).isEqualTo("10");

        SocEvent flow = parse("json", Formats.suricataFlow(T, 42L, "10.20.1.30", 50000, "10.20.1.20", 443, "tls", 1000, 5000));
        assertThat(flow.getString("source.ip")).isEqualTo("10.20.1.30");
        assertThat(flow.getString("event.dataset")).isEqualTo("suricata.flow");
    }

    @Test
    void everyBackgroundAndScenarioEventParsesWithItsOwnTimestamp() {
        Estate estate = Estate.generate(7, 4, 1);
        BackgroundTraffic traffic = new BackgroundTraffic(estate, 7);
        List<SimEvent> events = new java.util.ArrayList<>(traffic.next(T, 500));
        for (Scenario scenario : Scenario.values()) {
            Estate.Organisation o = estate.organisations().stream().filter(scenario::appliesTo).findFirst().orElseThrow();
            events.addAll(scenario.plan(o, T, 1).events());
        }
        assertThat(events).extracting(SimEvent::source).contains(SimSource.values());
        for (SimEvent event : events) {
            SocEvent parsed = parse(event.source().format(), event.payload());
            assertThat(parsed.tenantId()).isEqualTo("aberhafren");
            // M365 included: generic JSON takes a unified audit record's CreationTime as the event time
            assertThat(parsed.timestamp()).as(event.payload()).isEqualTo(event.time());
        }
    }

    @Test
    void syslogWithoutItsSenderAddressCarriesTheTokenInStructuredData() {
        String line = Formats.firewall(T, "fw01.x.example", "allow", "10.10.10.11", 50000, "203.0.113.5", 443, "tcp", 1, 2, "r");
        String withToken = Sender.withToken(line, "soc_ing_secret");
        assertThat(withToken).contains(" TRAFFIC [soc@32473 token=\"soc_ing_secret\"] CEF:0|");
        assertThat(parse("auto", withToken).getString("source.ip")).isEqualTo("10.10.10.11");
    }
}
