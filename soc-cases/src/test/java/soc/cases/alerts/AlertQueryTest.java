package soc.cases.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import soc.events.Severity;

/** Queue filters as query strings (saved filters) and keyset cursors. */
class AlertQueryTest {
    @Test
    void roundTripsThroughAQueryString() {
        AlertQuery query = AlertQuery.parse("tenant=acme&severity=high&status=NEW&rule=Credential%20dump&technique=t1003.001"
                + "&asset=WS042&from=2026-11-01&to=2026-11-30&sort=SLA_DUE");
        assertThat(query.tenant()).isEqualTo("acme");
        assertThat(query.minSeverity()).isEqualTo(Severity.HIGH);
        assertThat(query.status()).isEqualTo(AlertStatus.NEW);
        assertThat(query.rule()).isEqualTo("Credential dump");
        assertThat(query.technique()).isEqualTo("T1003.001");
        assertThat(query.asset()).isEqualTo("WS042");
        assertThat(query.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(query.sort()).isEqualTo(QueueSort.SLA_DUE);
        assertThat(AlertQuery.parse(query.toQueryString())).isEqualTo(query);
    }

    @Test
    void dropsWhatItCannotRead() {
        AlertQuery query = AlertQuery.parse("tenant=../etc&severity=URGENT&technique=1003;drop&from=yesterday&sort=RANDOM&x=1");
        assertThat(query).isEqualTo(AlertQuery.all());
        assertThat(query.isEmpty()).isTrue();
        assertThat(query.toQueryString()).isEmpty();
    }

    @Test
    void cursorTokensRoundTripAndRejectOtherOrders() {
        QueueCursor cursor = new QueueCursor(QueueSort.SEVERITY, 3, Instant.parse("2026-11-30T10:00:00.123456Z"), "abc~def");
        assertThat(QueueCursor.parse(cursor.token(), QueueSort.SEVERITY)).isEqualTo(cursor);
        assertThat(QueueCursor.parse(cursor.token(), QueueSort.NEWEST)).isNull();
        assertThat(QueueCursor.parse("garbage", QueueSort.NEWEST)).isNull();
    }
}
