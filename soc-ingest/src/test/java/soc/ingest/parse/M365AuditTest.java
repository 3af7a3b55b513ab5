package soc.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static soc.ingest.parse.Envelopes.accept;
import static soc.ingest.parse.Envelopes.raw;

import org.junit.jupiter.api.Test;

import soc.events.SocEvent;

/** Microsoft 365 unified audit records: the record's own CreationTime is the event time, not the ingest time. */
class M365AuditTest {
    private final Normaliser normaliser = new Normaliser();

    @Test
    void creationTimeWithoutAZoneIsUtcAndBecomesTheTimestamp() {
        // as the Management Activity API writes it (no zone, UTC), received an hour later
        SocEvent e = accept(normaliser.normalise(raw("auto", """
                {"CreationTime":"2024-05-20T08:59:12","Id":"0b6f5a2e-1a2b-4c3d-8e9f-0a1b2c3d4e5f",
                 "Operation":"MailItemsAccessed","OrganizationId":"7c1d0d1e-0000-4000-8000-000000000001",
                 "RecordType":50,"ResultStatus":"Succeeded","UserType":0,"Workload":"Exchange",
                 "UserId":"j.jones@aberhafren.gov.uk","ClientIP":"203.0.113.7"}""")));
        assertThat(e.getString(SocEvent.TIMESTAMP)).isEqualTo("2024-05-20T08:59:12Z");
        assertThat(e.fields()).doesNotContainKey("CreationTime");
        assertThat(e.get("Operation")).isEqualTo("MailItemsAccessed");
        assertThat(e.get("event.ingested")).isEqualTo("2024-05-20T10:00:00Z");
    }

    @Test
    void theSimulatorsM365RecordsKeepTheirTime() {
        // the shape soc.web.simulator.Formats.m365 sends (CreationTime with a zone, Workload)
        SocEvent e = accept(normaliser.normalise(raw("json", """
                {"CreationTime":"2024-05-20T09:30:00.250Z","Id":"x","Operation":"UserLoggedIn",
                 "OrganizationId":"o","RecordType":15,"ResultStatus":"Success","UserType":0,
                 "Workload":"AzureActiveDirectory","UserId":"a@b.gov.uk","ClientIP":"198.51.100.4"}""")));
        assertThat(e.getString(SocEvent.TIMESTAMP)).isEqualTo("2024-05-20T09:30:00.250Z");
    }

    @Test
    void aCreationTimeFieldAloneIsNotTakenForM365() {
        // some other JSON with a CreationTime field but none of the audit schema: its 'time' wins as before
        SocEvent e = accept(normaliser.normalise(raw("json",
                "{\"CreationTime\":\"2001-01-01T00:00:00Z\",\"time\":\"2024-05-20T09:00:00Z\",\"msg\":\"x\"}")));
        assertThat(e.getString(SocEvent.TIMESTAMP)).isEqualTo("2024-05-20T09:00:00Z");
        assertThat(e.get("CreationTime")).isEqualTo("2001-01-01T00:00:00Z");
    }
}
