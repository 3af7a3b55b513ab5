package soc.tenants.sources;

/** Kinds of telemetry a tenant can connect. */
public enum SourceType {
    FIREWALL, WINDOWS_AD, M365_ENTRA, EDR, EMAIL_GATEWAY, VPN, PROXY, DNS, LINUX_SYSLOG,
    OT_NETWORK_SENSOR, OT_HISTORIAN, PLC_SCADA_AUDIT,
    /** Fire and rescue mobilising (command and control) system. */
    MOBILISING_SYSTEM, OTHER
}
