package soc.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import soc.tenants.users.Role;

/**
 * The asset inventory in a real browser: an onboarding officer imports a CSV with one bad line and sees the imported
 * assets and the refused line with its number; the tenant's own admin adds an asset with the keyboard; a tenant
 * analyst sees the list without any way to change it.
 */
class AssetInventoryBrowserEndToEndTest extends BrowserEndToEndTest {
    @TempDir
    Path files;

    @Test
    void officerImportsACsvAndSeesTheAssetsAndTheRefusedLine() throws Exception {
        String officer = "officer-" + UUID.randomUUID().toString().substring(0, 6);
        platform.newUser(officer, Role.ONBOARDING_OFFICER, null);
        String tenant = RunningPlatform.uniqueTenant("factory");
        platform.newTenantWithToken(tenant, "auto");
        Path csv = files.resolve("assets.csv");
        Files.writeString(csv, """
                name,addresses,type,criticality,purdue_level,zone,owner
                PLC-01,10.20.1.10,PLC,CRITICAL,1,OT-cell-1,Plant engineering
                PLC-02,10.20.1.11,PCL,CRITICAL,1,OT-cell-1,Plant engineering
                "Historian, site A",10.20.3.5;10.20.3.6,HISTORIAN,HIGH,3,OT-site,OT team
                DC01,10.0.0.10,SERVER,HIGH,,IT,IT operations
                """, StandardCharsets.UTF_8);

        signIn(officer, RunningPlatform.PASSWORD);
        browser.get(platform.webUrl() + "/tenants/" + tenant + "#assets");
        assertThat(browser.findElement(By.id("no-assets")).getText()).startsWith("No assets yet");
        browser.findElement(By.id("asset-csv")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.id("import-assets")).click();

        String summary = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("import-summary"))).getText();
        assertThat(summary).isEqualTo("3 assets imported from assets.csv.");
        assertThat(browser.findElements(By.cssSelector("#import-errors li"))).singleElement()
                .satisfies(line -> {
                    assertThat(line.getAttribute("data-line")).isEqualTo("3");
                    assertThat(line.getText()).isEqualTo("Line 3: unknown type 'PCL' — did you mean PLC?");
                });
        assertThat(row("PLC-01")).contains("PLC", "10.20.1.10", "Critical", "Level 1", "OT-cell-1", "Plant engineering");
        assertThat(row("Historian, site A")).contains("Historian", "10.20.3.5, 10.20.3.6", "High", "Level 3", "OT-site");
        assertThat(row("DC01")).contains("Server", "10.0.0.10", "Not applicable", "IT");
        assertThat(browser.findElements(By.cssSelector("tr[data-asset='PLC-02']"))).isEmpty();
        Browser.screenshot(browser, "assets-imported");

        // the tenant's own admin may maintain the inventory: the add form, with the keyboard only
        String admin = tenant + "-admin";
        platform.newUser(admin, Role.TENANT_ADMIN, tenant);
        browser.findElement(By.xpath("//button[text()='Sign out']")).click();
        signIn(admin, RunningPlatform.PASSWORD);
        browser.findElement(By.linkText("My organisation")).click();
        waitFor(ExpectedConditions.urlContains("/tenants/" + tenant));
        browser.findElement(By.id("asset-name")).sendKeys("HMI-01", Keys.TAB, "10.20.2.20", Keys.TAB);
        new Select(browser.findElement(By.id("asset-type"))).selectByValue("HMI");
        new Select(browser.findElement(By.id("asset-purdue"))).selectByValue("2");
        browser.findElement(By.id("asset-zone")).sendKeys("OT-cell-1", Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-asset='HMI-01']")));
        assertThat(row("HMI-01")).contains("HMI", "10.20.2.20", "Medium", "Level 2", "OT-cell-1");
        browser.findElement(By.id("asset-name")).sendKeys("PLC-01", Keys.TAB, "10.20.9.9", Keys.ENTER);
        assertThat(waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("asset-error"))).getText())
                .isEqualTo("Asset not added: an asset named 'PLC-01' already exists");

        // a tenant analyst sees the inventory, read-only
        String analyst = tenant + "-analyst";
        platform.newUser(analyst, Role.TENANT_ANALYST, tenant);
        browser.findElement(By.xpath("//button[text()='Sign out']")).click();
        signIn(analyst, RunningPlatform.PASSWORD);
        browser.get(platform.webUrl() + "/tenants/" + tenant);
        assertThat(row("PLC-01")).contains("Critical");
        assertThat(browser.findElements(By.id("asset-import"))).isEmpty();
        assertThat(browser.findElements(By.id("add-asset"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("button.delete-asset"))).isEmpty();
    }

    private String row(String asset) {
        return browser.findElement(By.cssSelector("tr[data-asset='" + asset.replace("'", "\\'") + "']")).getText();
    }
}
