package soc.ingest.parse;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import soc.events.SocEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static soc.ingest.parse.Envelopes.accept;
import static soc.ingest.parse.Envelopes.raw;
import static soc.ingest.parse.Envelopes.reject;

class JsonAndSyslogTest {
    private final Normaliser normaliser = new Normaliser();

    @Test
    void genericJsonIsFlattenedAndWellKnownKeysMapped() {
        SocEvent e = accept(normaliser.normalise(raw("auto",
                "{\"time\":\"2024-05-20T09:59:58.5+02:00\",\"msg\":\"login ok\",\"host\":\"web-1\",\"user\":\"alice\","
                        + "\"src_ip\":\"10.0.0.5\",\"src_port\":\"5555\",\"http\":{\"req\":{\"path\":\"/a\"}},"
                        + "\"tags\":[\"x\",\"y\"]}")));
        assertThat(e.getString("@timestamp")).isEqualTo("2024-05-20T07:59:58.500Z");
        assertThat(e.get("message")).isEqualTo("login ok");
        assertThat(e.get("host.name")).isEqualTo("web-1");
        assertThat(e.get("user.name")).isEqualTo("alice");
        assertThat(e.get("source.ip")).isEqualTo("10.0.0.5");
        assertThat(e.get("source.port")).isEqualTo(5555L);
        assertThat(e.get("http.req.path")).isEqualTo("/a");
        assertThat(e.get("tags")).isEqualTo(List.of("x", "y"));
        assertThat(e.get("event.kind")).isEqualTo("event");
        assertThat(e.get("event.dataset")).isEqualTo("json");
        assertThat(e.fields()).doesNotContainKeys("host", "user", "msg", "time");
        assertThat(e.get("event.ingested")).isEqualTo("2024-05-20T10:00:00Z");
    }

    @Test
    void jsonCannotOverwritePlatformFields() {
        SocEvent e = accept(normaliser.normalise(raw("json",
                "{\"tenant\":{\"id\":\"evil\"},\"event.id\":\"x\",\"@timestamp\":\"garbage\"}")));
        assertThat(e.tenantId()).isEqualTo("acme");
        assertThat(e.eventId()).startsWith("ev-");
        assertThat(e.get("raw.tenant.id")).isEqualTo("evil");
        assertThat(e.get("raw.event.id")).isEqualTo("x");
        assertThat(e.get("raw.@timestamp")).isEqualTo("garbage");
        assertThat(e.getString("@timestamp")).isEqualTo("2024-05-20T10:00:00Z");
    }

    @Test
    void invalidJsonIsRejectedWithLocatedReason() {
        String reason = reject(normaliser.normalise(raw("json", "{\"a\":1, x}")));
        assertThat(reason).startsWith("json: Unexpected character").contains("column");
        assertThat(reject(normaliser.normalise(raw("json", "[1,2]")))).startsWith("json: not a JSON object");
        assertThat(reject(normaliser.normalise(raw("json", "{\"a\":1} trailing")))).startsWith("json: ");
    }

    @Test
    void rfc5424WithStructuredData() {
        SocEvent e = accept(normaliser.normalise(raw("auto",
                "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473"
                        + " iut=\"3\" eventSource=\"Appli\\\"cation\" eventID=\"1011\"][origin ip=\"1.2.3.4\"]"
                        + " \uFEFFAn application event log entry...")));
        assertThat(e.get("log.syslog.priority")).isEqualTo(165);
        assertThat(e.get("log.syslog.facility.code")).isEqualTo(20);
        assertThat(e.get("log.syslog.facility.name")).isEqualTo("local4");
        assertThat(e.get("log.syslog.severity.code")).isEqualTo(5);
        assertThat(e.get("log.syslog.severity.name")).isEqualTo("notice");
        assertThat(e.getString("@timestamp")).isEqualTo("2003-10-11T22:14:15.003Z");
        assertThat(e.get("host.hostname")).isEqualTo("mymachine.example.com");
        assertThat(e.get("process.name")).isEqualTo("evntslog");
        assertThat(e.fields()).doesNotContainKey("process.pid");
        assertThat(e.get("log.syslog.msgid")).isEqualTo("ID47");
        assertThat(e.get("log.syslog.structured_data.exampleSDID@32473.eventSource")).isEqualTo("Appli\"cation");
        assertThat(e.get("log.syslog.structured_data.origin.ip")).isEqualTo("1.2.3.4");
        assertThat(e.get("message")).isEqualTo("An application event log entry...");
        assertThat(e.get("event.dataset")).isEqualTo("syslog");
    }

