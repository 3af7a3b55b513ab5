package soc.tenants.sources;

public enum IngestMethod {
    HTTP_TOKEN, SYSLOG, KAFKA
}
