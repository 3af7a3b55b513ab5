package soc.detect.sigma;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import soc.events.EventJson;
import soc.events.SocEvent;
import tools.jackson.databind.MappingIterator;

/**
 * Test-side adapter: evtx_dump-style JSON ({@code {"Event": {"System": ..., "EventData": ...}}}, possibly several
 * objects back to back) to SocEvents following the platform's Windows convention: {@code winlog.event_id} (string),
 * {@code winlog.channel}, {@code winlog.provider_name}, {@code winlog.computer_name}, every EventData field as
 * {@code winlog.event_data.<Name>}, UserData fields as {@code winlog.user_data.<Name>}, plus ECS fields.
 */
final class EvtxJsonAdapter {
    private EvtxJsonAdapter() {
    }

    @SuppressWarnings("unchecked")
    static List<SocEvent> read(Path json) throws IOException {
        List<SocEvent> out = new ArrayList<>();
        try (MappingIterator<Map<String, Object>> it = EventJson.mapper().readerFor(Map.class)
                .readValues(Files.readString(json))) {
            while (it.hasNext()) {
                out.add(toEvent((Map<String, Object>) it.next().get("Event")));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static SocEvent toEvent(Map<String, Object> event) {
        Map<String, Object> system = (Map<String, Object>) event.get("System");
        SocEvent.Builder b = new SocEvent.Builder()
                .put(SocEvent.EVENT_ID, UUID.randomUUID().toString())
                .put(SocEvent.TENANT_ID, "test-tenant")
                .put(SocEvent.DATASET, "windows.eventlog");
        String eventId = String.valueOf(system.get("EventID"));
        b.put("winlog.event_id", eventId).put("event.code", eventId);
        b.put("winlog.channel", system.get("Channel"));
        b.put("winlog.provider_name", attr(system.get("Provider"), "Name"));
        b.put("winlog.computer_name", system.get("Computer"));
        b.put("host.name", system.get("Computer"));
        b.put("winlog.user.identifier", attr(system.get("Security"), "UserID"));
        b.put("winlog.record_id", system.get("EventRecordID"));
        Object time = attr(system.get("TimeCreated"), "SystemTime");
        b.put(SocEvent.TIMESTAMP, time != null ? time.toString() : "1970-01-01T00:00:00Z");
        if (event.get("EventData") instanceof Map<?, ?> data) {
            flatten("winlog.event_data.", (Map<String, Object>) data, b);
        }
        if (event.get("UserData") instanceof Map<?, ?> userData) {
            for (Object inner : userData.values()) {
                if (inner instanceof Map<?, ?> m) {
                    flatten("winlog.user_data.", (Map<String, Object>) m, b);
                }
            }
        }
        // ECS view of the common fields
        copy(b, "process.command_line", "winlog.event_data.CommandLine");
        copy(b, "process.executable", "winlog.event_data.Image", "winlog.event_data.NewProcessName");
        copy(b, "process.parent.executable", "winlog.event_data.ParentImage", "winlog.event_data.ParentProcessName");
        copy(b, "process.parent.command_line", "winlog.event_data.ParentCommandLine");
        copy(b, "process.pid", "winlog.event_data.ProcessId");
        copy(b, "file.path", "winlog.event_data.TargetFilename");
        copy(b, "registry.path", "winlog.event_data.TargetObject");
        copy(b, "dns.question.name", "winlog.event_data.QueryName");
        copy(b, "destination.ip", "winlog.event_data.DestinationIp");
        copy(b, "source.ip", "winlog.event_data.SourceIp", "winlog.event_data.IpAddress");
        Object user = b.get("winlog.event_data.User");
        if (user instanceof String u) {
            int i = u.indexOf('\\');
            b.put("user.name", i >= 0 ? u.substring(i + 1) : u);
            if (i >= 0) {
                b.put("user.domain", u.substring(0, i));
            }
        }
        b.put(SocEvent.ORIGINAL, EventJson.write(Map.of("Event", event)));
        return b.build();
    }

    private static void flatten(String prefix, Map<String, Object> data, SocEvent.Builder b) {
        for (Map.Entry<String, Object> e : data.entrySet()) {
            if (e.getKey().startsWith("#")) {
                continue;
            }
            Object v = e.getValue();
            b.put(prefix + e.getKey(), v instanceof Map<?, ?> ? EventJson.write(v) : v);
        }
    }

    private static void copy(SocEvent.Builder b, String to, String... from) {
        for (String f : from) {
            Object v = b.get(f);
            if (v != null) {
                b.put(to, v);
                return;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Object attr(Object node, String name) {
        if (node instanceof Map<?, ?> m && m.get("#attributes") instanceof Map<?, ?> a) {
            return ((Map<String, Object>) a).get(name);
        }
        return null;
    }
}
