package soc.ingest.parse.kv;

import java.util.LinkedHashMap;
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
 * Key=value firewall logs (FortiGate, iptables/UFW {@code SRC= DST=}, Sophos, SonicWall, Juniper...), bare or
 * after a syslog header. Pairs are separated by spaces (or commas/semicolons after a value); values may be
 * double- or single-quoted with backslash escapes; a key without value ({@code OUT=}) is kept empty.
 */
public final class KeyValueParser implements EventParser {
    private static final Map<String, String> ECS = Map.ofEntries(
            Map.entry("src", "source.ip"), Map.entry("srcip", "source.ip"), Map.entry("src_ip", "source.ip"),
            Map.entry("source", "source.ip"), Map.entry("sip", "source.ip"),
            Map.entry("dst", "destination.ip"), Map.entry("dstip", "destination.ip"),
            Map.entry("dst_ip", "destination.ip"), Map.entry("dest", "destination.ip"),
            Map.entry("dest_ip", "destination.ip"), Map.entry("dip", "destination.ip"),
            Map.entry("spt", "source.port"), Map.entry("srcport", "source.port"), Map.entry("src_port", "source.port"),
            Map.entry("sport", "source.port"), Map.entry("dpt", "destination.port"),
            Map.entry("dstport", "destination.port"), Map.entry("dst_port", "destination.port"),
            Map.entry("dport", "destination.port"), Map.entry("dest_port", "destination.port"),
            Map.entry("proto", "network.transport"), Map.entry("protocol", "network.transport"),
            Map.entry("action", "event.action"), Map.entry("act", "event.action"),
            Map.entry("user", "user.name"), Map.entry("usr", "user.name"), Map.entry("srcuser", "user.name"),
            Map.entry("username", "user.name"), Map.entry("in", "observer.ingress.interface.name"),
            Map.entry("srcintf", "observer.ingress.interface.name"),
            Map.entry("out", "observer.egress.interface.name"),
            Map.entry("dstintf", "observer.egress.interface.name"), Map.entry("mac", "source.mac"),
            Map.entry("srcmac", "source.mac"), Map.entry("dstmac", "destination.mac"),
            Map.entry("sentbyte", "source.bytes"), Map.entry("rcvdbyte", "destination.bytes"),
            Map.entry("sentpkt", "source.packets"), Map.entry("rcvdpkt", "destination.packets"),
            Map.entry("policyid", "rule.id"), Map.entry("rule", "rule.name"), Map.entry("policyname", "rule.name"),
            Map.entry("msg", "message"), Map.entry("devname", "observer.name"), Map.entry("devid", "observer.serial_number"),
            Map.entry("service", "network.protocol"), Map.entry("app", "network.application"),
            Map.entry("hostname", "url.domain"), Map.entry("url", "url.original"), Map.entry("level", "log.level"));

    @Override
    public String format() {
        return "kv";
    }

    @Override
    public void parse(ParseInput input, SocEvent.Builder event) {
        String text = input.text();
        int start = 0;
        char first = text.charAt(0);
        if (first == '<' || Times.month(text, 0) > 0 && text.length() > 3 && text.charAt(3) == ' ') {
            try {
                SyslogMessage m = SyslogScanner.scan(text, input.receivedAt());
                SyslogParser.writeHeader(m, event);
                text = m.message();
            } catch (ParseException e) {
                // not syslog after all: parse the whole line
            }
        }
        Map<String, String> pairs = pairs(text, start);
        if (pairs.isEmpty()) {
            throw new ParseException("no key=value pairs");
        }
        event.put("event.kind", "event");
        event.put(SocEvent.DATASET, "kv");
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            event.put("kv." + Fields.safeKey(e.getKey()), e.getValue());
        }
        map(pairs, event);
        if (event.get(SocEvent.MESSAGE) == null) {
            event.put(SocEvent.MESSAGE, text);
        }
    }

    private static void map(Map<String, String> pairs, SocEvent.Builder event) {
        String date = null;
        String time = null;
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            String key = Text.lower(e.getKey());
            String value = e.getValue();
            if (value.isEmpty()) {
                continue;
            }
            switch (key) {
                case "date" -> date = value;
                case "time" -> time = value;
                case "eventtime", "timestamp", "rt" -> Fields.putTimestamp(event, value);
                default -> {
                    String ecs = ECS.get(key);
                    if (ecs == null || event.get(ecs) != null) {
                        continue;
                    }
                    if (ecs.endsWith(".ip")) {
                        event.put(ecs, Fields.ip(value));
                    } else if (ecs.endsWith(".port")) {
                        event.put(ecs, Fields.port(value));
                    } else if (ecs.endsWith(".bytes") || ecs.endsWith(".packets")) {
                        event.put(ecs, Fields.num(value));
                    } else if (ecs.equals("network.transport") || ecs.equals("event.action")) {
                        event.put(ecs, Text.lower(value));
                    } else {
                        event.put(ecs, value);
                    }
                }
            }
        }
        if (date != null && time != null && event.get("@timestamp") == null) {
            Fields.putTimestamp(event, date + "T" + time + (pairs.containsKey("tz") ? pairs.get("tz") : ""));
        }
        Object transport = event.get("network.transport");
        if (transport instanceof String t && !t.isEmpty() && Text.isDigit(t.charAt(0))) {
            event.put("network.iana_number", t);
            event.put("network.transport", switch (t) {
                case "6" -> "tcp";
                case "17" -> "udp";
                case "1" -> "icmp";
                default -> t;
            });
        }
        Object protocol = event.get("network.protocol");
        String ot = protocol == null ? null : OtProtocols.normalise(protocol.toString());
        if (ot != null) {
            event.put("ot.protocol", ot);
        }
    }

    /** Linear scan of {@code key=value} pairs; text that is not part of a pair is skipped. */
    static Map<String, String> pairs(String s, int from) {
        Map<String, String> out = new LinkedHashMap<>();
        int n = s.length();
        int i = from;
        StringBuilder value = new StringBuilder();
        while (i < n) {
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == ',' || s.charAt(i) == ';' || s.charAt(i) == '\t')) {
                i++;
            }
            int keyStart = i;
            while (i < n && isKeyChar(s.charAt(i))) {
                i++;
            }
            if (i >= n || s.charAt(i) != '=' || i == keyStart) {
                // not a key: skip this token
                while (i < n && s.charAt(i) != ' ' && s.charAt(i) != '\t') {
                    i++;
                }
                continue;
            }
            String key = s.substring(keyStart, i);
            i++; // '='
            value.setLength(0);
            if (i < n && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
                char quote = s.charAt(i++);
                while (i < n && s.charAt(i) != quote) {
                    if (s.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(s.charAt(i++));
                }
                i++; // closing quote (or end)
            } else {
                while (i < n && s.charAt(i) != ' ' && s.charAt(i) != '\t') {
                    value.append(s.charAt(i++));
                }
                int len = value.length();
                if (len > 0 && (value.charAt(len - 1) == ',' || value.charAt(len - 1) == ';')) {
                    value.setLength(len - 1);
                }
            }
            out.put(key, value.toString());
        }
        return out;
    }

    private static boolean isKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
                || c == '-';
    }
}
