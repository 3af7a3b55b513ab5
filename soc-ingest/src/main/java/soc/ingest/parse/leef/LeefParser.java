package soc.ingest.parse.leef;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import soc.events.SocEvent;
import soc.ingest.parse.cef.CefParser;
import soc.ingest.parse.support.EventParser;
import soc.ingest.parse.support.Fields;
import soc.ingest.parse.support.OtProtocols;
import soc.ingest.parse.support.ParseException;
import soc.ingest.parse.support.ParseInput;
import soc.ingest.parse.support.Text;
import soc.ingest.parse.support.Times;

/**
 * IBM QRadar LEEF 1.0 ({@code LEEF:1.0|vendor|product|version|eventId|attrs}, tab-delimited) and LEEF 2.0 (with
 * an extra delimiter field: a character, or hex as {@code x5E}/{@code 0x5E}/{@code ^}), bare or after syslog.
 */
public final class LeefParser implements EventParser {
    private static final Map<String, String> ECS = Map.ofEntries(
            Map.entry("src", "source.ip"),
            Map.entry("dst", "destination.ip"),
            Map.entry("srcMAC", "source.mac"),
            Map.entry("dstMAC", "destination.mac"),
            Map.entry("usrName", "user.name"),
            Map.entry("accountName", "user.name"),
            Map.entry("domain", "user.domain"),
            Map.entry("action", "event.action"),
            Map.entry("url", "url.original"),
            Map.entry("srcPreNAT", "source.nat.ip"),
            Map.entry("dstPreNAT", "destination.nat.ip"),
            Map.entry("identHostName", "host.name"),
            Map.entry("msg", "message"),
            Map.entry("resource", "url.domain"),
            Map.entry("policy", "rule.name"),
            Map.entry("role", "user.roles"));
    private static final Map<String, String> ECS_NUMBERS = Map.of(
            "srcPort", "source.port", "dstPort", "destination.port", "srcBytes", "source.bytes",
            "dstBytes", "destination.bytes", "srcPackets", "source.packets", "dstPackets", "destination.packets",
            "sev", "event.severity", "totalPackets", "network.packets");

    @Override
    public String format() {
        return "leef";
    }

    /** Index of {@code LEEF:<digit>} in {@code s}, or -1. */
    public static int find(String s) {
        int from = 0;
        while (true) {
            int k = s.indexOf("LEEF:", from);
            if (k < 0) {
                return -1;
            }
            if (k + 5 < s.length() && Text.isDigit(s.charAt(k + 5))) {
                return k;
            }
            from = k + 5;
        }
    }

    @Override
    public void parse(ParseInput input, SocEvent.Builder event) {
        String s = input.text();
        int start = find(s);
        if (start < 0) {
            throw new ParseException("no 'LEEF:<version>|' header");
        }
        event.put("event.kind", "event");
        event.put(SocEvent.DATASET, "leef");
        if (start > 0) {
            CefParser.syslogPrefix(s.substring(0, start), input.receivedAt(), event);
        }
        int n = s.length();
        int i = start + 5;
        String[] header = new String[5];
        for (int f = 0; f < 5; f++) {
            int bar = s.indexOf('|', i);
            if (bar < 0) {
                throw new ParseException("expected 5 '|'-separated header fields, found " + f);
            }
            header[f] = s.substring(i, bar).trim();
            i = bar + 1;
        }
        String version = header[0];
        char delimiter = '\t';
        if (version.startsWith("2")) {
            int bar = s.indexOf('|', i);
            if (bar >= 0 && bar - i <= 6) {
                Character d = delimiter(s.substring(i, bar));
                if (d != null) {
                    delimiter = d;
                    i = bar + 1;
                }
            }
        }
        String attributes = i < n ? s.substring(i) : "";
        event.put("leef.version", version);
        event.put("leef.vendor", header[1]);
        event.put("leef.product", header[2]);
        event.put("leef.product_version", header[3]);
        event.put("leef.event_id", header[4]);
        event.put("observer.vendor", header[1].isEmpty() ? null : header[1]);
        event.put("observer.product", header[2].isEmpty() ? null : header[2]);
        event.put("observer.version", header[3].isEmpty() ? null : header[3]);
        event.put("event.code", header[4].isEmpty() ? null : header[4]);

        Map<String, String> attrs;
        if (attributes.indexOf(delimiter) < 0 && delimiter == '\t' && attributes.indexOf(' ') > 0) {
            attrs = CefParser.extensions(attributes); // LEEF 1.0 sent with spaces instead of tabs
        } else {
            attrs = split(attributes, delimiter);
        }
        for (Map.Entry<String, String> e : attrs.entrySet()) {
            event.put("leef.attributes." + Fields.safeKey(e.getKey()), e.getValue());
        }
        map(attrs, event);
    }

    private static Character delimiter(String spec) {
        if (spec.isEmpty()) {
            return null;
        }
        if (spec.length() == 1) {
            return spec.charAt(0);
        }
        String hex = spec.startsWith("0x") || spec.startsWith("0X") ? spec.substring(2)
                : spec.startsWith("x") || spec.startsWith("X") ? spec.substring(1) : null;
        if (spec.equals("\\t")) {
            return '\t';
        }
        if (hex == null || hex.isEmpty() || hex.length() > 4) {
            return null;
        }
        try {
            return (char) Integer.parseInt(hex, 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, String> split(String attributes, char delimiter) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = attributes.length();
        while (i < n) {
            int end = attributes.indexOf(delimiter, i);
            if (end < 0) {
                end = n;
            }
            int eq = attributes.indexOf('=', i);
            if (eq > i && eq < end) {
                out.put(attributes.substring(i, eq).trim(), attributes.substring(eq + 1, end).trim());
            }
            i = end + 1;
        }
        return out;
    }

    private static void map(Map<String, String> attrs, SocEvent.Builder event) {
        for (Map.Entry<String, String> e : attrs.entrySet()) {
            String value = e.getValue();
            if (value.isEmpty()) {
                continue;
            }
            String ecs = ECS.get(e.getKey());
            if (ecs != null) {
                if (!ecs.endsWith(".ip") || Fields.looksLikeIp(value)) {
                    event.put(ecs, value);
                }
                continue;
            }
            String numeric = ECS_NUMBERS.get(e.getKey());
            if (numeric != null) {
                event.put(numeric, numeric.endsWith(".port") ? Fields.port(value) : Fields.num(value));
            }
        }
        String proto = attrs.get("proto");
        if (proto != null && !proto.isEmpty()) {
            event.put("network.transport", Text.lower(proto));
            String ot = OtProtocols.normalise(proto);
            if (ot != null) {
                event.put("ot.protocol", ot);
            }
        }
        String devTime = attrs.get("devTime");
        if (devTime != null) {
            Instant t = Times.parseAny(devTime);
            if (t == null) {
                t = CefParser.parseMonthDate(devTime);
            }
            if (t != null) {
                event.timestamp(t);
            }
        }
    }
}
