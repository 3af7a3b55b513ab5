package soc.ingest.parse.zeek;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import soc.events.SocEvent;
import soc.ingest.parse.support.Fields;
import soc.ingest.parse.support.OtCodes;
import soc.ingest.parse.support.ParseException;
import soc.ingest.parse.support.Text;
import soc.ingest.parse.support.Times;
import soc.ingest.parse.syslog.SyslogMessage;
import soc.ingest.parse.syslog.SyslogParser;
import soc.ingest.parse.syslog.SyslogScanner;

/** Maps one decoded Zeek record (field name to typed value), whatever its encoding, to ECS and {@code ot.*}. */
final class ZeekMapper {
    private ZeekMapper() {
    }

    static void map(String path, Map<String, Object> r, SocEvent.Builder event) {
        String safePath = Fields.safeKey(Text.lower(path));
        String prefix = "zeek." + safePath + '.';
        for (Map.Entry<String, Object> e : r.entrySet()) {
            if (!e.getKey().equals("ts") && e.getValue() != null) {
                event.put(prefix + Fields.safeKey(e.getKey()), e.getValue());
            }
        }
        Object ts = r.get("ts");
        if (!Fields.putTimestamp(event, ts) && ts != null) {
            event.put(prefix + "ts", ts); // e.g. masked "XXXXXXXXXX.XXXXXX": keep it, fall back to ingest time
        }
        event.put("event.kind", "event");
        event.put(SocEvent.DATASET, "zeek." + safePath);
        event.put("event.module", "zeek");
        event.put("event.category", "network");
        event.put("observer.product", "Zeek");
        event.put("zeek.session_id", s(r, "uid"));
        event.put("source.ip", Fields.ip(r.get("id.orig_h")));
        event.put("source.port", Fields.port(r.get("id.orig_p")));
        event.put("destination.ip", Fields.ip(r.get("id.resp_h")));
        event.put("destination.port", Fields.port(r.get("id.resp_p")));
        String proto = s(r, "proto");
        event.put("network.transport", proto == null ? null : Text.lower(proto));
        event.put("network.community_id", s(r, "community_id"));
        switch (safePath) {
            case "conn" -> conn(r, event);
            case "dns" -> dns(r, event);
            case "http" -> http(r, event);
            case "ssl" -> ssl(r, event);
            case "notice" -> notice(r, event);
            case "weird" -> weird(r, event);
            case "smb_files" -> smbFiles(r, event);
            case "smb_mapping" -> protocol(event, "smb");
            case "kerberos" -> kerberos(r, event);
            case "ntlm" -> ntlm(r, event);
            case "rdp" -> rdp(r, event);
            case "ssh" -> ssh(r, event);
            case "dce_rpc" -> {
                protocol(event, "dce_rpc");
                event.put("event.action", s(r, "operation"));
            }
            case "snmp" -> protocol(event, "snmp");
            case "x509" -> x509(r, event);
            case "syslog" -> syslog(r, event);
            case "modbus", "modbus_detailed", "modbus_mask_write_register", "modbus_read_write_multiple_registers",
                 "modbus_register_change" -> modbus(r, event);
            case "known_modbus" -> {
                event.put("ot.protocol", "modbus");
                event.put("host.ip", Fields.ip(r.get("host")));
                event.put("ot.device_type", s(r, "device_type"));
            }
            case "dnp3", "dnp3_control", "dnp3_objects" -> dnp3(r, event);
            case "s7comm", "s7comm_plus", "cotp" -> s7(r, event);
            case "bacnet", "bacnet_discovery", "bacnet_property" -> bacnet(r, event);
            case "enip", "cip", "cip_identity", "cip_io" -> enip(r, event);
            case "opcua_binary", "opcua" -> opcua(r, event);
            default -> {
            }
        }
        if (event.get("network.protocol") == null && !safePath.equals("conn") && !safePath.equals("unknown")
                && !safePath.equals("notice") && !safePath.equals("weird") && !safePath.equals("x509")
                && !safePath.equals("files")) {
            protocol(event, safePath);
        }
    }

    private static String s(Map<String, Object> r, String key) {
        return Fields.str(r.get(key));
    }

    private static void protocol(SocEvent.Builder event, String name) {
        if (event.get("network.protocol") == null) {
            event.put("network.protocol", name);
        }
    }

