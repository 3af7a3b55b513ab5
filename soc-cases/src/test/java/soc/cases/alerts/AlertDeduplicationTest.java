package soc.cases.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import soc.cases.RealPostgres;
import soc.events.Alert;
import soc.events.Severity;
import soc.tenants.scope.TenantScope;

/** Alert intake deduplication in the real PostgreSQL: counts within the window, new rows after it, replays ignored. */
@SpringBootTest
class AlertDeduplicationTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        RealPostgres.register(registry);
    }

    @Autowired
    AlertDeduplication dedup;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private final String tenant = "dedup-" + UUID.randomUUID().toString().substring(0, 8);
    private final Instant t0 = Instant.parse("2026-11-30T10:00:00Z");

    private Alert alert(String id, String fingerprint, Instant time) {
        return new Alert(id + "-" + tenant, tenant, "rule-1", "Rule one", "author", Severity.HIGH, List.of("T1110"),
                List.of("event-" + id), Map.of("host.name", "ws-1"), fingerprint + "-" + tenant, time, time);
    }

    private AlertDeduplication.Outcome receive(Alert alert) {
        return TenantScope.call(TenantScope.ALL_TENANTS, () -> new TransactionTemplate(transactions)
                .execute(status -> dedup.receive(alert)));
    }

    private AlertDeduplication.Occurrences occurrences(String id) {
        return TenantScope.call(TenantScope.ALL_TENANTS, () -> dedup.occurrencesOf(id + "-" + tenant));
    }

    private int rows() {
        return TenantScope.call(TenantScope.ALL_TENANTS, () -> jdbc.sql("select count(*) from alert where tenant_id = :t")
                .param("t", tenant).query(Integer.class).single());
    }

    @Test
    void repeatsWithinTheWindowAreCountedOnceEachAndReplaysNever() {
        TenantScope.run(TenantScope.ALL_TENANTS, () -> jdbc.sql(
                "insert into tenant (tenant_id, name, kind, region) values (:id, :id, 'OTHER', 'Wales')")
                .param("id", tenant).update());

        assertThat(receive(alert("a", "fp", t0))).isEqualTo(AlertDeduplication.Outcome.NEW);
        assertThat(receive(alert("a", "fp", t0))).as("re-delivery").isEqualTo(AlertDeduplication.Outcome.REPLAYED);
        assertThat(occurrences("a").count()).isEqualTo(1);

        assertThat(receive(alert("b", "fp", t0.plusSeconds(300)))).isEqualTo(AlertDeduplication.Outcome.COUNTED);
        assertThat(receive(alert("b", "fp", t0.plusSeconds(300)))).isEqualTo(AlertDeduplication.Outcome.REPLAYED);
        assertThat(occurrences("a")).isEqualTo(new AlertDeduplication.Occurrences(2, t0.plusSeconds(300)));
        assertThat(TenantScope.call(TenantScope.ALL_TENANTS, () -> jdbc.sql(
                "select array_to_string(event_ids, ',') from alert where alert_id = :id").param("id", "a-" + tenant)
                .query(String.class).single())).isEqualTo("event-a,event-b");

        // 14 minutes after the last occurrence: still the same alert; another entity: its own alert
        assertThat(receive(alert("c", "fp", t0.plusSeconds(300 + 14 * 60)))).isEqualTo(AlertDeduplication.Outcome.COUNTED);
        assertThat(receive(alert("d", "other", t0.plusSeconds(300)))).isEqualTo(AlertDeduplication.Outcome.NEW);
        assertThat(rows()).isEqualTo(2);

        // beyond the 15-minute window: a new alert
        Instant later = t0.plusSeconds(300 + 14 * 60 + 16 * 60);
        assertThat(receive(alert("e", "fp", later))).isEqualTo(AlertDeduplication.Outcome.NEW);
        assertThat(occurrences("a").count()).isEqualTo(3);

        // a closed alert is not reopened by a repeat
        TenantScope.run(TenantScope.ALL_TENANTS, () -> jdbc.sql("update alert set status = 'CLOSED' where alert_id = :id")
                .param("id", "e-" + tenant).update());
        assertThat(receive(alert("f", "fp", later.plusSeconds(60)))).isEqualTo(AlertDeduplication.Outcome.NEW);
        assertThat(rows()).isEqualTo(4);
    }

    /** Intake hands a whole poll over at once: the same outcomes as one by one, replays within the batch included. */
    @Test
    void aBatchHasTheOutcomesOfItsAlertsReceivedOneByOne() {
        TenantScope.run(TenantScope.ALL_TENANTS, () -> jdbc.sql(
                "insert into tenant (tenant_id, name, kind, region) values (:id, :id, 'OTHER', 'Wales')")
                .param("id", tenant).update());
        assertThat(receive(alert("a", "fp", t0))).isEqualTo(AlertDeduplication.Outcome.NEW);

        List<Alert> batch = List.of(
                alert("a", "fp", t0), // replay of an earlier batch
                alert("b", "fp", t0.plusSeconds(60)), // counted in a, from before the batch
                alert("c", "new", t0.plusSeconds(60)), // a new alert...
                alert("d", "new", t0.plusSeconds(120)), // ...counted in the new alert of the same batch
                alert("d", "new", t0.plusSeconds(120)), // the same id twice in one poll
                alert("e", "new", t0.plusSeconds(120 + 16 * 60)), // beyond the window of c: new
                alert("f", "fp", t0.plusSeconds(90))); // counted in a again
        List<AlertDeduplication.Outcome> outcomes = TenantScope.call(TenantScope.ALL_TENANTS,
                () -> new TransactionTemplate(transactions).execute(status -> dedup.receiveAll(batch)));

        assertThat(outcomes).containsExactly(AlertDeduplication.Outcome.REPLAYED, AlertDeduplication.Outcome.COUNTED,
                AlertDeduplication.Outcome.NEW, AlertDeduplication.Outcome.COUNTED, AlertDeduplication.Outcome.REPLAYED,
                AlertDeduplication.Outcome.NEW, AlertDeduplication.Outcome.COUNTED);
        assertThat(occurrences("a")).isEqualTo(new AlertDeduplication.Occurrences(3, t0.plusSeconds(90)));
        assertThat(occurrences("c")).isEqualTo(new AlertDeduplication.Occurrences(2, t0.plusSeconds(120)));
        assertThat(occurrences("e")).isEqualTo(new AlertDeduplication.Occurrences(1, t0.plusSeconds(120 + 16 * 60)));
        assertThat(rows()).isEqualTo(3);
        assertThat(TenantScope.call(TenantScope.ALL_TENANTS, () -> jdbc.sql(
                "select array_to_string(event_ids, ',') from alert where alert_id = :id").param("id", "c-" + tenant)
                .query(String.class).single())).isEqualTo("event-c,event-d");
        assertThat(TenantScope.call(TenantScope.ALL_TENANTS, () -> jdbc.sql(
                "select merged_into from alert_occurrence where alert_id = :id").param("id", "d-" + tenant)
                .query(String.class).single())).isEqualTo("c-" + tenant);
        // replaying the whole batch changes nothing
        List<AlertDeduplication.Outcome> again = TenantScope.call(TenantScope.ALL_TENANTS,
                () -> new TransactionTemplate(transactions).execute(status -> dedup.receiveAll(batch)));
        assertThat(again).containsOnly(AlertDeduplication.Outcome.REPLAYED);
        assertThat(occurrences("a").count()).isEqualTo(3);
        assertThat(rows()).isEqualTo(3);
    }
}
