package soc.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import soc.cases.alerts.AlertQueue;
import soc.cases.alerts.AlertTriage;
import soc.cases.cases.CaseActor;
import soc.cases.cases.CaseStatus;
import soc.cases.cases.Cases;
import soc.cases.cases.RootCause;
import soc.tenants.assets.AssetService;
import soc.tenants.assets.AssetSpec;
import soc.tenants.scope.TenantScope;
import soc.tenants.users.Role;

/**
 * The tenant admin's posture dashboard with real figures: an event sent through the ingest API raises an alert,
 * the SOC acknowledges it and works it as a case closed as a phishing click; an asset sends telemetry and another
 * does not. The tenant admin sees exactly these figures, answers the maturity self-assessment, and sees nothing of
 * a busier tenant registered next to it.
 */
class PostureBrowserEndToEndTest extends BrowserEndToEndTest {

    @Test
    void tenantAdminSeesTheirOwnPostureWithRealFigures() throws Exception {
        String tenant = RunningPlatform.uniqueTenant("posture");
        String token = platform.newTenantWithToken(tenant, "auto");
        String rival = RunningPlatform.uniqueTenant("rival");
        String rivalToken = platform.newTenantWithToken(rival, "auto");
        String admin = "posture-admin-" + UUID.randomUUID().toString().substring(0, 6);
        platform.newUser(admin, Role.TENANT_ADMIN, tenant);
        // assets first: ingest picks up inventory changes within 30 s
        TenantScope.run(TenantScope.ALL_TENANTS, () -> {
            AssetService assets = platform.webBean(AssetService.class);
            assets.create("test", tenant, AssetSpec.parse("posture-ws", "10.77.0.5", "WORKSTATION", "HIGH", null, "IT", null));
            assets.create("test", tenant, AssetSpec.parse("posture-plc", "10.77.9.9", "PLC", "CRITICAL", "1", "OT-cell-1", null));
        });

        // the rival tenant is busier: three alerts from three hosts
        for (int i = 0; i < 3; i++) {
            Http.ingest(platform.ingestUrl(), rivalToken, "text/plain", "<13>1 - rival-pc" + i + " cmd - - - mimikatz rival" + i);
        }
        String marker = "m" + UUID.randomUUID().toString().replace("-", "");
        Http.ingest(platform.ingestUrl(), token, "text/plain",
                "<13>1 - ws042.council.example cmd - - - mimikatz sekurlsa::logonpasswords " + marker);
        String alertId = Await.until(() -> TenantScope.call(tenant, () -> platform.webBean(AlertQueue.class).firstPage(tenant)),
                rows -> !rows.isEmpty(), "the tenant's alert").get(0).alertId();
        TenantScope.run(TenantScope.ALL_TENANTS, () -> {
            platform.webBean(AlertTriage.class).acknowledge("soc-analyst", List.of(alertId));
            Cases cases = platform.webBean(Cases.class);
            long caseId = cases.createFromAlerts(CaseActor.provider("soc-analyst"), List.of(alertId), "Credential dumping").caseId();
            cases.changeStatus(CaseActor.provider("soc-analyst"), caseId, CaseStatus.CLOSED, "Password reset",
                    RootCause.PHISHING_CLICK);
        });
        // telemetry from the workstation (not from the PLC), re-sent until the inventory has reached ingest
        Await.until(() -> {
            Http.ingest(platform.ingestUrl(), token, "application/x-ndjson", "{\"src_ip\":\"10.77.0.5\",\"msg\":\"dns query\"}");
            Thread.sleep(1500);
            return Http.count(platform.infra.springProperties().get("soc.opensearch.url").toString(),
                    "soc-events." + tenant + ".*", "source.asset.name:\"posture-ws\"");
        }, count -> count > 0, "an event enriched with the workstation asset");

        signIn(admin, RunningPlatform.PASSWORD);
        browser.findElement(By.linkText("Posture")).sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("posture-score")));

        assertThat(browser.findElement(By.id("posture-title")).getText()).contains("Tenant " + tenant);
        assertThat(browser.findElement(By.id("score-total")).getText()).matches("\\d{1,3}");
        assertThat(browser.findElement(By.id("sources-planned")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("sources-connected")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.cssSelector("#asset-telemetry tr[data-kind=IT]")).getText())
                .contains("IT assets (1)").endsWith("1 0");
        assertThat(browser.findElement(By.cssSelector("#asset-telemetry tr[data-kind=OT]")).getText())
                .contains("OT assets (1)").endsWith("0 1");
        assertThat(browser.findElement(By.id("assets-without-telemetry")).getText()).contains("posture-plc")
                .doesNotContain("posture-ws");
        assertThat(browser.findElement(By.id("alerts-total")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("top-rules")).getText()).contains("Credential dumping tool mentioned");
        assertThat(browser.findElement(By.id("open-cases")).getText()).isEqualTo("0");
        assertThat(browser.findElement(By.id("human-error")).getText()).isEqualTo("100 %");
        assertThat(browser.findElement(By.id("root-causes")).getText()).contains("Phishing");
        assertThat(browser.findElements(By.cssSelector("#response-times tr.mtta"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#response-times tr.mttr"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#response-times tr.mttr")).getText()).contains("MTTR");
        assertThat(browser.findElement(By.id("attack-map")).getText()).contains("Credential Access").contains("T1003");
        assertThat(browser.findElement(By.id("onboarding-progress")).getText()).contains("steps done");
        // Chart.js from the WebJar drew the charts next to their tables
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#detection canvas")));
        assertThat(browser.findElements(By.cssSelector("#incidents canvas"))).isNotEmpty();

        // nothing of the rival tenant: not its id, not its name, not its alert count
        String page = browser.getPageSource();
        assertThat(page).doesNotContain(rival).doesNotContain("rival-pc");

        // the maturity self-assessment, by keyboard
        new Select(browser.findElement(By.id("q-DE.CM-01"))).selectByValue("3");
        new Select(browser.findElement(By.id("q-ID.AM-01"))).selectByValue("1");
        browser.findElement(By.id("submit-assessment")).sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("maturity-percent")));
        // Identify 1, Detect 3 -> mean 2 of 4
        assertThat(browser.findElement(By.id("maturity-percent")).getText()).isEqualTo("50 %");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("2 answers");
        assertThat(browser.findElement(By.cssSelector("#score-breakdown tr[data-part=MATURITY]")).getText()).endsWith("50");
        Browser.screenshot(browser, "posture-dashboard");
    }
}
