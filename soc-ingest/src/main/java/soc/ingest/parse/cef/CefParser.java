package soc.ingest.parse.cef;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import soc.events.SocEvent;
import soc.ingest.parse.support.EventParser;
import soc.ingest.parse.support.Fields;
import soc.ingest.parse.support.OtProtocols;
import soc.ingest.parse.support.ParseException;
import soc.ingest.parse.support.ParseInput;
import soc.ingest.parse.support.Text;
import soc.ingest.parse.support.Times;
import soc.ingest.parse.syslog.SyslogMessage;
import soc.ingest.parse.syslog.SyslogParser;
import soc.ingest.parse.syslog.SyslogScanner;

/**
 * ArcSight CEF ({@code CEF:0|vendor|product|version|signature|name|severity|k=v ...}), bare or after a syslog
 * header. Hand-written linear scanner: header pipes with {@code \|} escapes, extension keys found as the last
 * space-free token before each unescaped {@code =}, so values may contain spaces.
 */
public final class CefParser implements EventParser {
    private static final Map<String, String> ECS = Map.ofEntries(
            Map.entry("act", "event.action"),
            Map.entry("app", "network.protocol"),
            Map.entry("dhost", "destination.domain"),
            Map.entry("dmac", "destination.mac"),
            Map.entry("dntdom", "destination.user.domain"),
            Map.entry("dproc", "destination.process.name"),
            Map.entry("dst", "destination.ip"),
            Map.entry("duid", "destination.user.id"),
            Map.entry("duser", "destination.user.name"),
            Map.entry("dvc", "observer.ip"),
            Map.entry("dvchost", "observer.hostname"),
            Map.entry("dvcmac", "observer.mac"),
            Map.entry("deviceExternalId", "observer.name"),
            Map.entry("fname", "file.name"),
            Map.entry("filePath", "file.path"),
            Map.entry("msg", "message"),
            Map.entry("outcome", "event.outcome"),
            Map.entry("proto", "network.transport"),
            Map.entry("reason", "event.reason"),
            Map.entry("request", "url.original"),
            Map.entry("requestClientApplication", "user_agent.original"),
            Map.entry("requestMethod", "http.request.method"),
            Map.entry("shost", "source.domain"),
            Map.entry("smac", "source.mac"),
            Map.entry("sntdom", "source.user.domain"),
            Map.entry("sproc", "source.process.name"),
            Map.entry("src", "source.ip"),
            Map.entry("suid", "source.user.id"),
            Map.entry("suser", "source.user.name"));
    private static final Map<String, String> ECS_NUMBERS = Map.of(
            "spt", "source.port", "dpt", "destination.port", "in", "source.bytes", "out", "destination.bytes",
            "fsize", "file.size", "spid", "source.process.pid", "dpid", "destination.process.pid",
            "dvcpid", "process.pid");

    @Override
    public String format() {
        return "cef";
    }

    /** Index of {@code CEF:<digits>|} in {@code s}, or -1. */
    public static int find(String s) {
        int from = 0;
        while (true) {
            int k = s.indexOf("CEF:", from);
            if (k < 0) {
                return -1;
            }
            int i = k + 4;
            int digits = i;
            while (i < s.length() && i - digits < 3 && Text.isDigit(s.charAt(i))) {
                i++;
            }
            if (i > digits && i < s.length() && s.charAt(i) == '|') {
                return k;
            }
            from = k + 4;
        }
    }

