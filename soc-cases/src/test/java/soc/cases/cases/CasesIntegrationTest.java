package soc.cases.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
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
import soc.cases.alerts.AlertCloseReason;
import soc.cases.alerts.AlertStatus;
import soc.cases.alerts.AlertStore;
import soc.cases.alerts.AlertTriage;
import soc.events.Alert;
import soc.events.Severity;
import soc.tenants.audit.AuditEntry;
import soc.tenants.audit.AuditLog;
import soc.tenants.scope.TenantScope;
import soc.tenants.tenants.TenantKind;
import soc.tenants.tenants.TenantService;

/**
 * The case workflow and alert triage on the real PostgreSQL, as the runtime role under row-level security:
 * workflow rules, one tenant per case, the audit trail, and tenant scopes that see and change only their own cases.
 */
@SpringBootTest
class CasesIntegrationTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        RealPostgres.register(registry);
    }

    @Autowired
    Cases cases;
    @Autowired
    AlertTriage triage;
    @Autowired
    AlertStore alerts;
    @Autowired
    TenantService tenants;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    private final CaseActor analyst = CaseActor.provider("analyst");
    private String alpha;
    private String beta;

    @BeforeEach
    void twoTenants() {
        alpha = "alpha-" + UUID.randomUUID().toString().substring(0, 8);
        beta = "beta-" + UUID.randomUUID().toString().substring(0, 8);
        TenantScope.run(TenantScope.ALL_TENANTS, () -> {
            tenants.register("test", alpha, "Tenant " + alpha, TenantKind.COUNTY_COUNCIL, "Wales");
            tenants.register("test", beta, "Tenant " + beta, TenantKind.MANUFACTURER, "Wales");
        });
    }

    @Test
    void aCaseFromAlertsTakesTheirHighestSeverityAndPutsThemInTheCase() {
        String first = alert(alpha, Severity.MEDIUM, "fp-1");
        String second = alert(alpha, Severity.HIGH, "fp-2");
        CaseFile file = asProvider(() -> cases.createFromAlerts(analyst, List.of(first, second), null));

        assertThat(file.tenantId()).isEqualTo(alpha);
        assertThat(file.severity()).isEqualTo(Severity.HIGH);
        assertThat(file.status()).isEqualTo(CaseStatus.NEW);
        assertThat(file.alertCount()).isEqualTo(2);
        assertThat(file.title()).startsWith("Test rule").endsWith("(+1)");
        asProvider(() -> {
            assertThat(alerts.findAll(List.of(first, second))).allSatisfy(a ->
                    assertThat(a.status()).isEqualTo(AlertStatus.IN_CASE));
            CaseView view = cases.view(analyst, file.caseId());
            assertThat(view.alerts()).hasSize(2);
            assertThat(view.timeline()).extracting(TimelineItem::kind)
                    .contains(EntryKind.ALERT_ADDED, EntryKind.ALERT_EVENT, EntryKind.ALERT_DETECTED);
            assertThat(audit.latest()).anySatisfy(e -> {
                assertThat(e.getAction()).isEqualTo("case.created");
                assertThat(e.getTenantId()).isEqualTo(alpha);
            });
            return null;
        });
        // an alert belongs to one case only
        assertThatThrownBy(() -> asProvider(() -> cases.createFromAlerts(analyst, List.of(first), null)))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("already in a case");
    }

    @Test
    void aCaseNeverMixesTenants() {
        String mine = alert(alpha, Severity.HIGH, "fp");
        String theirs = alert(beta, Severity.HIGH, "fp");
        assertThatThrownBy(() -> asProvider(() -> cases.createFromAlerts(analyst, List.of(mine, theirs), null)))
                .isInstanceOfSatisfying(CaseRuleException.class, e ->
                        assertThat(e.getCode()).isEqualTo("case.error.mixedTenants"))
                .hasMessageContaining(alpha).hasMessageContaining(beta).hasMessageContaining("one tenant");
        asProvider(() -> {
            assertThat(alerts.findAll(List.of(mine, theirs))).allSatisfy(a ->
                    assertThat(a.status()).isEqualTo(AlertStatus.NEW));
            return null;
        });
    }

    @Test
    void theWorkflowMovesForwardAndClosingNeedsAResolutionAndARootCause() {
        CaseFile file = asProvider(() -> cases.create(analyst, alpha, "Suspicious sign-ins", Severity.MEDIUM));
        long id = file.caseId();
        asProvider(() -> cases.changeStatus(analyst, id, CaseStatus.IN_PROGRESS, null, null));
        assertThatThrownBy(() -> asProvider(() -> cases.changeStatus(analyst, id, CaseStatus.NEW, null, null)))
                .isInstanceOfSatisfying(CaseRuleException.class, e ->
                        assertThat(e.getCode()).isEqualTo("case.error.transition"));
        assertThatThrownBy(() -> asProvider(() -> cases.changeStatus(analyst, id, CaseStatus.CLOSED, "  ", RootCause.MALWARE)))
                .isInstanceOfSatisfying(CaseRuleException.class, e ->
                        assertThat(e.getCode()).isEqualTo("case.error.closeNeedsResolution"));
        assertThatThrownBy(() -> asProvider(() -> cases.changeStatus(analyst, id, CaseStatus.CLOSED, "Reset passwords", null)))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("root cause");
        asProvider(() -> cases.changeStatus(analyst, id, CaseStatus.CONTAINED, null, null));

        CaseFile closed = asProvider(() -> cases.changeStatus(analyst, id, CaseStatus.CLOSED, "Reset passwords",
                RootCause.WEAK_CREDENTIALS));
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.closedAt()).isNotNull();
        assertThat(closed.resolution()).isEqualTo("Reset passwords");
        assertThat(closed.rootCause()).isEqualTo(RootCause.WEAK_CREDENTIALS);
        assertThatThrownBy(() -> asProvider(() -> cases.changeStatus(analyst, id, CaseStatus.RESOLVED, null, null)))
                .isInstanceOf(CaseRuleException.class);
        List<TimelineItem> statuses = asProvider(() -> cases.view(analyst, id)).timeline().stream()
                .filter(t -> t.kind() == EntryKind.STATUS).toList();
        assertThat(statuses).extracting(TimelineItem::text).containsExactly("NEW", "IN_PROGRESS", "CONTAINED", "CLOSED");
    }

    @Test
    void theDatabaseItselfRefusesAClosedCaseWithoutRootCause() {
        CaseFile file = asProvider(() -> cases.create(analyst, alpha, "Direct write", Severity.LOW));
        assertThatThrownBy(() -> TenantScope.run(TenantScope.ALL_TENANTS, () -> jdbc.sql(
                "update case_file set status = 'CLOSED', closed_at = now() where case_id = :id")
                .param("id", file.caseId()).update()))
                .hasMessageContaining("closed_case_is_explained");
    }

    @Test
    void commentsAreStoredAsPlainTextAndAssignmentRecordsTheSide() {
        CaseFile file = asProvider(() -> cases.create(analyst, alpha, "Phishing report", Severity.LOW));
        String text = "<script>alert(1)</script>\nsecond line";
        asProvider(() -> {
            cases.comment(analyst, file.caseId(), text);
            return null;
        });
        CaseFile assigned = TenantScope.call(alpha, () -> cases.assign(CaseActor.tenant("alpha-it", alpha),
                file.caseId(), "alpha-it"));
        assertThat(assigned.assignee()).isEqualTo("alpha-it");
        assertThat(assigned.assigneeSide()).isEqualTo(AssigneeSide.TENANT);
        CaseView view = asProvider(() -> cases.view(analyst, file.caseId()));
        assertThat(view.timeline()).anySatisfy(t -> {
            assertThat(t.kind()).isEqualTo(EntryKind.COMMENT);
            assertThat(t.text()).isEqualTo(text);
            assertThat(t.actor()).isEqualTo("analyst");
        });
        assertThatThrownBy(() -> asProvider(() -> {
            cases.comment(analyst, file.caseId(), "   ");
            return null;
        })).isInstanceOf(CaseRuleException.class);
    }

    @Test
    void aTenantScopeSeesAndChangesOnlyItsOwnCases() {
        CaseFile alphaCase = asProvider(() -> cases.create(analyst, alpha, "Alpha case", Severity.HIGH));
        CaseFile betaCase = asProvider(() -> cases.create(analyst, beta, "Beta case", Severity.HIGH));
        CaseActor alphaUser = CaseActor.tenant("alpha-admin", alpha);

        TenantScope.run(alpha, () -> {
            assertThat(cases.list(alphaUser, beta, false)).extracting(CaseFile::tenantId).containsOnly(alpha);
            assertThat(cases.list(alphaUser, null, false)).extracting(CaseFile::caseId).contains(alphaCase.caseId())
                    .doesNotContain(betaCase.caseId());
            assertThatThrownBy(() -> cases.view(alphaUser, betaCase.caseId())).isInstanceOf(CaseNotFoundException.class);
            assertThatThrownBy(() -> cases.comment(alphaUser, betaCase.caseId(), "hi"))
                    .isInstanceOf(CaseNotFoundException.class);
            // even a provider actor cannot reach another tenant's rows from a tenant-scoped session
            assertThatThrownBy(() -> cases.view(analyst, betaCase.caseId())).isInstanceOf(CaseNotFoundException.class);
            assertThat(jdbc.sql("select count(*) from case_entry where tenant_id = :t").param("t", beta)
                    .query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from case_file").query(Long.class).single()).isPositive();
            cases.comment(alphaUser, alphaCase.caseId(), "Our IT team is on it");
        });
        // a tenant session cannot write rows into another tenant
        assertThatThrownBy(() -> TenantScope.run(alpha, () -> jdbc.sql(
                "insert into case_entry (case_id, tenant_id, actor, kind, text) values (:c, :t, 'x', 'COMMENT', 'x')")
                .param("c", betaCase.caseId()).param("t", beta).update()))
                .rootCause().hasMessageContaining("row-level security");
        // no scope, no rows
        assertThat(jdbc.sql("select count(*) from case_file").query(Long.class).single()).isZero();
        List<AuditEntry> alphaAudit = TenantScope.call(alpha, () -> audit.latest());
        assertThat(alphaAudit).anySatisfy(e -> assertThat(e.getAction()).isEqualTo("case.commented"))
                .allSatisfy(e -> assertThat(e.getTenantId()).isEqualTo(alpha));
    }

    @Test
    void triageAcknowledgesAssignsAndClosesWithAReasonAndIsAudited() {
        String a = alert(alpha, Severity.LOW, "fp-x");
        String b = alert(alpha, Severity.LOW, "fp-x");
        String other = alert(beta, Severity.LOW, "fp-x");
        asProvider(() -> {
            assertThat(triage.acknowledge("analyst", List.of(a)).changed()).containsExactly(a);
            assertThat(triage.acknowledge("analyst", List.of(a)).skipped()).containsExactly(a);
            assertThat(triage.assign("analyst", List.of(a), "analyst").changed()).containsExactly(a);
            assertThat(triage.close("analyst", List.of(a, b), AlertCloseReason.FALSE_POSITIVE).changed())
                    .containsExactlyInAnyOrder(a, b);
            assertThat(triage.find(a).orElseThrow().closeReason()).isEqualTo(AlertCloseReason.FALSE_POSITIVE);
            assertThat(triage.find(a).orElseThrow().assignee()).isEqualTo("analyst");
            assertThat(triage.earlierRepeats(triage.find(b).orElseThrow())).extracting(r -> r.alertId()).contains(a)
                    .doesNotContain(other);
            assertThat(audit.latest()).filteredOn(e -> e.getAction().startsWith("alert."))
                    .extracting(AuditEntry::getAction).contains("alert.acknowledged", "alert.assigned", "alert.closed");
            return null;
        });
        // a tenant scope cannot triage another tenant's alert
        TenantScope.run(alpha, () -> assertThat(triage.acknowledge("alpha-admin", List.of(other)).changed()).isEmpty());
        asProvider(() -> {
            assertThat(triage.find(other).orElseThrow().status()).isEqualTo(AlertStatus.NEW);
            return null;
        });
    }

    private static <T> T asProvider(java.util.function.Supplier<T> work) {
        return TenantScope.call(TenantScope.ALL_TENANTS, work);
    }

    private String alert(String tenant, Severity severity, String fingerprint) {
        String id = "a-" + UUID.randomUUID();
        Instant now = Instant.now();
        Alert alert = new Alert(id, tenant, "test-rule", "Test rule", "Test author", severity, List.of("T1003"),
                List.of("e-" + UUID.randomUUID()), Map.of("host.name", "ws01"), fingerprint, now, now);
        TenantScope.run(TenantScope.ALL_TENANTS, () -> alerts.insert(alert));
        return id;
    }
}
