package soc.ingest.parse.syslog;

import java.util.Map;

import soc.events.SocEvent;
import soc.ingest.parse.support.EventParser;
import soc.ingest.parse.support.Fields;
import soc.ingest.parse.support.ParseInput;
import soc.ingest.parse.support.Text;

/** Syslog RFC 5424 / RFC 3164 to ECS {@code log.syslog.*}, {@code host.*}, {@code process.*}, {@code message}. */
public final class SyslogParser implements EventParser {
    private static final String[] FACILITIES = {"kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news",
            "uucp", "cron", "authpriv", "ftp", "ntp", "security", "console", "solaris-cron", "local0", "local1",
            "local2", "local3", "local4", "local5", "local6", "local7"};
    private static final String[] SEVERITIES = {"emergency", "alert", "critical", "error", "warning", "notice",
            "informational", "debug"};

    @Override
    public String format() {
        return "syslog";
    }

    @Override
    public void parse(ParseInput input, SocEvent.Builder event) {
        SyslogMessage m = SyslogScanner.scan(input.text(), input.receivedAt());
        event.put("event.kind", "event");
        event.put(SocEvent.DATASET, "syslog");
        writeHeader(m, event);
        event.put(SocEvent.MESSAGE, m.message());
    }

    /** Writes everything but the message: priority, time, host, process, msgid and structured data. */
    public static void writeHeader(SyslogMessage m, SocEvent.Builder event) {
        if (m.priority() >= 0) {
            int facility = m.priority() >> 3;
            int severity = m.priority() & 7;
            event.put("log.syslog.priority", m.priority());
            event.put("log.syslog.facility.code", facility);
            event.put("log.syslog.facility.name", facilityName(facility));
            event.put("log.syslog.severity.code", severity);
            event.put("log.syslog.severity.name", SEVERITIES[severity]);
            event.put("log.level", SEVERITIES[severity]);
        }
        if (m.version() > 0) {
            event.put("log.syslog.version", String.valueOf(m.version()));
        }
        if (m.timestamp() != null) {
            event.timestamp(m.timestamp());
        }
        if (m.hostname() != null) {
            event.put("log.syslog.hostname", m.hostname());
            event.put("host.hostname", m.hostname());
            event.put("host.name", m.hostname());
            if (Fields.looksLikeIp(m.hostname())) {
                event.put("host.ip", m.hostname());
            }
        }
        if (m.appName() != null) {
            event.put("log.syslog.appname", m.appName());
            event.put("process.name", m.appName());
        }
        if (m.procId() != null) {
            event.put("log.syslog.procid", m.procId());
            Long pid = Text.parseLong(m.procId());
            if (pid != null && pid >= 0) {
                event.put("process.pid", pid);
            }
        }
        event.put("log.syslog.msgid", m.msgId());
        if (m.structuredData() != null) {
            for (Map.Entry<String, Map<String, String>> element : m.structuredData().entrySet()) {
                String prefix = "log.syslog.structured_data." + Fields.safeKey(element.getKey()) + '.';
                for (Map.Entry<String, String> param : element.getValue().entrySet()) {
                    event.put(prefix + Fields.safeKey(param.getKey()), param.getValue());
                }
            }
        }
    }

    public static String facilityName(int facility) {
        return facility >= 0 && facility < FACILITIES.length ? FACILITIES[facility] : null;
    }

    public static String severityName(int severity) {
        return severity >= 0 && severity < SEVERITIES.length ? SEVERITIES[severity] : null;
    }
}
