package soc.tenants.sources;

/** WAITING: no event yet; CONNECTED: events within the source's silence threshold; SILENT: none since. */
public enum SourceHealth {
    WAITING, CONNECTED, SILENT
}
