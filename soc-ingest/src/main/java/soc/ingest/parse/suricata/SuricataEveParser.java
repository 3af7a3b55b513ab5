package soc.ingest.parse.suricata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import soc.events.SocEvent;
import soc.ingest.parse.support.Fields;
import soc.ingest.parse.support.JsonEventParser;
import soc.ingest.parse.support.OtCodes;
import soc.ingest.parse.support.ParseException;
import soc.ingest.parse.support.ParseInput;
import soc.ingest.parse.support.Text;

/**
 * Suricata EVE JSON (one event per line, any Suricata version from 3.x to 8). All original fields are kept under
 * {@code suricata.eve.*}; common and per-type fields are mapped to ECS, OT application layers to {@code ot.*}.
 */
public final class SuricataEveParser implements JsonEventParser {

    @Override
    public String format() {
        return "suricata";
    }

    /** True when a parsed JSON object looks like an EVE record. */
    public static boolean looksLikeEve(Map<String, Object> o) {
        return o.get("event_type") instanceof String && (o.containsKey("flow_id") || o.containsKey("src_ip")
                || o.containsKey("timestamp"));
    }

    @Override
    public void map(ParseInput input, Map<String, Object> o, SocEvent.Builder event) {
        String type = Fields.str(o.get("event_type"));
        if (type == null) {
            throw new ParseException("no event_type (not an EVE record)");
        }
        Fields.flattenInto("suricata.eve", o, event);
        Fields.putTimestamp(event, o.get("timestamp"));
        event.put("event.kind", "event");
        event.put(SocEvent.DATASET, "suricata." + type);
        event.put("event.module", "suricata");
        event.put("event.category", "network");
        event.put("source.ip", Fields.ip(o.get("src_ip")));
        event.put("source.port", Fields.port(o.get("src_port")));
        event.put("destination.ip", Fields.ip(o.get("dest_ip")));
        event.put("destination.port", Fields.port(o.get("dest_port")));
        String proto = Fields.str(o.get("proto"));
        event.put("network.transport", proto == null ? null : Text.lower(proto));
        String appProto = Fields.str(o.get("app_proto"));
        event.put("network.protocol", appProto != null && !appProto.equals("failed") ? Text.lower(appProto) : null);
        event.put("network.community_id", Fields.str(o.get("community_id")));
        event.put("observer.ingress.interface.name", Fields.str(o.get("in_iface")));
        event.put("observer.vendor", "OISF");
        event.put("observer.product", "Suricata");

        if (o.get("alert") instanceof Map<?, ?> alert) {
            alert(alert, event);
        }
        if (o.get("flow") instanceof Map<?, ?> flow) {
            flow(flow, event);
        }
        if (o.get("dns") instanceof Map<?, ?> dns) {
            dns(dns, event);
        }
        if (o.get("http") instanceof Map<?, ?> http) {
            http(http, event);
        }
        if (o.get("tls") instanceof Map<?, ?> tls) {
            tls(tls, event);
        }
        if (o.get("fileinfo") instanceof Map<?, ?> file) {
            fileinfo(file, event);
        }
        if (o.get("modbus") instanceof Map<?, ?> modbus) {
            modbus(modbus, event);
        }
        if (o.get("dnp3") instanceof Map<?, ?> dnp3) {
            dnp3(dnp3, event);
        }
        if (o.get("enip") instanceof Map<?, ?> enip) {
            enip(enip, event);
        }
        if (type.equals("stats")) {
            event.put("event.kind", "metric");
        }
        if (type.equals("anomaly")) {
            event.put("event.kind", "event");
            event.put("event.type", "error");
        }
        if (event.get("network.protocol") == null && isAppLayer(type)) {
            event.put("network.protocol", type);
        }
    }

    private static boolean isAppLayer(String type) {
        return switch (type) {
            case "alert", "flow", "netflow", "stats", "anomaly", "fileinfo", "drop", "frame", "pkthdr" -> false;
            default -> true;
        };
    }

    private static void alert(Map<?, ?> a, SocEvent.Builder event) {
        event.put("event.kind", "alert");
        event.put("rule.id", Fields.str(a.get("signature_id")));
        event.put("rule.name", Fields.str(a.get("signature")));
        event.put("rule.category", Fields.str(a.get("category")));
        event.put("rule.version", Fields.str(a.get("rev")));
        event.put("event.severity", Fields.num(a.get("severity")));
        event.put("event.action", Fields.str(a.get("action")));
        event.put(SocEvent.MESSAGE, Fields.str(a.get("signature")));
    }

