package soc.ingest.parse.windows;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import soc.events.SocEvent;
import soc.ingest.parse.support.Fields;
import soc.ingest.parse.support.JsonEventParser;
import soc.ingest.parse.support.ParseException;
import soc.ingest.parse.support.ParseInput;
import soc.ingest.parse.support.Text;
import soc.ingest.parse.support.Times;

/**
 * Windows event log records as JSON, in three shapes that all normalise to the same view:
 * <ul>
 *     <li>flat NXLog / Logstash form (OTRF Security-Datasets): {@code EventID}, {@code Channel}, {@code SourceName},
 *     {@code Hostname} plus the EventData fields at top level;</li>
 *     <li>Winlogbeat / ECS form: {@code winlog.event_id}, {@code winlog.event_data.*} ...;</li>
 *     <li>nested evtx form: {@code Event.System} (attributes under {@code #attributes}) and {@code Event.EventData}.</li>
 * </ul>
 * Every EventData field is kept as {@code winlog.event_data.<OriginalName>} (string values), plus ECS mappings.
 */
public final class WindowsEventParser implements JsonEventParser {
    /** Shipper/System metadata in the flat form: everything else at top level is EventData. */
    private static final Set<String> FLAT_METADATA = Set.of("EventID", "Channel", "SourceName", "ProviderName",
            "Provider_Name", "ProviderGuid", "Hostname", "Computer", "host", "Message", "Keywords", "SeverityValue",
            "Severity", "EventTypeOrignal", "EventTypeOriginal", "ExecutionProcessID", "ThreadID", "UserID",
            "AccountType", "AccountName", "Domain", "EventReceivedTime", "EventTime", "TimeCreated", "Opcode",
            "OpcodeValue", "@timestamp", "@version", "SourceModuleType", "SourceModuleName", "port", "RecordNumber",
            "EventRecordID", "Task", "Version", "Category", "tags", "Level", "ActivityID", "RelatedActivityID",
            "ERROR_EVT_UNRESOLVED");
    private static final Set<String> NXLOG_EVENT_TYPES = Set.of("INFO", "AUDIT_SUCCESS", "AUDIT_FAILURE", "WARNING",
            "ERROR", "VERBOSE", "CRITICAL");
    private static final List<String> CHANNELS = List.of("Security", "System", "Application", "Setup",
            "Microsoft-Windows-Sysmon/Operational", "Windows PowerShell", "Microsoft-Windows-PowerShell/Operational",
            "Microsoft-Windows-Windows Defender/Operational", "Microsoft-Windows-TaskScheduler/Operational");
    private static final Set<String> CHANNEL_NAMES = Set.copyOf(CHANNELS);
    private static final Set<String> GROUP_EVENTS = Set.of("4727", "4728", "4729", "4730", "4731", "4732", "4733",
            "4734", "4735", "4737", "4754", "4755", "4756", "4757", "4758", "4764", "4799");

    private static final Fields.Joiner EVENT_DATA = Fields.joiner("winlog.event_data");

    @Override
    public String format() {
        return "windows";
    }

