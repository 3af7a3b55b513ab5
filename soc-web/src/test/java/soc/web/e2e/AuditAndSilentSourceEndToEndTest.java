package soc.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import soc.cases.alerts.AlertQueue;
import soc.cases.alerts.AlertRow;
import soc.cases.sources.SilentSourceMonitor;
import soc.tenants.scope.TenantScope;
import soc.tenants.users.Role;

class AuditAndSilentSourceEndToEndTest {
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void tenantAdminsReadTheirOwnAuditTrailOnlyAndAnalystsAreRefused() throws Exception {
        String mine = RunningPlatform.uniqueTenant("audit");
        String other = RunningPlatform.uniqueTenant("audit-other");
        platform.newTenantWithToken(mine, "auto");
        platform.newTenantWithToken(other, "auto");
        String admin = "tadmin-" + UUID.randomUUID().toString().substring(0, 6);
        platform.newUser(admin, Role.TENANT_ADMIN, mine);
        String analyst = "analyst-" + UUID.randomUUID().toString().substring(0, 6);
        platform.newUser(analyst, Role.SOC_ANALYST, null);

        String page = WebSession.signIn(platform.webUrl(), admin, RunningPlatform.PASSWORD).get("/audit").body();
        assertThat(page).contains("tenant.registered").contains("ingest-token.issued").contains(mine)
                .contains("login.success").doesNotContain(other);

        assertThat(WebSession.signIn(platform.webUrl(), analyst, RunningPlatform.PASSWORD).get("/audit").statusCode())
                .isEqualTo(403);
    }

    @Test
    void aSourceThatFallsSilentRaisesOneAlertForAnalysts() throws Exception {
        String tenant = RunningPlatform.uniqueTenant("silent");
        String token = platform.newTenantWithToken(tenant, "auto");
        Http.ingest(platform.ingestUrl(), token, "text/plain", "<13>1 - fw01 app - - - hello");
        JdbcClient jdbc = platform.webBean(JdbcClient.class);
        Await.until(() -> TenantScope.call(tenant, () -> jdbc.sql("select count(*) from source where last_event_at is not null")
                .query(Long.class).single()), n -> n == 1, "source connected");
        // the source's last event was two hours ago, past its 60-minute threshold
        TenantScope.run(tenant, () -> jdbc.sql("update source set last_event_at = now() - interval '2 hours'").update());

        SilentSourceMonitor monitor = platform.webBean(SilentSourceMonitor.class);
        monitor.check();
        monitor.check();

        List<AlertRow> alerts = Await.until(() -> TenantScope.call(tenant,
                () -> platform.webBean(AlertQueue.class).firstPage(tenant)), rows -> !rows.isEmpty(), "silent source alert");
        Thread.sleep(1000);
        alerts = TenantScope.call(tenant, () -> platform.webBean(AlertQueue.class).firstPage(tenant));
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.ruleId()).isEqualTo(SilentSourceMonitor.RULE_ID);
            assertThat(alert.ruleTitle()).isEqualTo("Silent data source");
            assertThat(alert.keyFieldsJson()).contains("\"source.name\"");
        });
    }
}
