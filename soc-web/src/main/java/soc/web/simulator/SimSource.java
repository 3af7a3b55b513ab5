package soc.web.simulator;

/**
 * The data sources every simulated organisation has (the OT ones only manufacturers), as registered with
 * soc-tenants, and how the simulator delivers their events.
 */
public enum SimSource {
    PERIMETER_FIREWALL("Perimeter firewall", "FIREWALL", "auto", Transport.SYSLOG, 60, false),
    BRANCH_FIREWALL("Branch office firewall", "FIREWALL", "auto", Transport.HTTP_TEXT, 5, false),
    WINDOWS_SECURITY("Windows Security (domain controllers)", "WINDOWS_AD", "json", Transport.HTTP_JSON, 60, false),
    SYSMON("Sysmon (workstations)", "EDR", "json", Transport.HTTP_JSON, 60, false),
    M365("Microsoft 365 audit", "M365_ENTRA", "json", Transport.HTTP_JSON, 60, false),
    ZEEK("Zeek network sensor", "OTHER", "json", Transport.HTTP_JSON, 60, false),
    OT_ZEEK("OT Zeek sensor", "OT_NETWORK_SENSOR", "json", Transport.HTTP_JSON, 60, true),
    OT_SURICATA("OT Suricata sensor", "OT_NETWORK_SENSOR", "json", Transport.KAFKA, 60, true);

    /** How events reach the ingest service. */
    public enum Transport {
        /** UDP syslog from the organisation's own loopback sender address (registered for the source). */
        SYSLOG,
        /** HTTP ingest API, text/plain lines in the source's format. */
        HTTP_TEXT,
        /** HTTP ingest API, application/x-ndjson. */
        HTTP_JSON,
        /** The tenant's own collector topic soc.collect.<tenant>.v1, one event per record, header soc-source. */
        KAFKA
    }

    private final String sourceName;
    private final String type;
    private final String format;
    private final Transport transport;
    private final int silentAfterMinutes;
    private final boolean otOnly;

    SimSource(String sourceName, String type, String format, Transport transport, int silentAfterMinutes, boolean otOnly) {
        this.sourceName = sourceName;
        this.type = type;
        this.format = format;
        this.transport = transport;
        this.silentAfterMinutes = silentAfterMinutes;
        this.otOnly = otOnly;
    }

    /** The source's name in the tenant's inventory (also how registration finds it again). */
    public String sourceName() {
        return sourceName;
    }

    /** Name of the soc-tenants {@code SourceType}. */
    public String type() {
        return type;
    }

    public String format() {
        return format;
    }

    public Transport transport() {
        return transport;
    }

    public int silentAfterMinutes() {
        return silentAfterMinutes;
    }

    public boolean appliesTo(Estate.Organisation organisation) {
        return !otOnly || organisation.ot();
    }
}
