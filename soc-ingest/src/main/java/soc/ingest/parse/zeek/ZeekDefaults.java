package soc.ingest.parse.zeek;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Built-in TSV layouts used when a row arrives for {@code zeek:<path>} before (or without) its {@code #fields}
 * header, e.g. {@code zeek-cut} output. A path may have several layouts (Zeek versions); the one whose column
 * count matches the row is used.
 */
final class ZeekDefaults {
    private static final String ID = "ts:time uid:string id.orig_h:addr id.orig_p:port id.resp_h:addr id.resp_p:port ";

    private static final Map<String, List<String>> LAYOUTS = Map.of(
            "conn", List.of(ID + "proto:enum service:string duration:interval orig_bytes:count resp_bytes:count"
                    + " conn_state:string local_orig:bool local_resp:bool missed_bytes:count history:string"
                    + " orig_pkts:count orig_ip_bytes:count resp_pkts:count resp_ip_bytes:count"
                    + " tunnel_parents:set[string]"),
            "dns", List.of(ID + "proto:enum trans_id:count rtt:interval query:string qclass:count qclass_name:string"
                    + " qtype:count qtype_name:string rcode:count rcode_name:string AA:bool TC:bool RD:bool RA:bool"
                    + " Z:count answers:vector[string] TTLs:vector[interval] rejected:bool"),
            "http", List.of(ID + "trans_depth:count method:string host:string uri:string referrer:string"
                    + " version:string user_agent:string origin:string request_body_len:count"
                    + " response_body_len:count status_code:count status_msg:string info_code:count info_msg:string"
                    + " tags:set[enum] username:string password:string proxied:set[string] orig_fuids:vector[string]"
                    + " orig_filenames:vector[string] orig_mime_types:vector[string] resp_fuids:vector[string]"
                    + " resp_filenames:vector[string] resp_mime_types:vector[string]"),
            "modbus", List.of(ID + "func:string exception:string",
                    ID + "tid:count unit:count func:string pdu_type:string exception:string"),
            "dnp3", List.of(ID + "fc_request:string fc_reply:string iin:count"));

    private ZeekDefaults() {
    }

    private static final Map<String, List<ZeekHeader>> HEADERS = new HashMap<>();

    static {
        LAYOUTS.forEach((path, layouts) -> {
            List<ZeekHeader> headers = new ArrayList<>();
            for (String layout : layouts) {
                String[] specs = layout.split(" ");
                String[] fields = new String[specs.length];
                String[] types = new String[specs.length];
                for (int i = 0; i < specs.length; i++) {
                    int colon = specs[i].indexOf(':');
                    fields[i] = specs[i].substring(0, colon);
                    types[i] = specs[i].substring(colon + 1);
                }
                headers.add(ZeekHeader.DEFAULT.withPath(path).withFields(fields).withTypes(types));
            }
            HEADERS.put(path, headers);
        });
    }

    /** The paths with a built-in layout. */
    static java.util.Set<String> paths() {
        return LAYOUTS.keySet();
    }

    static ZeekHeader forPath(String path, int columns) {
        for (ZeekHeader header : HEADERS.getOrDefault(path, List.of())) {
            if (header.fields().length == columns) {
                return header;
            }
        }
        return null;
    }
}
