package soc.ingest.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import soc.events.EventJson;
import soc.events.SocEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streams EVERY corpus log file line by line through the normaliser with the format a source would declare,
 * requires every event line to be accepted, and checks per-format invariants against values read independently
 * from the raw line (IPs, ids, event data names, Zeek TSV columns).
 */
class CorpusTest {
    private static final Set<String> WINDOWS_METADATA = Set.of("EventID", "Channel", "SourceName", "ProviderGuid",
            "Hostname", "host", "Message", "Keywords", "SeverityValue", "Severity", "EventTypeOrignal",
            "ExecutionProcessID", "ThreadID", "UserID", "AccountType", "AccountName", "Domain", "EventReceivedTime",
            "EventTime", "TimeCreated", "Opcode", "OpcodeValue", "@timestamp", "@version", "SourceModuleType",
            "SourceModuleName", "port", "RecordNumber", "Task", "Version", "Category", "tags", "Level", "ActivityID",
            "ERROR_EVT_UNRESOLVED", "EventType");

    @TestFactory
    Stream<DynamicTest> everyCorpusFileNormalises() {
        List<CorpusFiles.CorpusFile> files = CorpusFiles.all();
        assertThat(files).as("corpus files under " + Envelopes.corpusLogs()).hasSizeGreaterThan(80);
        Normaliser normaliser = new Normaliser();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.relative(), () -> check(normaliser, f)));
    }

    private static void check(Normaliser normaliser, CorpusFiles.CorpusFile file) {
        String source = "corpus-" + Integer.toHexString(file.relative().hashCode());
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        String[] zeekFields = null;
        for (String line : file.lines()) {
            var raw = new soc.events.RawEnvelope("id-" + accepted, "acme", source, Envelopes.RECEIVED, "http",
                    file.format(), line);
            Normalised result = normaliser.normalise(raw);
            if (file.format().startsWith("zeek:") && line.startsWith("#")) {
                assertThat(result).isInstanceOf(Normalised.Rejected.class);
                assertThat(((Normalised.Rejected) result).reason()).startsWith("zeek: header line");
                if (line.startsWith("#fields\t")) {
                    zeekFields = line.substring(8).split("\t", -1);
                }
                continue;
            }
            if (result instanceof Normalised.Rejected rejected) {
                failures.add(rejected.reason() + " <- " + line.substring(0, Math.min(120, line.length())));
                continue;
            }
            accepted++;
            SocEvent e = ((Normalised.Accepted) result).event();
            assertThat(e.get("event.original")).isEqualTo(line);
            assertThat(e.tenantId()).isEqualTo("acme");
            assertThat(Instant.parse(e.getString("@timestamp"))).isNotNull();
            assertThat(e.getString("event.dataset")).isNotBlank();
            assertThat(e.getString("event.kind")).isIn("event", "alert", "metric");
            invariants(file, line, e, zeekFields);
        }
        assertThat(failures).as("rejected lines of " + file.relative()).isEmpty();
        assertThat(accepted).as("accepted lines of " + file.relative()).isPositive();
    }

    private static void invariants(CorpusFiles.CorpusFile file, String line, SocEvent e, String[] zeekFields) {
        String format = file.format();
        if (format.equals("suricata")) {
            Map<String, Object> o = EventJson.readObject(line);
            assertThat(e.get("event.dataset")).isEqualTo("suricata." + o.get("event_type"));
            assertThat(e.get("source.ip")).isEqualTo(o.get("src_ip"));
            assertThat(e.get("destination.ip")).isEqualTo(o.get("dest_ip"));
            if (o.get("src_port") != null) {
                assertThat(e.get("source.port")).isEqualTo(((Number) o.get("src_port")).longValue());
            }
            assertThat(e.get("suricata.eve.flow_id")).isEqualTo(o.get("flow_id"));
            if (o.containsKey("alert")) {
                assertThat(e.get("event.kind")).isEqualTo("alert");
                assertThat(e.get("rule.name")).isEqualTo(((Map<?, ?>) o.get("alert")).get("signature"));
            }
        } else if (format.equals("windows")) {
            Map<String, Object> o = EventJson.readObject(line);
            assertThat(e.get("winlog.event_id")).isEqualTo(String.valueOf(o.get("EventID")));
            assertThat(e.get("event.code")).isEqualTo(String.valueOf(o.get("EventID")));
            assertThat(e.get("winlog.provider_name")).isEqualTo(o.get("SourceName"));
            assertThat(((String) e.get("winlog.channel"))).isEqualToIgnoringCase((String) o.get("Channel"));
            assertThat(e.get("winlog.computer_name")).isEqualTo(o.get("Hostname"));
            for (Map.Entry<String, Object> field : o.entrySet()) {
                if (WINDOWS_METADATA.contains(field.getKey()) || field.getValue() == null) {
                    continue;
                }
                assertThat(e.get("winlog.event_data." + field.getKey())).as(field.getKey())
                        .isEqualTo(String.valueOf(field.getValue()));
            }
            if ("SetValue".equals(o.get("EventType")) || "CreateKey".equals(o.get("EventType"))) {
                assertThat(e.get("winlog.event_data.EventType")).isEqualTo(o.get("EventType"));
            }
        } else if (format.equals("zeek")) {
            Map<String, Object> o = EventJson.readObject(line);
            assertThat(e.get("event.dataset")).isEqualTo("zeek." + o.get("_path"));
            assertThat(e.get("zeek.session_id")).isEqualTo(o.get("uid"));
            if (o.get("id.orig_h") != null) {
                assertThat(e.get("source.ip")).isEqualTo(o.get("id.orig_h"));
                assertThat(e.get("destination.port")).isEqualTo(((Number) o.get("id.resp_p")).longValue());
            }
            assertThat(e.getString("@timestamp")).isEqualTo(Instant.parse((String) o.get("ts")).toString());
        } else if (format.startsWith("zeek:")) {
            String path = format.substring(5);
            String[] columns = line.split("\t", -1);
            String[] fields = zeekFields != null ? zeekFields
                    : columns.length == 8 ? new String[]{"ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h",
                    "id.resp_p", "func", "exception"} : null;
            assertThat(fields).as("layout of " + file.relative()).isNotNull();
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < fields.length; i++) {
                row.put(fields[i], columns[i]);
            }
            assertThat(e.get("event.dataset")).isEqualTo("zeek." + path);
            if (row.containsKey("uid")) {
                assertThat(e.get("zeek.session_id")).isEqualTo(row.get("uid"));
            }
            if (row.containsKey("id.orig_h")) {
                assertThat(e.get("source.ip")).isEqualTo(row.get("id.orig_h"));
                assertThat(e.get("destination.port")).isEqualTo(Long.parseLong(row.get("id.resp_p")));
            }
            if (!row.get("ts").startsWith("X")) {
                assertThat(e.getString("@timestamp")).startsWith(
                        Instant.ofEpochSecond(Long.parseLong(row.get("ts").substring(0, row.get("ts").indexOf('.'))))
                                .toString().substring(0, 19));
            } else {
                assertThat(e.get("@timestamp")).isEqualTo(e.get("event.ingested"));
            }
            if (path.startsWith("modbus") || path.startsWith("dnp3") || path.equals("known_modbus")) {
                assertThat(e.get("ot.protocol")).isEqualTo(path.startsWith("dnp3") ? "dnp3" : "modbus");
            }
        } else if (format.equals("cef")) {
            assertThat(e.get("cef.device.vendor")).isEqualTo("radiflow");
            assertThat(e.get("observer.product")).isEqualTo("isid");
            assertThat(e.get("host.hostname")).isEqualTo("radiflow-labs-isid");
            assertThat(e.getString("@timestamp")).startsWith("2024-05-18T16:02:0");
            assertThat((Integer) e.get("event.severity")).isIn(5, 8);
        } else if (format.equals("syslog")) {
            assertThat(e.get("message")).isNotNull();
            assertThat(e.get("event.dataset")).isEqualTo("syslog");
        }
    }
}
