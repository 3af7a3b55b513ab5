package soc.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import soc.tenants.users.Role;

/**
 * The onboarding journey in a real browser: an onboarding officer registers a council, adds a source and
 * issues its token; an event sent with that token marks the source connected and ticks the checklist; the
 * council's tenant admin signs in and sees only their own organisation.
 */
class OnboardingJourneyBrowserEndToEndTest extends BrowserEndToEndTest {

    @Test
    void officerBringsACouncilLiveAndItsAdminSeesOnlyTheirOrganisation() throws Exception {
        String officer = "officer-" + UUID.randomUUID().toString().substring(0, 6);
        platform.newUser(officer, Role.ONBOARDING_OFFICER, null);
        String otherTenant = RunningPlatform.uniqueTenant("other");
        platform.newTenantWithToken(otherTenant, "auto");
        String council = RunningPlatform.uniqueTenant("council");

        signIn(officer, RunningPlatform.PASSWORD);
        browser.findElement(By.linkText("Tenants")).click();
        assertThat(browser.findElement(By.tagName("body")).getText()).contains(otherTenant);
        Browser.screenshot(browser, "onboarding-dashboard");
        browser.findElement(By.id("register-tenant")).click();
        browser.findElement(By.id("id")).sendKeys(council);
        browser.findElement(By.id("name")).sendKeys("Cyngor Sir Example County Council");
        new Select(browser.findElement(By.id("kind"))).selectByValue("COUNTY_COUNCIL");
        browser.findElement(By.id("region")).sendKeys("Wales");
        browser.findElement(By.id("securityLead")).sendKeys("Rhian Jones");
        browser.findElement(By.id("escalationPhone")).sendKeys("+44 29 2000 0000");
        browser.findElement(By.id("register")).click();

        waitFor(ExpectedConditions.urlContains("/tenants/" + council));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Cyngor Sir Example County Council");
        assertThat(browser.findElement(By.id("stage")).getText()).isEqualTo("Discover");
        assertThat(item("TOKEN_ISSUED").getAttribute("data-done")).isEqualTo("false");

        browser.findElement(By.id("source-name")).sendKeys("Perimeter firewall");
        new Select(browser.findElement(By.id("source-type"))).selectByValue("FIREWALL");
        browser.findElement(By.id("add-source")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-source='Perimeter firewall']"),
                "Waiting for first event"));

        browser.findElement(By.cssSelector("tr[data-source='Perimeter firewall'] button.issue-token")).click();
        String token = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("issued-token"))).getText();
        assertThat(token).startsWith("soc_ing_");
        assertThat(item("TOKEN_ISSUED").getAttribute("data-done")).isEqualTo("true");

        assertThat(Http.ingest(platform.ingestUrl(), token, "text/plain",
                "<13>1 - fw01 filterlog - - - action=allow src=10.0.0.1 dst=10.0.0.2").statusCode()).isEqualTo(202);
        new WebDriverWait(browser, Await.DEFAULT).until(driver -> {
            driver.navigate().refresh();
            return driver.findElement(By.cssSelector("tr[data-source='Perimeter firewall']")).getText().contains("Connected");
        });
        assertThat(item("FIRST_EVENT").getAttribute("data-done")).isEqualTo("true");
        Browser.screenshot(browser, "onboarding-tenant-connected");

        // discovery and roadmap: the connected firewall is done by itself; the answers add what they reveal
        browser.findElement(By.id("discovery-link")).click();
        assertThat(roadmapItem("SOURCE_FIREWALL").getAttribute("data-status")).isEqualTo("DONE");
        assertThat(roadmapItem("SOURCE_EDR").getAttribute("data-status")).isEqualTo("OPEN");
        new Select(browser.findElement(By.id("mfa"))).selectByValue("NONE");
        browser.findElement(By.id("save-discovery")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-code='MFA_BASELINE']")));
        Browser.screenshot(browser, "discovery-roadmap");
        browser.findElement(By.linkText("Back to Cyngor Sir Example County Council")).click();
        assertThat(item("DISCOVERY_DONE").getAttribute("data-done")).isEqualTo("true");

        browser.findElement(By.id("user-name")).sendKeys(council + "-admin");
        browser.findElement(By.id("user-display")).sendKeys("Council admin");
        new Select(browser.findElement(By.id("user-role"))).selectByValue("TENANT_ADMIN");
        browser.findElement(By.id("add-user")).click();
        String password = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("created-password"))).getText();
        browser.findElement(By.xpath("//button[text()='Sign out']")).click();

        signIn(council + "-admin", password);
        browser.findElement(By.linkText("My organisation")).click();
        waitFor(ExpectedConditions.urlContains("/tenants/" + council));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Cyngor Sir Example County Council");
        assertThat(browser.getPageSource()).contains("Perimeter firewall").doesNotContain(otherTenant);
        Browser.screenshot(browser, "tenant-admin-my-organisation");
        assertThat(browser.findElements(By.cssSelector("button.issue-token"))).as("read-only for tenant admins").isEmpty();
        assertThat(browser.findElements(By.linkText("Tenants"))).isEmpty();

        browser.get(platform.webUrl() + "/tenants/" + otherTenant);
        assertThat(browser.getPageSource()).doesNotContain(otherTenant + "</");
        assertThat(browser.getTitle()).doesNotContain(otherTenant);
        browser.get(platform.webUrl() + "/tenants");
        assertThat(browser.getPageSource()).doesNotContain(otherTenant);
    }

    private WebElement item(String code) {
        return browser.findElement(By.cssSelector("li[data-code='" + code + "']"));
    }

    private WebElement roadmapItem(String code) {
        return browser.findElement(By.cssSelector("tr[data-code='" + code + "']"));
    }


}