    private static void flow(Map<?, ?> f, SocEvent.Builder event) {
        Long pktsToServer = Fields.num(f.get("pkts_toserver"));
        Long pktsToClient = Fields.num(f.get("pkts_toclient"));
        Long bytesToServer = Fields.num(f.get("bytes_toserver"));
        Long bytesToClient = Fields.num(f.get("bytes_toclient"));
        event.put("source.packets", pktsToServer);
        event.put("destination.packets", pktsToClient);
        event.put("source.bytes", bytesToServer);
        event.put("destination.bytes", bytesToClient);
        if (pktsToServer != null && pktsToClient != null) {
            event.put("network.packets", pktsToServer + pktsToClient);
        }
        if (bytesToServer != null && bytesToClient != null) {
            event.put("network.bytes", bytesToServer + bytesToClient);
        }
        event.put("event.start", soc.ingest.parse.support.Times.parseAny(f.get("start")));
        event.put("event.end", soc.ingest.parse.support.Times.parseAny(f.get("end")));
    }

    private static void dns(Map<?, ?> d, SocEvent.Builder event) {
        event.put("dns.type", Fields.str(d.get("type")));
        event.put("dns.id", Fields.str(d.get("id")));
        event.put("dns.response_code", Fields.str(d.get("rcode")));
        String name = Fields.str(d.get("rrname"));
        String qtype = Fields.str(d.get("rrtype"));
        if (name == null && d.get("queries") instanceof List<?> queries && !queries.isEmpty()
                && queries.get(0) instanceof Map<?, ?> q) {
            name = Fields.str(q.get("rrname"));
            qtype = Fields.str(q.get("rrtype"));
        }
        event.put("dns.question.name", name);
        event.put("dns.question.type", qtype);
        List<Object> resolved = new ArrayList<>();
        String rdata = Fields.ip(d.get("rdata"));
        if (rdata != null) {
            resolved.add(rdata);
        }
        if (d.get("answers") instanceof List<?> answers) {
            for (Object answer : answers) {
                if (answer instanceof Map<?, ?> a && Fields.ip(a.get("rdata")) != null) {
                    resolved.add(a.get("rdata"));
                }
            }
        }
        if (!resolved.isEmpty()) {
            event.put("dns.resolved_ip", resolved);
        }
    }

    private static void http(Map<?, ?> h, SocEvent.Builder event) {
        event.put("url.domain", Fields.str(h.get("hostname")));
        event.put("url.original", Fields.str(h.get("url")));
        event.put("http.request.method", Fields.str(h.get("http_method")));
        event.put("http.response.status_code", Fields.num(h.get("status")));
        event.put("http.request.referrer", Fields.str(h.get("http_refer")));
        event.put("http.response.mime_type", Fields.str(h.get("http_content_type")));
        event.put("http.response.body.bytes", Fields.num(h.get("length")));
        event.put("user_agent.original", Fields.str(h.get("http_user_agent")));
        String protocol = Fields.str(h.get("protocol"));
        if (protocol != null && protocol.startsWith("HTTP/")) {
            event.put("http.version", protocol.substring(5));
        }
    }

    private static void tls(Map<?, ?> t, SocEvent.Builder event) {
        event.put("tls.server.subject", Fields.str(t.get("subject")));
        event.put("tls.server.issuer", Fields.str(t.get("issuerdn")));
        event.put("tls.client.server_name", Fields.str(t.get("sni")));
        event.put("tls.server.not_before", Fields.str(t.get("notbefore")));
        event.put("tls.server.not_after", Fields.str(t.get("notafter")));
        String fingerprint = Fields.str(t.get("fingerprint"));
        if (fingerprint != null) {
            event.put("tls.server.hash.sha1", fingerprint.replace(":", "").toUpperCase(java.util.Locale.ROOT));
        }
        String version = Fields.str(t.get("version"));
        if (version != null) {
            String v = version.replace("TLSv", "TLS ").replace("SSLv", "SSL ");
            int space = v.indexOf(' ');
            if (space > 0) {
                event.put("tls.version_protocol", Text.lower(v.substring(0, space)));
                event.put("tls.version", v.substring(space + 1));
            } else {
                event.put("tls.version", version);
            }
        }
        if (t.get("ja3") instanceof Map<?, ?> ja3) {
            event.put("tls.client.ja3", Fields.str(ja3.get("hash")));
        }
        if (t.get("ja3s") instanceof Map<?, ?> ja3s) {
            event.put("tls.server.ja3s", Fields.str(ja3s.get("hash")));
        }
    }