    private static void conn(Map<String, Object> r, SocEvent.Builder event) {
        String service = s(r, "service");
        if (service != null) {
            event.put("network.protocol", Text.lower(service));
            String ot = soc.ingest.parse.support.OtProtocols.normalise(service);
            if (ot != null) {
                event.put("ot.protocol", ot.startsWith("dnp3") ? "dnp3" : ot);
            }
        }
        Object duration = r.get("duration");
        if (duration instanceof Number n) {
            event.put("event.duration", (long) (n.doubleValue() * 1e9));
        }
        Long ob = Fields.num(r.get("orig_bytes"));
        Long rb = Fields.num(r.get("resp_bytes"));
        event.put("source.bytes", ob);
        event.put("destination.bytes", rb);
        if (ob != null && rb != null) {
            event.put("network.bytes", ob + rb);
        }
        Long op = Fields.num(r.get("orig_pkts"));
        Long rp = Fields.num(r.get("resp_pkts"));
        event.put("source.packets", op);
        event.put("destination.packets", rp);
        if (op != null && rp != null) {
            event.put("network.packets", op + rp);
        }
        event.put("source.mac", s(r, "orig_l2_addr"));
        event.put("destination.mac", s(r, "resp_l2_addr"));
        event.put("network.vlan.id", s(r, "vlan"));
        event.put("event.action", s(r, "conn_state"));
    }

    private static void dns(Map<String, Object> r, SocEvent.Builder event) {
        protocol(event, "dns");
        event.put("dns.id", s(r, "trans_id"));
        event.put("dns.question.name", s(r, "query"));
        event.put("dns.question.type", s(r, "qtype_name"));
        event.put("dns.question.class", s(r, "qclass_name"));
        event.put("dns.response_code", s(r, "rcode_name"));
        if (r.get("answers") instanceof List<?> answers) {
            List<Object> ips = new ArrayList<>();
            for (Object a : answers) {
                if (Fields.ip(a) != null) {
                    ips.add(a);
                }
            }
            if (!ips.isEmpty()) {
                event.put("dns.resolved_ip", ips);
            }
        }
    }

    private static void http(Map<String, Object> r, SocEvent.Builder event) {
        protocol(event, "http");
        event.put("http.request.method", s(r, "method"));
        event.put("url.domain", s(r, "host"));
        event.put("url.original", s(r, "uri"));
        event.put("http.request.referrer", s(r, "referrer"));
        event.put("http.version", s(r, "version"));
        event.put("http.response.status_code", Fields.num(r.get("status_code")));
        event.put("http.request.body.bytes", Fields.num(r.get("request_body_len")));
        event.put("http.response.body.bytes", Fields.num(r.get("response_body_len")));
        event.put("user_agent.original", s(r, "user_agent"));
        event.put("user.name", s(r, "username"));
    }

    private static void ssl(Map<String, Object> r, SocEvent.Builder event) {
        protocol(event, "tls");
        String version = s(r, "version");
        if (version != null) {
            // TLSv12 -> tls 1.2, SSLv3 -> ssl 3
            String lower = Text.lower(version);
            int v = lower.indexOf('v');
            if (v > 0 && v + 1 < lower.length()) {
                String digits = lower.substring(v + 1);
                event.put("tls.version_protocol", lower.substring(0, v));
                event.put("tls.version", digits.length() == 2 ? digits.charAt(0) + "." + digits.charAt(1) : digits);
            }
        }
        event.put("tls.cipher", s(r, "cipher"));
        event.put("tls.curve", s(r, "curve"));
        event.put("tls.client.server_name", s(r, "server_name"));
        event.put("tls.resumed", r.get("resumed") instanceof Boolean b ? b : null);
        event.put("tls.established", r.get("established") instanceof Boolean b ? b : null);
        event.put("tls.server.subject", s(r, "subject"));
        event.put("tls.server.issuer", s(r, "issuer"));
        event.put("tls.client.ja3", s(r, "ja3"));
        event.put("tls.server.ja3s", s(r, "ja3s"));
    }

    private static void notice(Map<String, Object> r, SocEvent.Builder event) {
        event.put("event.kind", "alert");
        event.put("rule.name", s(r, "note"));
        event.put(SocEvent.MESSAGE, s(r, "msg"));
        if (event.get("source.ip") == null) {
            event.put("source.ip", Fields.ip(r.get("src")));
        }
        if (event.get("destination.ip") == null) {
            event.put("destination.ip", Fields.ip(r.get("dst")));
            event.put("destination.port", Fields.port(r.get("p")));
        }
        event.put("event.action", r.get("actions") instanceof List<?> l && !l.isEmpty() ? new ArrayList<>(l) : null);
    }

