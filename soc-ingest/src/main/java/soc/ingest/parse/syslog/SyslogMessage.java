package soc.ingest.parse.syslog;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A scanned syslog message (RFC 5424 or RFC 3164); absent parts are null, {@code priority} is -1 when absent. */
public final class SyslogMessage {
    int priority = -1;
    int version;
    Instant timestamp;
    String hostname;
    String appName;
    String procId;
    String msgId;
    Map<String, Map<String, String>> structuredData;
    String message = "";

    public int priority() {
        return priority;
    }

    /** 1 for RFC 5424, 0 for RFC 3164 (BSD) style. */
    public int version() {
        return version;
    }

    public Instant timestamp() {
        return timestamp;
    }

    public String hostname() {
        return hostname;
    }

    public String appName() {
        return appName;
    }

    public String procId() {
        return procId;
    }

    public String msgId() {
        return msgId;
    }

    /** SD-ID to parameters, in order; null when there is none. */
    public Map<String, Map<String, String>> structuredData() {
        return structuredData;
    }

    /** The MSG part (never null). */
    public String message() {
        return message;
    }

    Map<String, String> sdElement(String id) {
        if (structuredData == null) {
            structuredData = new LinkedHashMap<>();
        }
        return structuredData.computeIfAbsent(id, k -> new LinkedHashMap<>());
    }
}
