package soc.tenants.discovery;

import soc.tenants.sources.SourceType;

/** What the roadmap needs to know of one registered data source. */
public record SourceFact(SourceType type, String name, boolean connected) {
}
