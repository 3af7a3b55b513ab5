package soc.web.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import soc.events.EventJson;

/**
 * Payloads in the real formats devices and collectors send: firewall syslog (RFC 5424 with key=value), Windows
 * Security and Sysmon events (NXLog flat JSON), Microsoft 365 unified audit records, Zeek JSON logs (conn, dns,
 * modbus, dnp3, s7comm) and Suricata EVE (flow, dns, modbus, dnp3). Framework-free and deterministic: the same
 * arguments give the same text.
 */
public final class Formats {
    private static final DateTimeFormatter SURICATA_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxx").withZone(ZoneOffset.UTC);

    private Formats() {
    }

    // ---- firewall syslog ----

    /** A firewall traffic log: CEF in an RFC 5424 syslog message, as next-generation firewalls export it. */
    public static String firewall(Instant time, String firewall, String action, String src, int srcPort, String dst,
                                  int dstPort, String proto, long bytesOut, long bytesIn, String rule) {
        return ("<134>1 %s %s fw 2011 TRAFFIC - CEF:0|Gwarchod Networks|Edge Firewall|7.4|traffic|%s|%d|rt=%d act=%s "
                + "src=%s spt=%d dst=%s dpt=%d proto=%s out=%d in=%d cs1Label=rule cs1=%s dvchost=%s")
                .formatted(time, firewall, "deny".equals(action) ? "traffic denied" : "traffic allowed",
                        "deny".equals(action) ? 5 : 3, time.toEpochMilli(), action, src, srcPort, dst, dstPort,
                        proto.toUpperCase(java.util.Locale.ROOT), bytesOut, bytesIn, rule, firewall);
    }

    // ---- Windows (NXLog flat JSON, as OTRF Security-Datasets) ----