    @Test
    void rfc5424WithOffsetAndPid() {
        SocEvent e = accept(normaliser.normalise(raw("syslog",
                "<34>1 2024-05-20T11:59:00.123456+02:00 host1 sshd 4242 - - Accepted password for bob")));
        assertThat(e.getString("@timestamp")).isEqualTo("2024-05-20T09:59:00.123456Z");
        assertThat(e.get("process.pid")).isEqualTo(4242L);
        assertThat(e.get("message")).isEqualTo("Accepted password for bob");
    }

    @Test
    void rfc3164Quirks() {
        SocEvent e = accept(normaliser.normalise(raw("syslog", "<34>Feb  4 11:14:27 1.2.3.4 apache_server: test message")));
        assertThat(e.getString("@timestamp")).isEqualTo("2024-02-04T11:14:27Z");
        assertThat(e.get("host.hostname")).isEqualTo("1.2.3.4");
        assertThat(e.get("process.name")).isEqualTo("apache_server");
        assertThat(e.get("message")).isEqualTo("test message");
        assertThat(e.get("log.syslog.severity.name")).isEqualTo("critical");
        assertThat(e.get("log.syslog.facility.name")).isEqualTo("auth");

        SocEvent noHost = accept(normaliser.normalise(raw("syslog", "<13>May 19 23:59:01 sshd[811]: session opened")));
        assertThat(noHost.fields()).doesNotContainKey("host.hostname");
        assertThat(noHost.get("process.name")).isEqualTo("sshd");
        assertThat(noHost.get("process.pid")).isEqualTo(811L);
        assertThat(noHost.get("message")).isEqualTo("session opened");
    }

    @Test
    void rfc3164YearIsInferredAroundNewYear() {
        Instant newYear = Instant.parse("2025-01-01T00:05:00Z");
        SocEvent late = accept(normaliser.normalise(raw("syslog", "<13>Dec 31 23:59:59 h app: x", newYear)));
        assertThat(late.getString("@timestamp")).isEqualTo("2024-12-31T23:59:59Z");
        Instant oldYear = Instant.parse("2024-12-31T23:50:00Z");
        SocEvent early = accept(normaliser.normalise(raw("syslog", "<13>Jan  1 00:10:00 h app: x", oldYear)));
        assertThat(early.getString("@timestamp")).isEqualTo("2025-01-01T00:10:00Z");
        SocEvent leap = accept(normaliser.normalise(raw("syslog", "<13>Feb 29 10:00:00 h app: x", RECEIVED_2025)));
        assertThat(leap.getString("@timestamp")).isEqualTo("2024-02-29T10:00:00Z");
    }

    private static final Instant RECEIVED_2025 = Instant.parse("2025-03-01T00:00:00Z");

    @Test
    void framingAndRejections() {
        SocEvent e = accept(normaliser.normalise(raw("syslog",
                "77 <86>1 2015-08-05T21:58:59.693Z 192.168.2.132 inactive - - -  partition is p2 ")));
        assertThat(e.get("message")).isEqualTo(" partition is p2 ");
        assertThat(e.get("process.name")).isEqualTo("inactive");
        assertThat(reject(normaliser.normalise(raw("syslog", "hello world")))).isEqualTo("syslog: no PRI header");
        assertThat(reject(normaliser.normalise(raw("syslog", "<999>x")))).startsWith("syslog: PRI 999 out of range");
        assertThat(reject(normaliser.normalise(raw("auto", "hello world")))).startsWith("auto: unrecognised payload");
        assertThat(reject(normaliser.normalise(raw("bogus", "x")))).startsWith("bogus: unsupported format");
        assertThat(reject(normaliser.normalise(raw("json", "   ")))).isEqualTo("json: empty payload");
        assertThat(reject(normaliser.normalise(raw("json", "{\"a\":\"" + "x".repeat(300_000) + "\"}"))))
                .startsWith("json: payload too large");
    }
}