    private static void weird(Map<String, Object> r, SocEvent.Builder event) {
        event.put("event.action", s(r, "name"));
        event.put("rule.name", s(r, "name"));
        String addl = s(r, "addl");
        event.put(SocEvent.MESSAGE, addl == null ? s(r, "name") : s(r, "name") + ": " + addl);
    }

    private static void smbFiles(Map<String, Object> r, SocEvent.Builder event) {
        protocol(event, "smb");
        String name = s(r, "name");
        String dir = s(r, "path");
        event.put("file.name", name);
        event.put("file.directory", dir);
        if (name != null) {
            event.put("file.path", dir == null ? name : dir.endsWith("\\") ? dir + name : dir + "\\" + name);
        }
        event.put("file.size", Fields.num(r.get("size")));
        event.put("event.action", s(r, "action"));
    }

    private static void kerberos(Map<String, Object> r, SocEvent.Builder event) {
        protocol(event, "kerberos");
        event.put("event.action", s(r, "request_type"));
        String client = s(r, "client");
        if (client != null) {
            int slash = client.indexOf('/');
            event.put("user.name", slash > 0 ? client.substring(0, slash) : client);
            event.put("user.domain", slash > 0 && slash + 1 < client.length() ? client.substring(slash + 1) : null);
        }
        outcome(r.get("success"), event);
    }

    private static void ntlm(Map<String, Object> r, SocEvent.Builder event) {
        protocol(event, "ntlm");
        event.put("user.name", s(r, "username"));
        event.put("user.domain", s(r, "domainname"));
        event.put("source.domain", s(r, "hostname"));
        outcome(r.get("success"), event);
    }

    private static void rdp(Map<String, Object> r, SocEvent.Builder event) {
        protocol(event, "rdp");
        event.put("user.name", s(r, "cookie"));
        String result = s(r, "result");
        if (result != null) {
            event.put("event.outcome", result.equalsIgnoreCase("Success") ? "success" : "failure");
        }
    }

    private static void ssh(Map<String, Object> r, SocEvent.Builder event) {
        protocol(event, "ssh");
        outcome(r.get("auth_success"), event);
    }

    private static void x509(Map<String, Object> r, SocEvent.Builder event) {
        event.put("x509.subject.distinguished_name", s(r, "certificate.subject"));
        event.put("x509.issuer.distinguished_name", s(r, "certificate.issuer"));
        event.put("x509.serial_number", s(r, "certificate.serial"));
        event.put("x509.not_before", Times.parseAny(r.get("certificate.not_valid_before")));
        event.put("x509.not_after", Times.parseAny(r.get("certificate.not_valid_after")));
    }

    private static void outcome(Object success, SocEvent.Builder event) {
        if (success instanceof Boolean b) {
            event.put("event.outcome", b ? "success" : "failure");
        }
    }

    /** Zeek syslog.log: facility/severity names and the message body (parsed as RFC 5424/3164 when it is one). */
    private static void syslog(Map<String, Object> r, SocEvent.Builder event) {
        protocol(event, "syslog");
        String facility = s(r, "facility");
        String severity = s(r, "severity");
        event.put("log.syslog.facility.name", facility == null ? null : Text.lower(facility));
        event.put("log.syslog.severity.name", severity == null ? null : switch (Text.lower(severity)) {
            case "emerg" -> "emergency";
            case "crit" -> "critical";
            case "err" -> "error";
            case "warn" -> "warning";
            case "info" -> "informational";
            default -> Text.lower(severity);
        });
        String message = s(r, "message");
        if (message == null) {
            return;
        }
        Object observed = event.get(SocEvent.TIMESTAMP);
        try {
            SyslogMessage m = SyslogScanner.scan(message, Times.parseAny(r.get("ts")) != null
                    ? Times.parseAny(r.get("ts")) : java.time.Instant.EPOCH);
            SyslogParser.writeHeader(m, event);
            event.put(SocEvent.MESSAGE, m.message());
            if (m.timestamp() != null) {
                event.put("event.created", m.timestamp()); // time at the sender; @timestamp stays the wire time
            }
        } catch (ParseException e) {
            event.put(SocEvent.MESSAGE, message);
        }
        if (observed != null) {
            event.put(SocEvent.TIMESTAMP, observed);
        }
    }

    // ---- OT ----