    private static void fileinfo(Map<?, ?> f, SocEvent.Builder event) {
        String name = Fields.str(f.get("filename"));
        event.put("file.path", name);
        if (name != null) {
            int slash = name.lastIndexOf('/');
            event.put("file.name", slash >= 0 ? name.substring(slash + 1) : name);
        }
        event.put("file.size", Fields.num(f.get("size")));
        event.put("file.hash.md5", Fields.str(f.get("md5")));
        event.put("file.hash.sha1", Fields.str(f.get("sha1")));
        event.put("file.hash.sha256", Fields.str(f.get("sha256")));
        event.put("file.mime_type", Fields.str(f.get("mimetype")));
    }

    // ---- OT ----

    private static void modbus(Map<?, ?> m, SocEvent.Builder event) {
        event.put("ot.protocol", "modbus");
        event.put("network.protocol", "modbus");
        Map<?, ?> pdu = m.get("request") instanceof Map<?, ?> req ? req
                : m.get("response") instanceof Map<?, ?> resp ? resp : m;
        Long code = Fields.num(pdu.get("function_raw"));
        if (code == null) {
            code = Fields.num(pdu.get("function_code"));
        }
        event.put("ot.function_code", code);
        String name = code == null ? null : OtCodes.modbusName(code);
        event.put("ot.function_name", name != null ? name : Fields.str(pdu.get("function_code")));
        event.put("ot.unit_id", Fields.num(pdu.get("unit_id")));
        event.put("ot.transaction_id", Fields.num(pdu.get("transaction_id")));
        for (String part : new String[]{"read", "write", "write_single", "write_multiple"}) {
            if (pdu.get(part) instanceof Map<?, ?> access) {
                event.put("ot.address", Fields.num(access.get("address")));
                event.put("ot.quantity", Fields.num(access.get("quantity")));
                Object data = access.containsKey("data") ? access.get("data") : access.get("value");
                event.put("ot.value", data instanceof Map || data == null ? null : data.toString());
                break;
            }
        }
        event.put("ot.exception", Fields.str(pdu.get("exception")));
    }

    private static void dnp3(Map<?, ?> d, SocEvent.Builder event) {
        event.put("ot.protocol", "dnp3");
        event.put("network.protocol", "dnp3");
        // either the object itself is a request/response (event_type dnp3) or it holds both (alerts)
        Map<?, ?> pdu = d.containsKey("application") ? d
                : d.get("request") instanceof Map<?, ?> req ? req
                : d.get("response") instanceof Map<?, ?> resp ? resp : d;
        String type = Fields.str(pdu.get("type"));
        event.put("ot.message_type", type);
        if (pdu.get("application") instanceof Map<?, ?> app) {
            Long code = Fields.num(app.get("function_code"));
            event.put("ot.function_code", code);
            event.put("ot.function_name", code == null ? null : OtCodes.dnp3Name(code));
            if (app.get("objects") instanceof List<?> objects && !objects.isEmpty()
                    && objects.get(0) instanceof Map<?, ?> first) {
                Long group = Fields.num(first.get("group"));
                Long variation = Fields.num(first.get("variation"));
                if (group != null && variation != null) {
                    event.put("ot.object", "g" + group + "v" + variation);
                }
                event.put("ot.address", Fields.num(first.get("start")));
            }
        }
        // the outstation is the destination of requests and the source of responses
        Object outstation = "request".equals(type) ? pdu.get("dst") : pdu.get("src");
        event.put("ot.unit_id", Fields.num(outstation));
        if (pdu.get("iin") instanceof Map<?, ?> iin && iin.get("indicators") instanceof List<?> indicators
                && !indicators.isEmpty()) {
            event.put("ot.indicators", new ArrayList<>(indicators));
        }
    }

    private static void enip(Map<?, ?> e, SocEvent.Builder event) {
        event.put("ot.protocol", "enip");
        event.put("network.protocol", "enip");
        Map<?, ?> pdu = e.get("request") instanceof Map<?, ?> req ? req
                : e.get("response") instanceof Map<?, ?> resp ? resp : e;
        event.put("ot.function_name", Fields.str(pdu.get("command")));
        if (pdu.get("cip") instanceof Map<?, ?> cip) {
            event.put("ot.function_code", Fields.num(cip.get("service")));
            event.put("ot.cip.service", Fields.str(cip.get("service")));
            event.put("ot.cip.class", Fields.str(cip.get("class")));
        }
        event.put("ot.status", Fields.str(pdu.get("status")));
    }
}
