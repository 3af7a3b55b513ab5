package soc.cases.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
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
import soc.cases.alerts.AlertStore;
import soc.cases.cases.CaseActor;
import soc.cases.cases.CaseFile;
import soc.cases.cases.CaseStatus;
import soc.cases.cases.Cases;
import soc.cases.cases.RootCause;
import soc.cases.observables.CaseObservable;
import soc.cases.observables.ObservableKind;
import soc.cases.observables.Observables;
import soc.cases.playbooks.CaseTask;
import soc.cases.playbooks.CaseType;
import soc.cases.playbooks.Playbooks;
import soc.events.Alert;
import soc.events.Severity;
import soc.tenants.audit.AuditLog;
import soc.tenants.scope.TenantScope;
import soc.tenants.tenants.ServiceModel;
import soc.tenants.tenants.SlaTier;
import soc.tenants.tenants.TenantKind;
import soc.tenants.tenants.TenantProfile;
import soc.tenants.tenants.TenantService;

/**
 * SLA deadlines, response metrics, the SLA monitor, playbooks and cross-tenant sightings on the real PostgreSQL,
 * as the runtime role under row-level security.
 */
@SpringBootTest
class ResponseMetricsIntegrationTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        RealPostgres.register(registry);
    }

    @Autowired
    Cases cases;
    @Autowired
    ResponseMetrics metrics;
    @Autowired
    SlaMonitor monitor;
    @Autowired
    SlaBreaches breaches;
    @Autowired
    CaseSlas slas;
    @Autowired
    Playbooks playbooks;
    @Autowired
    Observables observables;
    @Autowired
    AlertStore alerts;
    @Autowired
    TenantService tenants;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    private final CaseActor analyst = CaseActor.provider("analyst");
    private String critical;
    private String standard;

    @BeforeEach
    void tenants() {
        critical = "crit-" + UUID.randomUUID().toString().substring(0, 8);
        standard = "std-" + UUID.randomUUID().toString().substring(0, 8);
        TenantScope.run(TenantScope.ALL_TENANTS, () -> {
            tenants.register("test", new TenantProfile(critical, "Water works", TenantKind.MANUFACTURER, "Wales", null,
                    ServiceModel.MANAGED, SlaTier.CRITICAL_SERVICE, null, null, null, null));
            tenants.register("test", new TenantProfile(standard, "Council", TenantKind.COUNTY_COUNCIL, "Wales", null,
                    ServiceModel.MANAGED, SlaTier.STANDARD, null, null, null, null));
        });
    }

    @Test
    void monthlyMttaMttrAndComplianceFromCaseTimestamps() {
        // three cases started in March 2026 (London time), with known timestamps
        Instant start1 = london("2026-03-02T10:00");
        long met = handMadeCase(critical, Severity.HIGH);
        stamp(met, start1, start1.plus(Duration.ofMinutes(10)), start1.plus(Duration.ofHours(2)),
                start1.plus(Duration.ofHours(6)), start1.plus(Duration.ofMinutes(30)), start1.plus(Duration.ofHours(4)));
        Instant start2 = london("2026-03-20T23:00");
        long late = handMadeCase(critical, Severity.HIGH);
        stamp(late, start2, start2.plus(Duration.ofMinutes(50)), start2.plus(Duration.ofHours(5)),
                start2.plus(Duration.ofHours(10)), start2.plus(Duration.ofMinutes(30)), start2.plus(Duration.ofHours(4)));
        Instant start3 = london("2026-03-31T23:30"); // 22:30 UTC: still March in London
        long open = handMadeCase(critical, Severity.HIGH);
        stamp(open, start3, null, null, null, start3.plus(Duration.ofMinutes(30)), start3.plus(Duration.ofHours(4)));
        // April: not counted in March
        long april = handMadeCase(critical, Severity.HIGH);
        Instant start4 = london("2026-04-01T00:30");
        stamp(april, start4, start4, null, null, start4.plus(Duration.ofMinutes(30)), start4.plus(Duration.ofHours(4)));

        MonthlyResponse march = TenantScope.call(TenantScope.ALL_TENANTS,
                () -> metrics.month(critical, YearMonth.of(2026, 3)));
        assertThat(march.cases()).isEqualTo(3);
        assertThat(march.acknowledged()).isEqualTo(2);
        assertThat(march.mtta()).isEqualTo(Duration.ofMinutes(30)); // (10 + 50) / 2
        assertThat(march.resolved()).isEqualTo(2);
        assertThat(march.mttr()).isEqualTo(Duration.ofHours(8)); // (6 + 10) / 2
        // acknowledgement: met, late, and the open one long past its deadline = 1 of 3
        assertThat(march.ackMeasured()).isEqualTo(3);
        assertThat(march.ackMet()).isEqualTo(1);
        assertThat(march.ackCompliancePercent()).isEqualTo(33.3);
        // containment: 2 h (met), 5 h (missed), open and past due
        assertThat(march.containMet()).isEqualTo(1);
        assertThat(march.containMeasured()).isEqualTo(3);
        assertThat(march.compliancePercent()).isEqualTo(33.3);

        List<MonthlyResponse> range = TenantScope.call(TenantScope.ALL_TENANTS,
                () -> metrics.months(critical, YearMonth.of(2026, 2), YearMonth.of(2026, 4)));
        assertThat(range).extracting(MonthlyResponse::cases).containsExactly(0, 3, 1);
        assertThat(range.get(0).compliancePercent()).isNull();

        // the other tenant's scope sees nothing of it (row-level security), whatever it asks for
        MonthlyResponse asOther = TenantScope.call(standard, () -> metrics.month(critical, YearMonth.of(2026, 3)));
        assertThat(asOther.cases()).isZero();
        MonthlyResponse asOwn = TenantScope.call(critical, () -> metrics.month(critical, YearMonth.of(2026, 3)));
        assertThat(asOwn.cases()).isEqualTo(3);
    }

    @Test
    void theWorkflowRecordsTheTimestampsTheMetricsUse() {
        String alertId = alert(critical, Severity.CRITICAL, List.of("T1486"), Map.of("host.name", "plc-eng-01"));
        CaseFile file = TenantScope.call(TenantScope.ALL_TENANTS,
                () -> cases.createFromAlerts(analyst, List.of(alertId), null));
        // opened from an alert: acknowledged at once; deadlines from the CRITICAL_SERVICE tier, 24/7
        CaseSla sla = TenantScope.call(TenantScope.ALL_TENANTS,
                () -> slas.timers(List.of(file.caseId()), Instant.now()).get(file.caseId()));
        assertThat(sla.acknowledge().state()).isEqualTo(SlaState.MET);
        assertThat(Duration.between(sla.contain().start(), sla.contain().due())).isEqualTo(Duration.ofHours(2));
        assertThat(sla.contain().state()).isEqualTo(SlaState.RUNNING);

        TenantScope.run(TenantScope.ALL_TENANTS, () -> {
            cases.changeStatus(analyst, file.caseId(), CaseStatus.CONTAINED, null, null);
            cases.changeStatus(analyst, file.caseId(), CaseStatus.CLOSED, "Restored from backup", RootCause.MALWARE);
        });
        MonthlyResponse month = TenantScope.call(TenantScope.ALL_TENANTS,
                () -> metrics.month(critical, YearMonth.now(LONDON)));
        assertThat(month.cases()).isEqualTo(1);
        assertThat(month.resolved()).isEqualTo(1);
        assertThat(month.containMet()).isEqualTo(1);
        assertThat(month.compliancePercent()).isEqualTo(100.0);
    }

    @Test
    void theMonitorRecordsAWarningAndABreachOncePerItemAndAuditsThem() {
        long caseId = handMadeCase(critical, Severity.HIGH);
        Instant start = Instant.now().minus(Duration.ofMinutes(25));
        // acknowledgement due in 5 minutes (warning zone), containment long past
        stamp(caseId, start, null, null, null, start.plus(Duration.ofMinutes(30)), start.plus(Duration.ofMinutes(20)));

        List<SlaWarningRaised> first = monitor.check(Instant.now());
        assertThat(first).filteredOn(r -> r.itemId().equals(Long.toString(caseId)))
                .extracting(r -> r.target() + " " + r.kind())
                .containsExactlyInAnyOrder("ACKNOWLEDGE WARNING", "CONTAIN BREACH");
        assertThat(monitor.check(Instant.now())).noneMatch(r -> r.itemId().equals(Long.toString(caseId)));

        assertThat(TenantScope.call(critical, () -> breaches.forCase(caseId))).hasSize(2);
        assertThat(TenantScope.call(standard, () -> breaches.forCase(caseId))).isEmpty();
        assertThat(TenantScope.call(TenantScope.ALL_TENANTS, () -> audit.latest()))
                .anyMatch(e -> e.getAction().equals("sla.breach") && e.getDetail().startsWith("case " + caseId + " CONTAIN"));
    }

    @Test
    void alertsGetAnAcknowledgementDeadlineFromTheirTenantsTier() {
        String fast = alert(critical, Severity.CRITICAL, List.of("T1003"), Map.of());
        String slow = alert(standard, Severity.CRITICAL, List.of("T1003"), Map.of());
        Map<String, Duration> spans = TenantScope.call(TenantScope.ALL_TENANTS, () -> Map.of(
                fast, span(fast), slow, span(slow)));
        // counted from arrival (the deadline is computed a moment before the row's received_at is set)
        assertThat(spans.get(fast)).isBetween(Duration.ofMinutes(15).minusSeconds(5), Duration.ofMinutes(15));
        // business hours: at least the one hour target, more outside office hours
        assertThat(spans.get(slow)).isGreaterThanOrEqualTo(Duration.ofHours(1).minusSeconds(5));
    }

    @Test
    void playbookTasksAndSightingsWithoutNames() {
        String shared = "203.0.113." + (1 + (int) (Math.random() * 250));
        String theirs = alert(standard, Severity.HIGH, List.of("T1110"), Map.of("source.ip", shared));
        String mine = alert(critical, Severity.HIGH, List.of("T1110"), Map.of("source.ip", shared, "user.name", "Operator1"));
        assertThat(theirs).isNotNull();
        CaseFile file = TenantScope.call(TenantScope.ALL_TENANTS,
                () -> cases.createFromAlerts(analyst, List.of(mine), null));
        CaseActor tenantAnalyst = CaseActor.tenant("t-analyst", critical);

        // the playbook: account compromise (T1110), tasks in order; a tenant analyst ticks one
        TenantScope.run(critical, () -> {
            assertThat(playbooks.typeOf(tenantAnalyst, file.caseId())).isEqualTo(CaseType.ACCOUNT_COMPROMISE);
            List<CaseTask> tasks = playbooks.tasks(tenantAnalyst, file.caseId());
            assertThat(tasks).hasSizeGreaterThan(3);
            CaseTask done = playbooks.setDone(tenantAnalyst, file.caseId(), tasks.get(0).taskId(), true);
            assertThat(done.doneBy()).isEqualTo("t-analyst");
            assertThat(done.doneAt()).isNotNull();
        });

        // observables from the alert, and the other tenant's sighting as a count only
        List<CaseObservable> seen = TenantScope.call(critical, () -> observables.list(tenantAnalyst, file.caseId()));
        assertThat(seen).extracting(o -> o.kind() + " " + o.value())
                .contains("IP " + shared, "USER operator1");
        CaseObservable ip = seen.stream().filter(o -> o.kind() == ObservableKind.IP).findFirst().orElseThrow();
        assertThat(ip.otherTenants()).isEqualTo(1);
        assertThat(seen.stream().filter(o -> o.kind() == ObservableKind.USER).findFirst().orElseThrow().otherTenants())
                .isZero();
        // and the scope of the tenant is unchanged afterwards (the count ran in its own transaction)
        assertThat(TenantScope.call(critical, () -> jdbc.sql("select count(*) from alert where tenant_id = :t")
                .param("t", standard).query(Integer.class).single())).isZero();

        // the other tenant's user cannot reach the case's tasks at all
        CaseActor intruder = CaseActor.tenant("intruder", standard);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TenantScope.run(standard,
                        () -> playbooks.tasks(intruder, file.caseId())))
                .isInstanceOf(soc.cases.cases.CaseNotFoundException.class);
    }

    private Duration span(String alertId) {
        return jdbc.sql("select received_at, ack_due_at from alert where alert_id = :id").param("id", alertId)
                .query((rs, n) -> Duration.between(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
                .single();
    }

    private long handMadeCase(String tenant, Severity severity) {
        return TenantScope.call(TenantScope.ALL_TENANTS, () -> cases.create(analyst, tenant, "Case", severity)).caseId();
    }

    private void stamp(long caseId, Instant start, Instant acknowledged, Instant contained, Instant resolved,
                       Instant ackDue, Instant containDue) {
        TenantScope.run(TenantScope.ALL_TENANTS, () -> jdbc.sql("""
                        update case_file set sla_start_at = :start, acknowledged_at = :ack, contained_at = :contained,
                               resolved_at = :resolved, ack_due_at = :ackDue, contain_due_at = :containDue
                        where case_id = :id
                        """)
                .param("start", ts(start)).param("ack", ts(acknowledged)).param("contained", ts(contained))
                .param("resolved", ts(resolved)).param("ackDue", ts(ackDue)).param("containDue", ts(containDue))
                .param("id", caseId).update());
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant london(String local) {
        return LocalDateTime.parse(local).atZone(LONDON).toInstant();
    }

    private String alert(String tenant, Severity severity, List<String> techniques, Map<String, String> keyFields) {
        String id = "a-" + UUID.randomUUID();
        Instant now = Instant.now();
        Alert alert = new Alert(id, tenant, "test-rule", "Test rule", "Test author", severity, techniques,
                List.of("e-" + UUID.randomUUID()), keyFields, "fp-" + UUID.randomUUID(), now, now);
        TenantScope.run(TenantScope.ALL_TENANTS, () -> alerts.insert(alert));
        return id;
    }
}
