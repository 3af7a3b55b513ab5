package soc.ingest.syslog;

/** The syslog transports, named as in the {@code transport} tag of {@code soc.ingest.accepted}. */
enum SyslogTransport {
    UDP("syslog-udp"), TCP("syslog-tcp"), TLS("syslog-tls");

    final String tag;

    SyslogTransport(String tag) {
        this.tag = tag;
    }
}