    @Override
    public void parse(ParseInput input, SocEvent.Builder event) {
        String s = input.text();
        int start = find(s);
        if (start < 0) {
            throw new ParseException("no 'CEF:<version>|' header");
        }
        event.put("event.kind", "event");
        event.put(SocEvent.DATASET, "cef");
        if (start > 0) {
            syslogPrefix(s.substring(0, start), input.receivedAt(), event);
        }
        // header: 7 pipe-separated fields after "CEF:"
        String[] header = new String[7];
        int i = start + 4;
        int field = 0;
        StringBuilder b = new StringBuilder(64);
        int n = s.length();
        while (i < n && field < 7) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n && (s.charAt(i + 1) == '|' || s.charAt(i + 1) == '\\')) {
                b.append(s.charAt(i + 1));
                i += 2;
            } else if (c == '|') {
                header[field++] = b.toString().trim();
                b.setLength(0);
                i++;
            } else {
                b.append(c);
                i++;
            }
        }
        if (field < 7) {
            throw new ParseException("expected 7 '|'-separated header fields, found " + field);
        }
        String extension = s.substring(i);
        event.put("cef.version", header[0]);
        event.put("cef.device.vendor", header[1]);
        event.put("cef.device.product", header[2]);
        event.put("cef.device.version", header[3]);
        event.put("cef.device.event_class_id", header[4]);
        event.put("cef.name", header[5]);
        event.put("cef.severity", header[6]);
        event.put("observer.vendor", emptyToNull(header[1]));
        event.put("observer.product", emptyToNull(header[2]));
        event.put("observer.version", emptyToNull(header[3]));
        event.put("event.code", emptyToNull(header[4]));
        event.put("event.severity", severity(header[6]));

        Map<String, String> ext = extensions(extension);
        for (Map.Entry<String, String> e : ext.entrySet()) {
            event.put(extensionField(e.getKey()), e.getValue());
        }
        mapExtensions(ext, event);
        if (event.get(SocEvent.MESSAGE) == null) {
            event.put(SocEvent.MESSAGE, header[5]);
        }
    }

    /** Field names of extension keys, cached (bounded) to avoid a concatenation per key per line. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> FIELD_NAMES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static String extensionField(String key) {
        String field = FIELD_NAMES.get(key);
        if (field == null) {
            field = "cef.extensions." + Fields.safeKey(key);
            if (FIELD_NAMES.size() < 4096) {
                FIELD_NAMES.put(key, field);
            }
        }
        return field;
    }

    public static void syslogPrefix(String prefix, Instant receivedAt, SocEvent.Builder event) {
        String trimmed = prefix.trim();
        if (trimmed.isEmpty()) {
            return;
        }
        try {
            SyslogMessage m = SyslogScanner.scan(trimmed, receivedAt);
            SyslogParser.writeHeader(m, event);
        } catch (ParseException e) {
            event.put("log.syslog.header", trimmed); // not a syslog header: keep it verbatim
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** 0-10 numeric, or Unknown/Low/Medium/High/Very-High mapped to 0/3/5/8/10; null otherwise. */
    static Integer severity(String s) {
        Long n = Text.parseLong(s);
        if (n != null) {
            return n >= 0 && n <= 10 ? n.intValue() : null;
        }
        switch (Text.lower(s)) {
            case "unknown": return 0;
            case "low": return 3;
            case "medium": return 5;
            case "high": return 8;
            case "very-high", "very high", "veryhigh", "critical": return 10;
            default: return null;
        }
    }

    private static void mapExtensions(Map<String, String> ext, SocEvent.Builder event) {
        for (Map.Entry<String, String> e : ext.entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            if (value.isEmpty()) {
                continue;
            }
            String ecs = ECS.get(key);
            if (ecs != null) {
                if ((ecs.endsWith(".ip") && !Fields.looksLikeIp(value))) {
                    continue;
                }
                event.put(ecs, ecs.equals("network.transport") ? Text.lower(value) : value);
                continue;
            }
            String numeric = ECS_NUMBERS.get(key);
            if (numeric != null) {
                Long number = numeric.endsWith(".port") ? Fields.port(value) : Fields.num(value);
                event.put(numeric, number);
                continue;
            }
            switch (key) {
                case "rt" -> putTime(event, "@timestamp", value);
                case "start" -> putTime(event, "event.start", value);
                case "end" -> putTime(event, "event.end", value);
                default -> {
                }
            }
        }
        if (event.get("source.user.name") != null) {
            event.put("user.name", event.get("source.user.name"));
        } else if (event.get("destination.user.name") != null) {
            event.put("user.name", event.get("destination.user.name"));
        }
        // non-standard but common: protocol name and port (e.g. Radiflow iSID "pt=502 PtName=Modbus")
        String protocolName = ext.get("PtName");
        if (protocolName != null && !protocolName.isEmpty()) {
            Fields.putIfAbsent(event, "network.protocol", Text.lower(protocolName));
        }
        if (ext.containsKey("pt") && event.get("destination.port") == null) {
            event.put("destination.port", Fields.port(ext.get("pt")));
        }
        Object protocol = event.get("network.protocol");
        String ot = protocol == null ? null : OtProtocols.normalise(protocol.toString());
        if (ot != null) {
            event.put("ot.protocol", ot);
        }
    }

    private static void putTime(SocEvent.Builder event, String field, String value) {
        Instant t = Times.parseAny(value);
        if (t == null) {
            t = parseMonthDate(value);
        }
        if (t != null) {
            event.put(field, t);
        }
    }

    /** {@code MMM dd yyyy HH:mm:ss[.SSS]} (zone ignored: UTC), the other CEF date form. */
    public static Instant parseMonthDate(String s) {
        int month = Times.month(s, 0);
        if (month == 0 || s.length() < 20 || s.charAt(3) != ' ' || s.charAt(6) != ' ' || s.charAt(11) != ' '
                || s.charAt(14) != ':' || s.charAt(17) != ':') {
            return null;
        }
        int day = Text.parseUnsignedInt(s, 4, 6);
        int year = Text.parseUnsignedInt(s, 7, 11);
        int hour = Text.parseUnsignedInt(s, 12, 14);
        int minute = Text.parseUnsignedInt(s, 15, 17);
        int second = Text.parseUnsignedInt(s, 18, 20);
        int millis = 0;
        if (s.length() >= 24 && s.charAt(20) == '.') {
            millis = Math.max(0, Text.parseUnsignedInt(s, 21, 24));
        }
        if (day < 0 || year < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        return Times.of(year, month, day, hour, minute, second, millis * 1_000_000, 0);
    }

    /** Parses the extension into key to unescaped, trimmed, unquoted value, in order (later duplicates win). */
    public static Map<String, String> extensions(String ext) {
        Map<String, String> out = new LinkedHashMap<>();
        int n = ext.length();
        List<int[]> keys = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            char c = ext.charAt(p);
            if (c == '\\') {
                p++; // skip escaped char
                continue;
            }
            if (c != '=') {
                continue;
            }
            int k = p;
            while (k > 0 && isKeyChar(ext.charAt(k - 1))) {
                k--;
            }
            if (k < p && (k == 0 || ext.charAt(k - 1) == ' ')) {
                keys.add(new int[]{k, p});
            }
        }
        for (int j = 0; j < keys.size(); j++) {
            int[] key = keys.get(j);
            int valueStart = key[1] + 1;
            int valueEnd = j + 1 < keys.size() ? keys.get(j + 1)[0] : n;
            out.put(ext.substring(key[0], key[1]), value(ext, valueStart, valueEnd));
        }
        return out;
    }

    private static boolean isKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
                || c == '-' || c == '[' || c == ']';
    }

    private static String value(String s, int from, int to) {
        StringBuilder b = null;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < to) {
                if (b == null) {
                    b = new StringBuilder(to - from).append(s, from, i);
                }
                char next = s.charAt(++i);
                b.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else if (c == '#' && i + 3 < to && isOctal(s, i + 1)) {
                int code = (s.charAt(i + 1) - '0') * 64 + (s.charAt(i + 2) - '0') * 8 + (s.charAt(i + 3) - '0');
                if (code < 32 || code == 127) { // rsyslog control-character escape, e.g. #012 = LF
                    if (b == null) {
                        b = new StringBuilder(to - from).append(s, from, i);
                    }
                    b.append((char) code);
                    i += 3;
                } else if (b != null) {
                    b.append(c);
                }
            } else if (b != null) {
                b.append(c);
            }
        }
        String v = b == null ? s.substring(from, to) : b.toString();
        return Text.unquote(v.strip());
    }

    private static boolean isOctal(String s, int at) {
        for (int i = at; i < at + 3; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '7') {
                return false;
            }
        }
        return true;
    }
}
