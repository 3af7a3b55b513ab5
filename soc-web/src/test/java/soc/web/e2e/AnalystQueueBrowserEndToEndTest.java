package soc.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import soc.tenants.users.Role;

/** In a real browser: an analyst signs in and sees a freshly detected alert arrive live in the queue. */
class AnalystQueueBrowserEndToEndTest extends BrowserEndToEndTest {

    @Test
    void analystSignsInAndSeesTheAlertArriveLive() throws Exception {
        String tenant = RunningPlatform.uniqueTenant("browser");
        String token = platform.newTenantWithToken(tenant, "auto");
        String analyst = "analyst-" + UUID.randomUUID().toString().substring(0, 6);
        platform.newUser(analyst, Role.SOC_ANALYST, null);

        signIn(analyst, RunningPlatform.PASSWORD);
        assertThat(browser.getCurrentUrl()).contains("/alerts");
        assertThat(browser.getTitle()).startsWith("Alert queue");

        String marker = "m" + UUID.randomUUID().toString().replace("-", "");
        Http.ingest(platform.ingestUrl(), token, "text/plain",
                "<13>1 - dc01.council.example app - - - mimikatz " + marker);

        // no reload: the queue refreshes itself
        new WebDriverWait(browser, Await.DEFAULT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("alert-rows"), marker));
        Browser.screenshot(browser, "analyst-alert-queue");
        String row = browser.findElement(By.xpath("//tr[contains(., '" + marker + "')]")).getText();
        assertThat(row).contains(tenant).contains("Credential dumping tool mentioned").contains("SOC platform team")
                .contains("High").contains("T1003");
    }

    @Test
    void tenantAdminSeesOnlyTheirOwnTenantsAlerts() throws Exception {
        String mine = RunningPlatform.uniqueTenant("own");
        String other = RunningPlatform.uniqueTenant("other");
        String myToken = platform.newTenantWithToken(mine, "auto");
        String otherToken = platform.newTenantWithToken(other, "auto");
        String admin = "admin-" + UUID.randomUUID().toString().substring(0, 6);
        platform.newUser(admin, Role.TENANT_ADMIN, mine);
        String myMarker = "m" + UUID.randomUUID().toString().replace("-", "");
        String otherMarker = "m" + UUID.randomUUID().toString().replace("-", "");
        Http.ingest(platform.ingestUrl(), otherToken, "text/plain", "<13>1 - h app - - - mimikatz " + otherMarker);
        Http.ingest(platform.ingestUrl(), myToken, "text/plain", "<13>1 - h app - - - mimikatz " + myMarker);

        signIn(admin, RunningPlatform.PASSWORD);
        assertThat(browser.getCurrentUrl()).as("a tenant admin lands on their posture report").endsWith("/posture");
        browser.findElement(By.linkText("Alert queue")).sendKeys(Keys.ENTER);
        new WebDriverWait(browser, Await.DEFAULT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("alert-rows"), myMarker));
        // asking for the other tenant explicitly changes nothing
        browser.get(platform.webUrl() + "/alerts?tenant=" + other);
        new WebDriverWait(browser, Await.DEFAULT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("alert-rows"), myMarker));
        assertThat(browser.getPageSource()).doesNotContain(otherMarker).doesNotContain(other);
        assertThat(browser.findElements(By.id("tenant"))).as("no tenant filter for tenant users").isEmpty();
    }

    @Test
    void wrongPasswordIsRefusedWithAMessage() {
        browser.get(platform.webUrl() + "/alerts");
        browser.findElement(By.id("username")).sendKeys("nobody");
        browser.findElement(By.id("password")).sendKeys("wrong-password-123", Keys.ENTER);
        waitFor(ExpectedConditions.urlContains("error"));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("Wrong username or password");
    }

}
