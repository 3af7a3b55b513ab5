package soc.cases.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import soc.cases.RealPostgres;
import soc.events.Alert;
import soc.events.Severity;
import soc.tenants.scope.TenantScope;

/**
 * The queue's technique, asset and rule filters (served from the side tables of V18, filled by triggers on insert)
 * in the real PostgreSQL: the same alerts as a scan of the alert table would give, in queue order, page after
 * page, and for a tenant user only the own tenant's.
 */
@SpringBootTest
class AlertQueueSearchTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        RealPostgres.register(registry);
    }

    @Autowired
    AlertStore store;
    @Autowired
    AlertQueue queue;
    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String tenantA = "qa-" + run;
    private final String tenantB = "qb-" + run;
    private final String host = "WS-" + run;
    private final Instant t0 = Instant.parse("2026-11-30T10:00:00Z");

    @BeforeEach
    void alerts() {
        TenantScope.run(TenantScope.ALL_TENANTS, () -> {
            for (String tenant : List.of(tenantA, tenantB)) {
                jdbc.sql("insert into tenant (tenant_id, name, kind, region) values (:id, :id, 'OTHER', 'Wales')")
                        .param("id", tenant).update();
            }
            // inserted in this order, so received (and listed) newest last-inserted first
            for (int i = 0; i < 7; i++) {
                String technique = i % 2 == 0 ? "T1003" : "T1110";
                Severity severity = i % 3 == 0 ? Severity.CRITICAL : Severity.LOW;
                store.insert(alert("a" + i, tenantA, "rule-x-" + run, "Credential dumping " + run, severity,
                        List.of(technique, "T1059"), Map.of("host.name", i < 5 ? host : "other-" + run, "user.name", "bob")));
            }
            store.insert(alert("b0", tenantB, "rule-x-" + run, "Credential dumping " + run, Severity.HIGH,
                    List.of("T1003"), Map.of("host.name", host)));
            store.insert(alert("a7", tenantA, "rule-y-" + run, "Brute force " + run, Severity.MEDIUM,
                    List.of("T1003"), Map.of("host.name", host)));
        });
    }

    private Alert alert(String id, String tenant, String rule, String title, Severity severity, List<String> techniques,
                        Map<String, String> keyFields) {
        return new Alert(id + "-" + run, tenant, rule, title, "author", severity, techniques, List.of("e-" + id),
                keyFields, "fp-" + id + "-" + run, t0, t0);
    }

    /** Every page of the query in the scope, two rows a page: the alert ids (without the run suffix) in order. */
    private List<String> allPages(String scope, AlertQuery query) {
        return TenantScope.call(scope, () -> {
            List<String> ids = new ArrayList<>();
            QueueCursor after = null;
            for (int page = 0; page < 20; page++) {
                List<AlertRow> rows = store.search(query, after, 2);
                rows.forEach(row -> ids.add(row.alertId().substring(0, row.alertId().indexOf('-'))));
                if (rows.size() < 2) {
                    return ids;
                }
                after = QueueCursor.after(rows.get(rows.size() - 1), query.sort());
            }
            throw new AssertionError("more than 20 pages");
        });
    }

    private AlertQuery q(String tenant, String rule, String technique, String asset, QueueSort sort) {
        return new AlertQuery(tenant, null, null, rule, technique, asset, null, null, sort);
    }

    @Test
    void techniqueFilterPagesThroughTheMatchingAlertsNewestFirst() {
        assertThat(allPages(TenantScope.ALL_TENANTS, q(tenantA, null, "T1003", null, QueueSort.NEWEST)))
                .containsExactly("a7", "a6", "a4", "a2", "a0");
        assertThat(allPages(TenantScope.ALL_TENANTS, q(tenantA, null, "T1059", null, QueueSort.NEWEST)))
                .containsExactly("a6", "a5", "a4", "a3", "a2", "a1", "a0");
        assertThat(allPages(TenantScope.ALL_TENANTS, q(tenantA, null, "T1003", null, QueueSort.SEVERITY)))
                .as("most severe first").containsExactly("a6", "a0", "a7", "a4", "a2");
        assertThat(allPages(TenantScope.ALL_TENANTS, q(tenantA, null, "T9999", null, QueueSort.NEWEST))).isEmpty();
    }

    @Test
    void assetFilterIgnoresCaseAndCombinesWithTheTechnique() {
        assertThat(allPages(TenantScope.ALL_TENANTS, q(tenantA, null, null, host.toLowerCase(), QueueSort.NEWEST)))
                .containsExactly("a7", "a4", "a3", "a2", "a1", "a0");
        assertThat(allPages(TenantScope.ALL_TENANTS, q(tenantA, null, "T1110", host, QueueSort.NEWEST)))
                .containsExactly("a3", "a1");
        assertThat(allPages(TenantScope.ALL_TENANTS, q(null, null, null, host, QueueSort.NEWEST)))
                .as("provider staff, all tenants").containsExactly("a7", "b0", "a4", "a3", "a2", "a1", "a0");
    }

    @Test
    void ruleFilterMatchesTheRuleIdOrPartOfTheTitle() {
        assertThat(allPages(TenantScope.ALL_TENANTS, q(null, "rule-x-" + run, null, null, QueueSort.NEWEST)))
                .containsExactly("b0", "a6", "a5", "a4", "a3", "a2", "a1", "a0");
        assertThat(allPages(TenantScope.ALL_TENANTS, q(tenantA, "force " + run.toUpperCase(), null, null, QueueSort.NEWEST)))
                .containsExactly("a7");
        assertThat(allPages(TenantScope.ALL_TENANTS, q(tenantA, run, "T1003", null, QueueSort.NEWEST)))
                .as("both rules' titles, with a technique").containsExactly("a7", "a6", "a4", "a2", "a0");
        assertThat(allPages(TenantScope.ALL_TENANTS, q(tenantA, run, null, null, QueueSort.SEVERITY)))
                .containsExactly("a6", "a3", "a0", "a7", "a5", "a4", "a2", "a1");
        assertThat(allPages(TenantScope.ALL_TENANTS, q(tenantA, "rule-x-" + run + "%", null, null, QueueSort.NEWEST)))
                .as("a wildcard is a literal character").isEmpty();
    }

    @Test
    void aTenantUserSeesOnlyTheOwnTenantsMatches() {
        assertThat(allPages(tenantB, q(null, null, "T1003", null, QueueSort.NEWEST))).containsExactly("b0");
        assertThat(allPages(tenantB, q(null, null, null, host, QueueSort.NEWEST))).containsExactly("b0");
        assertThat(allPages(tenantB, q(null, "rule-x-" + run, null, null, QueueSort.NEWEST))).containsExactly("b0");
        assertThat(allPages(tenantB, q(tenantA, "rule-x-" + run, "T1003", host, QueueSort.NEWEST)))
                .as("another tenant's filter").isEmpty();
        // the service's page (50 rows, in its own transaction) agrees
        assertThat(TenantScope.call(tenantA, () -> queue.search(q(tenantA, null, "T1003", host, QueueSort.NEWEST), null))
                .rows()).extracting(AlertRow::alertId)
                .containsExactly("a7-" + run, "a4-" + run, "a2-" + run, "a0-" + run);
    }
}