    /** True when a parsed JSON object looks like a Windows event in one of the supported shapes. */
    public static boolean looksLikeWindows(Map<String, Object> o) {
        if (o.get("Event") instanceof Map<?, ?> event && event.get("System") instanceof Map) {
            return true;
        }
        if (o.get("winlog") instanceof Map<?, ?> winlog && winlog.containsKey("event_id")) {
            return true;
        }
        return o.containsKey("EventID") && (o.containsKey("Channel") || o.containsKey("SourceName")
                || o.containsKey("ProviderName"));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void map(ParseInput input, Map<String, Object> o, SocEvent.Builder event) {
        Record r = new Record();
        if (o.get("Event") instanceof Map<?, ?> ev && ev.get("System") instanceof Map<?, ?>) {
            nested((Map<String, Object>) ev, r);
        } else if (o.get("winlog") instanceof Map<?, ?> winlog) {
            winlogbeat(o, (Map<String, Object>) winlog, r, event);
        } else if (o.containsKey("EventID")) {
            flat(o, r);
        } else {
            throw new ParseException("not a Windows event (no EventID, Event.System or winlog.event_id)");
        }
        if (r.eventId == null) {
            throw new ParseException("no event id");
        }
        emit(r, event);
    }

    /** The intermediate, shape-independent view. */
    private static final class Record {
        String eventId;
        String channel;
        String provider;
        String providerGuid;
        String computer;
        String recordId;
        String task;
        String opcode;
        String level;
        String keywords;
        String version;
        String activityId;
        String userId;
        String userName;
        String userDomain;
        String eventType;
        Long pid;
        Long threadId;
        String message;
        String collector;
        Instant time;
        /** EventData; in the flat form the whole object, whose metadata {@link #emit} skips (no copy). */
        Map<String, Object> data;
        boolean flat;
        Map<String, Object> userData;
    }

    // ---- shapes ----

    private static void flat(Map<String, Object> o, Record r) {
        r.eventId = Fields.str(o.get("EventID"));
        r.channel = Fields.str(o.get("Channel"));
        r.provider = first(o, "SourceName", "ProviderName", "Provider_Name");
        r.providerGuid = Fields.str(o.get("ProviderGuid"));
        r.computer = first(o, "Hostname", "Computer");
        r.collector = Fields.str(o.get("host"));
        r.recordId = first(o, "RecordNumber", "EventRecordID");
        r.task = first(o, "Category", "Task");
        r.opcode = Fields.str(o.get("Opcode"));
        r.level = first(o, "Level", "Severity");
        r.keywords = Fields.str(o.get("Keywords"));
        r.version = Fields.str(o.get("Version"));
        r.activityId = Fields.str(o.get("ActivityID"));
        r.userId = Fields.str(o.get("UserID"));
        r.userName = Fields.str(o.get("AccountName"));
        r.userDomain = Fields.str(o.get("Domain"));
        r.pid = Fields.num(o.get("ExecutionProcessID"));
        r.threadId = Fields.num(o.get("ThreadID"));
        r.message = Fields.str(o.get("Message"));
        String eventType = Fields.str(o.get("EventType"));
        if (eventType != null && NXLOG_EVENT_TYPES.contains(eventType)) {
            r.eventType = eventType;
        }
        // EventData is everything else; none of the names ecs() reads is metadata, so it may read the object
        r.data = o;
        r.flat = true;
        r.time = Times.parseAny(o.get("UtcTime"));
        if (r.time == null) {
            r.time = Times.parseAny(o.get("@timestamp"));
        }
        if (r.time == null) {
            r.time = Times.parseAny(o.get("TimeCreated"));
        }
        if (r.time == null) {
            r.time = Times.parseAny(o.get("EventTime"));
        }
    }

    /** In the flat form, the object's members that are not EventData. */
    private static boolean flatMetadata(Record r, String key) {
        return FLAT_METADATA.contains(key) || (r.eventType != null && key.equals("EventType"));
    }

    @SuppressWarnings("unchecked")
    private static void winlogbeat(Map<String, Object> o, Map<String, Object> w, Record r, SocEvent.Builder event) {
        r.data = new LinkedHashMap<>(64);
        Map<String, Object> rest = new LinkedHashMap<>(o);
        rest.remove("winlog");
        rest.remove("@timestamp");
        rest.remove("message");
        Fields.putAllPayload(event, Fields.flatten(rest));
        r.eventId = Fields.str(w.get("event_id"));
        r.channel = Fields.str(w.get("channel"));
        r.provider = Fields.str(w.get("provider_name"));
        r.providerGuid = Fields.str(w.get("provider_guid"));
        r.computer = Fields.str(w.get("computer_name"));
        r.recordId = Fields.str(w.get("record_id"));
        r.task = Fields.str(w.get("task"));
        r.opcode = Fields.str(w.get("opcode"));
        r.keywords = Fields.str(w.get("keywords"));
        r.version = Fields.str(w.get("version"));
        r.activityId = Fields.str(w.get("activity_id"));
        if (w.get("user") instanceof Map<?, ?> user) {
            r.userId = Fields.str(user.get("identifier"));
            r.userName = Fields.str(user.get("name"));
            r.userDomain = Fields.str(user.get("domain"));
        }
        if (w.get("process") instanceof Map<?, ?> process) {
            r.pid = Fields.num(process.get("pid"));
            if (process.get("thread") instanceof Map<?, ?> thread) {
                r.threadId = Fields.num(thread.get("id"));
            }
        }
        if (w.get("event_data") instanceof Map<?, ?> data) {
            r.data.putAll((Map<String, Object>) data);
        }
        if (w.get("user_data") instanceof Map<?, ?> userData) {
            r.userData = (Map<String, Object>) userData;
        }
        r.message = Fields.str(o.get("message"));
        r.time = Times.parseAny(o.get("@timestamp"));
        if (r.computer == null && o.get("host") instanceof Map<?, ?> host) {
            r.computer = Fields.str(host.get("name"));
        }
    }

    @SuppressWarnings("unchecked")
    private static void nested(Map<String, Object> ev, Record r) {
        Map<String, Object> sys = (Map<String, Object>) ev.get("System");
        r.data = new LinkedHashMap<>(64);
        r.eventId = text(sys.get("EventID"));
        r.channel = text(sys.get("Channel"));
        r.computer = text(sys.get("Computer"));
        r.recordId = text(sys.get("EventRecordID"));
        r.task = text(sys.get("Task"));
        r.opcode = text(sys.get("Opcode"));
        r.level = text(sys.get("Level"));
        r.keywords = text(sys.get("Keywords"));
        r.version = text(sys.get("Version"));
        r.provider = attr(sys.get("Provider"), "Name");
        r.providerGuid = attr(sys.get("Provider"), "Guid");
        r.activityId = attr(sys.get("Correlation"), "ActivityID");
        r.userId = attr(sys.get("Security"), "UserID");
        r.pid = Fields.num(attr(sys.get("Execution"), "ProcessID"));
        r.threadId = Fields.num(attr(sys.get("Execution"), "ThreadID"));
        r.time = Times.parseAny(attr(sys.get("TimeCreated"), "SystemTime"));
        Object data = ev.get("EventData");
        if (data instanceof Map<?, ?> map) {
            Object list = map.get("Data");
            if (list != null && map.size() <= 2) {
                dataList(list, r.data);
            } else {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!"#attributes".equals(e.getKey())) {
                        r.data.put(String.valueOf(e.getKey()), e.getValue());
                    }
                }
            }
        } else if (data instanceof List<?>) {
            dataList(data, r.data);
        }
        if (ev.get("UserData") instanceof Map<?, ?> userData) {
            r.userData = (Map<String, Object>) userData;
        }
        if (ev.get("RenderingInfo") instanceof Map<?, ?> rendering) {
            r.message = text(rendering.get("Message"));
        }
    }

    /** {@code Data: [{"#attributes":{"Name":"X"},"#text":"v"} | {"@Name":"X","#text":"v"} | "v"]}. */
    private static void dataList(Object list, Map<String, Object> out) {
        List<?> items = list instanceof List<?> l ? l : List.of(list);
        int unnamed = 0;
        for (Object item : items) {
            if (item instanceof Map<?, ?> m) {
                String name = attr(m, "Name");
                Object value = m.containsKey("#text") ? m.get("#text") : m.get("text");
                if (name == null) {
                    name = "param" + (++unnamed);
                }
                out.put(name, value);
            } else if (item != null) {
                out.put("param" + (++unnamed), item);
            }
        }
    }

    // ---- output ----

    private static void emit(Record r, SocEvent.Builder event) {
        String channel = canonicalChannel(r.channel);
        event.put("event.kind", "event");
        event.put(SocEvent.DATASET, "windows." + datasetSuffix(channel, r.provider));
        event.put("event.module", "windows");
        event.put("winlog.event_id", r.eventId);
        event.put("winlog.channel", channel);
        event.put("winlog.provider_name", r.provider);
        event.put("winlog.provider_guid", r.providerGuid);
        event.put("winlog.computer_name", r.computer);
        event.put("winlog.record_id", r.recordId);
        event.put("winlog.task", r.task);
        event.put("winlog.opcode", r.opcode);
        event.put("winlog.level", r.level);
        event.put("winlog.keywords", r.keywords);
        event.put("winlog.version", r.version);
        event.put("winlog.activity_id", r.activityId);
        event.put("winlog.event_type", r.eventType);
        event.put("winlog.user.identifier", r.userId);
        event.put("winlog.user.name", r.userName);
        event.put("winlog.user.domain", r.userDomain);
        event.put("winlog.process.pid", r.pid);
        event.put("winlog.process.thread.id", r.threadId);
        event.put("observer.hostname", r.collector);
        for (Map.Entry<String, Object> e : r.data.entrySet()) {
            Object v = e.getValue();
            if (v == null || (r.flat && flatMetadata(r, e.getKey()))) {
                continue;
            }
            event.put(EVENT_DATA.join(e.getKey()),
                    v instanceof Map || v instanceof List ? v : v.toString());
        }
        if (r.userData != null) {
            Fields.flattenInto("winlog.user_data", r.userData, event);
        }
        if (r.time != null) {
            event.timestamp(r.time);
        }
        event.put("event.code", r.eventId);
        event.put("event.provider", r.provider);
        event.put("host.name", r.computer);
        event.put(SocEvent.MESSAGE, r.message);
        boolean sysmon = r.provider != null && r.provider.startsWith("Microsoft-Windows-Sysmon");
        ecs(r, sysmon, event);
        WindowsActions.apply(sysmon, r.eventId, event);
    }

    /**
     * ECS fields from EventData. In the flat form {@code r.data} is the whole object (see {@link #flat}): only
     * look up EventData names here, never a {@code FLAT_METADATA} name or {@code EventType}.
     */
    private static void ecs(Record r, boolean sysmon, SocEvent.Builder event) {
        Map<String, Object> d = r.data;
        // user
        String target = val(d, "TargetUserName");
        if (target != null && !GROUP_EVENTS.contains(r.eventId)) {
            event.put("user.name", target);
            event.put("user.domain", val(d, "TargetDomainName"));
            event.put("user.id", val(d, "TargetUserSid"));
        } else if (val(d, "SubjectUserName") != null) {
            event.put("user.name", val(d, "SubjectUserName"));
            event.put("user.domain", val(d, "SubjectDomainName"));
            event.put("user.id", val(d, "SubjectUserSid"));
        } else if (val(d, "User") != null) {
            String user = val(d, "User");
            int slash = user.indexOf('\\');
            event.put("user.name", slash >= 0 ? user.substring(slash + 1) : user);
            event.put("user.domain", slash > 0 ? user.substring(0, slash) : null);
        } else if (r.userName != null) {
            event.put("user.name", r.userName);
            event.put("user.domain", r.userDomain);
        }
        if (event.get("user.id") == null) {
            event.put("user.id", r.userId);
        }
        if (target != null && GROUP_EVENTS.contains(r.eventId)) {
            event.put("group.name", target);
            event.put("group.domain", val(d, "TargetDomainName"));
            event.put("group.id", val(d, "TargetSid"));
        }
        // process
        String image = first(d, "Image", "NewProcessName", "SourceImage", "ProcessName", "CallerProcessName",
                "Application");
        if (image != null) {
            event.put("process.executable", image);
            event.put("process.name", baseName(image));
        }
        Long pid = Fields.num(first(d, "ProcessId", "NewProcessId", "SourceProcessId", "CallerProcessId"));
        event.put("process.pid", pid);
        event.put("process.entity_id", first(d, "ProcessGuid", "SourceProcessGUID"));
        event.put("process.command_line", val(d, "CommandLine"));
        event.put("process.working_directory", val(d, "CurrentDirectory"));
        String parent = first(d, "ParentImage", "ParentProcessName");
        if (parent != null) {
            event.put("process.parent.executable", parent);
            event.put("process.parent.name", baseName(parent));
        }
        event.put("process.parent.command_line", val(d, "ParentCommandLine"));
        event.put("process.parent.pid", Fields.num(val(d, "ParentProcessId")));
        event.put("process.parent.entity_id", val(d, "ParentProcessGuid"));
        if (sysmon && ("1".equals(r.eventId))) {
            event.put("process.pe.original_file_name", val(d, "OriginalFileName"));
        }
        // network
        String sourceIp = Fields.ip(first(d, "IpAddress", "SourceIp", "SourceAddress", "ClientAddress"));
        event.put("source.ip", sourceIp);
        event.put("source.port", Fields.port(first(d, "IpPort", "SourcePort")));
        event.put("source.domain", val(d, "SourceHostname"));
        event.put("destination.ip", Fields.ip(first(d, "DestinationIp", "DestAddress")));
        event.put("destination.port", Fields.port(first(d, "DestinationPort", "DestPort")));
        event.put("destination.domain", val(d, "DestinationHostname"));
        String protocol = val(d, "Protocol");
        if (protocol != null) {
            event.put("network.transport", switch (protocol) {
                case "6" -> "tcp";
                case "17" -> "udp";
                case "1" -> "icmp";
                default -> Text.lower(protocol);
            });
        }
        event.put("source.workstation", val(d, "WorkstationName"));
        // files, registry, modules
        event.put("file.path", val(d, "TargetFilename"));
        event.put("registry.path", val(d, "TargetObject"));
        event.put("dll.path", val(d, "ImageLoaded"));
        event.put("winlog.logon.type", val(d, "LogonType"));
        event.put("winlog.logon.id", first(d, "TargetLogonId", "SubjectLogonId", "LogonId"));
        String hashes = val(d, "Hashes");
        if (hashes != null && sysmon) {
            String prefix = "1".equals(r.eventId) ? "process.hash." : "7".equals(r.eventId) ? "dll.hash." : "file.hash.";
            hashes(hashes, prefix, event);
        }
    }

    private static void hashes(String hashes, String prefix, SocEvent.Builder event) {
        int i = 0;
        while (i < hashes.length()) {
            int comma = hashes.indexOf(',', i);
            int end = comma < 0 ? hashes.length() : comma;
            int eq = hashes.indexOf('=', i);
            if (eq > i && eq < end) {
                event.put(prefix + Text.lower(hashes.substring(i, eq).trim()), Text.lower(hashes.substring(eq + 1, end)));
            }
            i = end + 1;
        }
    }

    // ---- helpers ----

    private static String datasetSuffix(String channel, String provider) {
        if (provider != null && provider.startsWith("Microsoft-Windows-Sysmon")) {
            return "sysmon";
        }
        if (channel == null) {
            return "unknown";
        }
        return switch (channel) {
            case "Security" -> "security";
            case "System" -> "system";
            case "Application" -> "application";
            case "Windows PowerShell", "Microsoft-Windows-PowerShell/Operational" -> "powershell";
            default -> "other";
        };
    }

    static String canonicalChannel(String channel) {
        if (channel == null || CHANNEL_NAMES.contains(channel)) {
            return channel;
        }
        for (String known : CHANNELS) {
            if (known.equalsIgnoreCase(channel)) {
                return known;
            }
        }
        return channel;
    }

    private static String baseName(String path) {
        int i = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        return i >= 0 && i + 1 < path.length() ? path.substring(i + 1) : path;
    }

    private static String val(Map<String, Object> d, String key) {
        return Fields.str(d.get(key));
    }

    private static String first(Map<String, Object> d, String... keys) {
        for (String key : keys) {
            String v = Fields.str(d.get(key));
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** A scalar, or the {@code #text} of an element such as {@code {"#text":"4624","#attributes":{...}}}. */
    private static String text(Object value) {
        if (value instanceof Map<?, ?> m) {
            Object t = m.containsKey("#text") ? m.get("#text") : m.get("text");
            return Fields.str(t);
        }
        return Fields.str(value);
    }

    /** An XML attribute as rendered by evtx converters: {@code #attributes.Name}, {@code @Name} or {@code Name}. */
    private static String attr(Object element, String name) {
        if (!(element instanceof Map<?, ?> m)) {
            return null;
        }
        if (m.get("#attributes") instanceof Map<?, ?> attributes && attributes.get(name) != null) {
            return Fields.str(attributes.get(name));
        }
        Object at = m.get("@" + name);
        return Fields.str(at != null ? at : m.get(name));
    }
}