    private static void modbus(Map<String, Object> r, SocEvent.Builder event) {
        event.put("ot.protocol", "modbus");
        event.put("network.protocol", "modbus");
        String func = s(r, "func");
        event.put("ot.function_name", func);
        Integer code = OtCodes.modbusCode(func);
        event.put("ot.function_code", code);
        event.put("ot.unit_id", Fields.num(r.containsKey("unit") ? r.get("unit") : r.get("unit_id")));
        event.put("ot.transaction_id", Fields.num(r.get("tid")));
        event.put("ot.exception", s(r, "exception") != null ? s(r, "exception") : s(r, "exception_code"));
        String pdu = s(r, "pdu_type") != null ? s(r, "pdu_type") : s(r, "request_response");
        event.put("ot.message_type", pdu == null ? null : Text.lower(pdu));
        Object address = first(r, "address", "register", "write_start_address", "read_start_address");
        event.put("ot.address", Fields.num(address));
        event.put("ot.quantity", Fields.num(first(r, "quantity", "read_quantity")));
        Object value = first(r, "new_val", "request_values", "response_values", "write_registers", "read_registers",
                "values");
        event.put("ot.value", value == null ? null : value instanceof List<?> l ? joined(l) : value.toString());
        if (r.containsKey("old_val")) {
            event.put("ot.previous_value", s(r, "old_val"));
        }
    }

    private static void dnp3(Map<String, Object> r, SocEvent.Builder event) {
        event.put("ot.protocol", "dnp3");
        event.put("network.protocol", "dnp3");
        String name = s(r, "fc_request") != null ? s(r, "fc_request")
                : s(r, "fc_reply") != null ? s(r, "fc_reply") : s(r, "function_code");
        event.put("ot.function_name", name);
        event.put("ot.function_code", OtCodes.dnp3Code(name));
        event.put("ot.reply_function_name", s(r, "fc_request") != null ? s(r, "fc_reply") : null);
        event.put("ot.address", Fields.num(first(r, "index_number", "range_low")));
        event.put("ot.object", s(r, "object_type") != null ? s(r, "object_type") : s(r, "block_type"));
        event.put("ot.value", s(r, "operation_type") != null
                ? s(r, "operation_type") + (s(r, "trip_control_code") != null ? " " + s(r, "trip_control_code") : "")
                : null);
        event.put("ot.status", s(r, "status_code"));
        Long iin = Fields.num(r.get("iin"));
        event.put("ot.iin", iin);
    }

    private static void s7(Map<String, Object> r, SocEvent.Builder event) {
        event.put("ot.protocol", "s7comm");
        event.put("network.protocol", "s7comm");
        event.put("ot.function_code", Fields.num(r.get("function_code")));
        event.put("ot.function_name", s(r, "function_name"));
        event.put("ot.message_type", s(r, "rosctr_name") != null ? s(r, "rosctr_name") : s(r, "rosctr"));
        event.put("ot.subfunction_name", s(r, "subfunction_name"));
        event.put("ot.exception", s(r, "error_code"));
    }

    private static void bacnet(Map<String, Object> r, SocEvent.Builder event) {
        event.put("ot.protocol", "bacnet");
        event.put("network.protocol", "bacnet");
        event.put("ot.function_name", s(r, "pdu_service"));
        event.put("ot.message_type", s(r, "pdu_type"));
        event.put("ot.unit_id", Fields.num(first(r, "instance_number", "invoke_id")));
        event.put("ot.object", s(r, "object_type"));
        event.put("ot.value", s(r, "value"));
    }

    private static void enip(Map<String, Object> r, SocEvent.Builder event) {
        event.put("ot.protocol", "enip");
        event.put("network.protocol", "enip");
        String name = s(r, "enip_command") != null ? s(r, "enip_command") : s(r, "cip_service");
        event.put("ot.function_name", name);
        event.put("ot.function_code", Fields.num(first(r, "enip_command_code", "cip_service_code")));
        event.put("ot.status", s(r, "enip_status") != null ? s(r, "enip_status") : s(r, "cip_status"));
        event.put("ot.object", s(r, "class_name"));
    }

    private static void opcua(Map<String, Object> r, SocEvent.Builder event) {
        event.put("ot.protocol", "opcua");
        event.put("network.protocol", "opcua");
        event.put("ot.message_type", s(r, "msg_type"));
        event.put("ot.function_name", s(r, "identifier_str"));
        event.put("ot.function_code", Fields.num(r.get("identifier")));
    }

    private static Object first(Map<String, Object> r, String... keys) {
        for (String key : keys) {
            Object v = r.get(key);
            if (v != null && !"-".equals(v) && !(v instanceof List<?> l && l.isEmpty())) {
                return v;
            }
        }
        return null;
    }

    private static String joined(List<?> values) {
        StringBuilder b = new StringBuilder();
        for (Object v : values) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(v);
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
