package soc.ingest.parse.json;

import java.util.Map;

import soc.events.SocEvent;
import soc.ingest.parse.support.Fields;
import soc.ingest.parse.support.JsonEventParser;
import soc.ingest.parse.support.ParseInput;

/**
 * Any JSON object: fields are kept flattened to dotted keys and a few well-known keys are moved to their ECS
 * names (see docs/schema.md). Keys that would overwrite platform fields are kept under {@code raw.}.
 */
public final class GenericJsonParser implements JsonEventParser {
    private static final String[] TIME_KEYS = {"@timestamp", "timestamp", "time", "ts", "datetime", "date_time",
            "eventTime", "event_time", "EventTime", "TimeCreated"};

    /** Well-known key (exact, after flattening) to ECS field; the original key is removed when mapped. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("msg", "message"),
            Map.entry("host", "host.name"),
            Map.entry("hostname", "host.name"),
            Map.entry("host_name", "host.name"),
            Map.entry("user", "user.name"),
            Map.entry("username", "user.name"),
            Map.entry("user_name", "user.name"),
            Map.entry("src_ip", "source.ip"),
            Map.entry("source_ip", "source.ip"),
            Map.entry("srcip", "source.ip"),
            Map.entry("client_ip", "source.ip"),
            Map.entry("src_port", "source.port"),
            Map.entry("source_port", "source.port"),
            Map.entry("srcport", "source.port"),
            Map.entry("dst_ip", "destination.ip"),
            Map.entry("dest_ip", "destination.ip"),
            Map.entry("destination_ip", "destination.ip"),
            Map.entry("dstip", "destination.ip"),
            Map.entry("dst_port", "destination.port"),
            Map.entry("dest_port", "destination.port"),
            Map.entry("destination_port", "destination.port"),
            Map.entry("dstport", "destination.port"),
            Map.entry("proto", "network.transport"),
            Map.entry("level", "log.level"),
            Map.entry("log_level", "log.level"),
            Map.entry("severity", "log.level"),
            Map.entry("action", "event.action"),
            Map.entry("pid", "process.pid"),
            Map.entry("program", "process.name"),
            Map.entry("url", "url.original"),
            Map.entry("method", "http.request.method"),
            Map.entry("user_agent", "user_agent.original"));

    /** The event time of a Microsoft 365 unified audit record (Management Activity API / Purview export). */
    static final String M365_TIME = "CreationTime";

    /**
     * A Microsoft 365 unified audit record: {@code CreationTime}, {@code Operation} and {@code Workload} or
     * {@code RecordType} (the schema's common fields; see docs/schema.md).
     */
    static boolean isM365Audit(Map<String, Object> flat) {
        return flat.containsKey(M365_TIME) && flat.containsKey("Operation")
                && (flat.containsKey("Workload") || flat.containsKey("RecordType"));
    }

    @Override
    public String format() {
        return "json";
    }

    @Override
    public void map(ParseInput input, Map<String, Object> object, SocEvent.Builder event) {
        Map<String, Object> flat = Fields.flatten(object);
        boolean timed = isM365Audit(flat) && Fields.putTimestamp(event, flat.get(M365_TIME));
        if (timed) {
            flat.remove(M365_TIME); // the audit record's own time (UTC; Microsoft writes it without a zone)
        }
        for (int k = 0; k < TIME_KEYS.length && !timed; k++) {
            Object value = flat.get(TIME_KEYS[k]);
            if (value != null && Fields.putTimestamp(event, value)) {
                flat.remove(TIME_KEYS[k]);
                timed = true;
            }
        }
        for (Map.Entry<String, Object> e : flat.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            String ecs = ALIASES.get(key);
            if (ecs != null && flat.containsKey(ecs)) {
                ecs = null; // the payload already has the ECS field: keep both as they are
            }
            if (ecs == null) {
                Fields.putPayload(event, key, value);
            } else if (ecs.endsWith(".port") || ecs.equals("process.pid")) {
                Long number = Fields.num(value);
                event.put(number != null ? ecs : key, number != null ? number : value);
            } else if (ecs.equals("network.transport") && value instanceof String s) {
                event.put(ecs, soc.ingest.parse.support.Text.lower(s));
            } else {
                event.put(ecs, value);
            }
        }
        Fields.putIfAbsent(event, "event.kind", "event");
        Fields.putIfAbsent(event, SocEvent.DATASET, "json");
    }
}
