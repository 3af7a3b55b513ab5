package soc.tenants.sources;

/**
 * What an onboarding officer registers for a data source.
 *
 * @param format              declared format ("auto" to detect; see docs/schema.md)
 * @param expectedDailyEvents expected volume, for capacity planning and health
 * @param silentAfterMinutes  no event for this long raises a "silent source" alert (default 60)
 */
public record SourceSpec(String name, SourceType type, String format, IngestMethod ingestMethod,
                         Long expectedDailyEvents, Criticality criticality, Integer silentAfterMinutes) {
}