    /** A Windows Security log record; {@code data} are the EventData fields (TargetUserName, IpAddress ...). */
    public static String windowsSecurity(Instant time, String computer, int eventId, Map<String, Object> data) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("@timestamp", time.toString());
        o.put("Hostname", computer);
        o.put("EventID", eventId);
        o.put("Channel", "Security");
        o.put("SourceName", "Microsoft-Windows-Security-Auditing");
        o.put("EventType", eventId == 4625 ? "AUDIT_FAILURE" : "AUDIT_SUCCESS");
        o.putAll(data);
        return EventJson.write(o);
    }

    /** A failed logon (4625) with the given NTSTATUS (0xC000006A wrong password, 0xC0000064 no such user). */
    public static String failedLogon(Instant time, String dc, String domain, String user, String ip, String status) {
        return windowsSecurity(time, dc, 4625, ordered("TargetUserName", user, "TargetDomainName", domain,
                "Status", status, "SubStatus", status, "LogonType", "3", "IpAddress", ip, "IpPort", "0",
                "WorkstationName", "-", "LogonProcessName", "NtLmSsp", "AuthenticationPackageName", "NTLM"));
    }

    /** A successful logon (4624). */
    public static String logon(Instant time, String dc, String domain, String user, String ip, int logonType) {
        return windowsSecurity(time, dc, 4624, ordered("TargetUserName", user, "TargetDomainName", domain,
                "LogonType", String.valueOf(logonType), "IpAddress", ip, "IpPort", "0",
                "LogonProcessName", "Kerberos", "AuthenticationPackageName", "Kerberos"));
    }

    /** A Sysmon process creation (event 1). */
    public static String sysmonProcess(Instant time, String computer, String user, String image, String commandLine,
                                       String parentImage, String parentCommandLine) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("@timestamp", time.toString());
        o.put("Hostname", computer);
        o.put("EventID", 1);
        o.put("Channel", "Microsoft-Windows-Sysmon/Operational");
        o.put("SourceName", "Microsoft-Windows-Sysmon");
        o.put("UtcTime", time.toString().replace('T', ' ').replace("Z", ""));
        o.put("Image", image);
        o.put("OriginalFileName", image.substring(image.lastIndexOf('\\') + 1));
        o.put("CommandLine", commandLine);
        o.put("CurrentDirectory", "C:\\Users\\" + user + "\\");
        o.put("User", user);
        o.put("IntegrityLevel", "Medium");
        o.put("ParentImage", parentImage);
        o.put("ParentCommandLine", parentCommandLine);
        return EventJson.write(o);
    }

    // ---- Microsoft 365 unified audit log ----

    public static String m365(Instant time, String operation, String workload, String user, String clientIp,
                              String result, Map<String, Object> extra) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("CreationTime", time.toString());
        o.put("Id", java.util.UUID.nameUUIDFromBytes((time + operation + user).getBytes()).toString());
        o.put("Operation", operation);
        o.put("OrganizationId", java.util.UUID.nameUUIDFromBytes(user.substring(user.indexOf('@') + 1).getBytes()).toString());
        o.put("RecordType", "Exchange".equals(workload) ? 2 : 15);
        o.put("ResultStatus", result);
        o.put("UserType", 0);
        o.put("Workload", workload);
        o.put("UserId", user);
        o.put("ClientIP", clientIp);
        o.putAll(extra);
        return EventJson.write(o);
    }

    // ---- Zeek JSON ----

    private static Map<String, Object> zeek(String path, Instant time, String uid, String src, int srcPort, String dst,
                                            int dstPort, String proto) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("_path", path);
        o.put("ts", time.toEpochMilli() / 1000.0);
        o.put("uid", uid);
        o.put("id.orig_h", src);
        o.put("id.orig_p", srcPort);
        o.put("id.resp_h", dst);
        o.put("id.resp_p", dstPort);
        if (proto != null) {
            o.put("proto", proto);
        }
        return o;
    }

    public static String zeekConn(Instant time, String uid, String src, int srcPort, String dst, int dstPort,
                                  String proto, String service, long origBytes, long respBytes, String state) {
        Map<String, Object> o = zeek("conn", time, uid, src, srcPort, dst, dstPort, proto);
        if (service != null) {
            o.put("service", service);
        }
        o.put("duration", 0.42);
        o.put("orig_bytes", origBytes);
        o.put("resp_bytes", respBytes);
        o.put("conn_state", state);
        o.put("orig_pkts", Math.max(1, origBytes / 1200));
        o.put("resp_pkts", Math.max(1, respBytes / 1200));
        return EventJson.write(o);
    }

    public static String zeekDns(Instant time, String uid, String src, String resolver, String query, String answer) {
        Map<String, Object> o = zeek("dns", time, uid, src, 53000 + (int) (time.toEpochMilli() % 1000), resolver, 53, "udp");
        o.put("trans_id", (int) (time.toEpochMilli() % 65536));
        o.put("query", query);
        o.put("qclass_name", "C_INTERNET");
        o.put("qtype_name", "A");
        o.put("rcode_name", "NOERROR");
        o.put("AA", false);
        o.put("TC", false);
        o.put("RD", true);
        o.put("RA", true);
        o.put("Z", 0);
        o.put("rejected", false);
        o.put("answers", List.of(answer));
        return EventJson.write(o);
    }

    /**
     * A Zeek dns.log record as Zeek's JSON writer emits it (the fields of the corpus' WRCCDC dns log): query, class,
     * type and response code by number and name, the flags, the round-trip time, and answers with their TTLs (a
     * CNAME chain then the addresses). {@code rcode} NXDOMAIN goes without answers, like the real log.
     */
    public static String zeekDns(Instant time, String uid, String src, int srcPort, String resolver, String query,
                                 String qtype, String rcode, List<String> answers, List<Double> ttls, double rtt) {
        Map<String, Object> o = zeek("dns", time, uid, src, srcPort, resolver, 53, "udp");
        o.put("trans_id", (int) ((time.toEpochMilli() * 31 + srcPort) % 65536));
        o.put("rtt", rtt);
        o.put("query", query);
        o.put("qclass", 1);
        o.put("qclass_name", "C_INTERNET");
        o.put("qtype", switch (qtype) {
            case "AAAA" -> 28;
            case "PTR" -> 12;
            case "MX" -> 15;
            case "SRV" -> 33;
            case "TXT" -> 16;
            default -> 1;
        });
        o.put("qtype_name", qtype);
        o.put("rcode", "NXDOMAIN".equals(rcode) ? 3 : 0);
        o.put("rcode_name", rcode);
        o.put("AA", false);
        o.put("TC", false);
        o.put("RD", true);
        o.put("RA", true);
        o.put("Z", 0);
        if (!answers.isEmpty()) {
            o.put("answers", answers);
            o.put("TTLs", ttls);
        }
        o.put("rejected", false);
        return EventJson.write(o);
    }

    public static String zeekModbus(Instant time, String uid, String src, String dst, String func, int unit) {
        Map<String, Object> o = zeek("modbus", time, uid, src, 49152 + (int) (time.toEpochMilli() % 1000), dst, 502, null);
        o.put("func", func);
        o.put("unit", unit);
        o.put("pdu_type", "REQ");
        return EventJson.write(o);
    }

    public static String zeekDnp3(Instant time, String uid, String src, String dst, String request, String reply) {
        Map<String, Object> o = zeek("dnp3", time, uid, src, 49152 + (int) (time.toEpochMilli() % 1000), dst, 20000, null);
        o.put("fc_request", request);
        o.put("fc_reply", reply);
        o.put("iin", 0);
        return EventJson.write(o);
    }

    /** An S7comm job as the ICSNPP S7comm plugin logs it (function 0x29 = 41 is PLC Stop). */
    public static String zeekS7(Instant time, String uid, String src, String dst, int functionCode, String functionName) {
        Map<String, Object> o = zeek("s7comm", time, uid, src, 49152 + (int) (time.toEpochMilli() % 1000), dst, 102, null);
        o.put("rosctr_code", 1);
        o.put("rosctr_name", "Job");
        o.put("pdu_reference", 512);
        o.put("function_code", functionCode);
        o.put("function_name", functionName);
        return EventJson.write(o);
    }

    // ---- Suricata EVE ----

    private static Map<String, Object> eve(String type, Instant time, long flowId, String src, int srcPort, String dst,
                                           int dstPort, String proto, String app) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("timestamp", SURICATA_TIME.format(time));
        o.put("flow_id", flowId);
        o.put("in_iface", "eth1");
        o.put("event_type", type);
        o.put("src_ip", src);
        o.put("src_port", srcPort);
        o.put("dest_ip", dst);
        o.put("dest_port", dstPort);
        o.put("proto", proto);
        if (app != null) {
            o.put("app_proto", app);
        }
        return o;
    }

    /** A Modbus request (function code as number, e.g. 3 read holding registers). */
    public static String suricataModbus(Instant time, long flowId, String src, String dst, int functionCode, int unit,
                                        int address, int quantity) {
        Map<String, Object> o = eve("modbus", time, flowId, src, 49152 + (int) (flowId % 1000), dst, 502, "TCP", "modbus");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("transaction_id", (int) (flowId % 65536));
        request.put("protocol_id", 0);
        request.put("unit_id", unit);
        request.put("function_raw", functionCode);
        request.put("function_code", "RdHoldRegs");
        request.put("read", ordered("address", address, "quantity", quantity));
        o.put("modbus", Map.of("id", 1, "request", request));
        return EventJson.write(o);
    }

    /** A DNP3 request (application function code: 1 read, 13 cold restart, 14 warm restart). */
    public static String suricataDnp3(Instant time, long flowId, String src, String dst, int functionCode,
                                      int master, int outstation) {
        Map<String, Object> o = eve("dnp3", time, flowId, src, 49152 + (int) (flowId % 1000), dst, 20000, "TCP", "dnp3");
        Map<String, Object> dnp3 = new LinkedHashMap<>();
        dnp3.put("type", "request");
        dnp3.put("control", ordered("dir", true, "pri", true, "fcb", false, "fcv", false, "function_code", 4));
        dnp3.put("src", master);
        dnp3.put("dst", outstation);
        dnp3.put("application", ordered("control", ordered("fir", true, "fin", true, "con", false, "uns", false,
                "sequence", (int) (flowId % 16)), "function_code", functionCode, "objects", List.of()));
        o.put("dnp3", dnp3);
        return EventJson.write(o);
    }

    public static String suricataFlow(Instant time, long flowId, String src, int srcPort, String dst, int dstPort,
                                      String app, long bytesToServer, long bytesToClient) {
        Map<String, Object> o = eve("flow", time, flowId, src, srcPort, dst, dstPort, "TCP", app);
        o.put("flow", ordered("pkts_toserver", Math.max(1, bytesToServer / 1200), "pkts_toclient",
                Math.max(1, bytesToClient / 1200), "bytes_toserver", bytesToServer, "bytes_toclient", bytesToClient,
                "start", SURICATA_TIME.format(time.minusSeconds(2)), "end", SURICATA_TIME.format(time),
                "age", 2, "state", "closed", "reason", "timeout", "alerted", false));
        return EventJson.write(o);
    }

    static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
