package soc.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import soc.tenants.users.Role;

/**
 * The analyst's journey in a real browser (issue 6): an alert arrives live with its SLA timer, the analyst opens it
 * and sees the matched event, opens a case from it (typed and given its playbook from the alert's ATT&CK
 * technique, observables taken from the alert with a sighting in another organisation shown as a count only),
 * ticks a playbook task, comments, works it and closes it with a resolution and a root cause; the tenant's admin
 * then sees the closed case, its SLA and the tenant's response figures, and another tenant's admin gets nothing.
 */
class TriageAndCasesBrowserEndToEndTest extends BrowserEndToEndTest {
    private static final Pattern CASE_URL = Pattern.compile("/cases/(\\d+)");

    @Test
    void analystTriagesAnAlertIntoACaseAndTheTenantSeesItsOutcome() throws Exception {
        String tenant = RunningPlatform.uniqueTenant("triage");
        String token = platform.newTenantWithToken(tenant, "auto");
        String other = RunningPlatform.uniqueTenant("elsewhere");
        platform.newTenantWithToken(other, "auto");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String analyst = "analyst-" + suffix;
        String tenantAdmin = "tadmin-" + suffix;
        String otherAdmin = "oadmin-" + suffix;
        platform.newUser(analyst, Role.SOC_ANALYST, null);
        platform.newUser(tenantAdmin, Role.TENANT_ADMIN, tenant);
        platform.newUser(otherAdmin, Role.TENANT_ADMIN, other);

        String marker = "m" + UUID.randomUUID().toString().replace("-", "");
        // the same host name turns up at another organisation too: a sighting, shown without naming it
        String host = "ws" + suffix + ".council.example";
        String otherToken = platform.newTenantWithToken(RunningPlatform.uniqueTenant("sighting"), "auto");
        String otherMarker = "m" + UUID.randomUUID().toString().replace("-", "");
        Http.ingest(platform.ingestUrl(), otherToken, "text/plain", "<13>1 - " + host + " cmd - - - mimikatz " + otherMarker);
        Http.ingest(platform.ingestUrl(), token, "text/plain",
                "<13>1 - " + host + " cmd - - - mimikatz sekurlsa::logonpasswords " + marker);

        // the alert arrives in the live queue; the analyst opens it from its row with the keyboard
        signIn(analyst, RunningPlatform.PASSWORD);
        new WebDriverWait(browser, Await.DEFAULT).until(ExpectedConditions.and(
                ExpectedConditions.textToBePresentInElementLocated(By.id("alert-rows"), marker),
                ExpectedConditions.textToBePresentInElementLocated(By.id("alert-rows"), otherMarker)));
        WebElement row = browser.findElement(By.xpath("//tr[contains(@class, 'alert-row') and contains(., '" + marker + "')]"));
        // the acknowledgement timer of the tenant's SLA runs in the queue, in colour and in words
        assertThat(row.findElement(By.cssSelector("td.sla-cell .sla")).getAttribute("data-sla-state")).isIn("RUNNING", "WARNING");
        assertThat(row.findElement(By.cssSelector("td.sla-cell")).getText()).contains("left");
        row.findElement(By.cssSelector("td.rule a")).sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("alert-facts")));
        assertThat(browser.findElement(By.id("alert-rule")).getText()).isEqualTo("Credential dumping tool mentioned");
        assertThat(browser.findElement(By.cssSelector(".attribution")).getText()).contains("SOC platform team")
                .contains("DRL");
        assertThat(browser.findElement(By.id("alert-facts")).getText()).contains(tenant).contains("T1003").contains("New");

        // the matched event comes from OpenSearch (searchable within about a second of indexing)
        String alertUrl = browser.getCurrentUrl();
        Await.until(() -> {
            browser.get(alertUrl);
            return browser.findElement(By.id("matched-events")).getText();
        }, text -> text.contains(marker), "matched event on the alert page");
        assertThat(browser.findElement(By.id("matched-events")).getText()).contains("sekurlsa::logonpasswords")
                .contains("event.id");
        Browser.screenshot(browser, "alert-detail");

        // a case from this alert
        browser.findElement(By.id("create-case")).sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("case-facts")));
        Matcher url = CASE_URL.matcher(browser.getCurrentUrl());
        assertThat(url.find()).as("on a case page: " + browser.getCurrentUrl()).isTrue();
        String caseId = url.group(1);
        assertThat(browser.findElement(By.id("case-title")).getText()).isEqualTo("Credential dumping tool mentioned");
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("New");
        assertThat(browser.findElement(By.id("case-alerts")).getText()).contains("Credential dumping tool mentioned");
        assertThat(browser.findElement(By.id("case-timeline")).getText()).contains("added alert")
                .contains("Event matched by");
        // SLA: opened from the alert, so acknowledged; the containment clock runs
        assertThat(browser.findElement(By.id("sla-acknowledge")).getText()).contains("met");
        assertThat(browser.findElement(By.cssSelector("#sla-contain .sla")).getAttribute("data-sla-state")).isIn("RUNNING", "WARNING");
        // credential dumping (T1003): the account compromise playbook
        assertThat(browser.findElement(By.id("case-type-label")).getText()).isEqualTo("Account compromise");
        // observables from the alert; the other organisation is counted, never named
        WebElement observable = browser.findElement(By.cssSelector("#case-observables tr.observable[data-value='" + host + "']"));
        assertThat(observable.getText()).contains("Host").contains("seen in").contains("other organisation");
        assertThat(browser.findElement(By.id("case-observables")).getText()).doesNotContain("sighting-");
        // a mis-extracted observable is corrected, then removed, with the keyboard only; both on the timeline
        String renamed = "renamed-" + host;
        observable.findElement(By.tagName("summary")).sendKeys(Keys.ENTER);
        WebElement observableValue = observable.findElement(By.cssSelector("input[name=value]"));
        observableValue.clear();
        observableValue.sendKeys(renamed, Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#case-observables tr.observable[data-value='" + renamed + "']")));
        browser.findElement(By.cssSelector("#case-observables tr.observable[data-value='" + renamed + "'] button.remove-observable"))
                .sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("case-timeline"), "removed the observable"));
        assertThat(browser.findElements(By.cssSelector("#case-observables tr.observable[data-value='" + renamed + "']"))).isEmpty();
        assertThat(browser.findElement(By.id("case-timeline")).getText())
                .contains("changed the observable HOST " + host + " \u2192 HOST " + renamed);

        // the first playbook task is done, with who and when, and on the timeline
        WebElement firstTask = browser.findElements(By.cssSelector("#case-tasks li.task")).get(0);
        String taskTitle = firstTask.findElement(By.cssSelector(".task-title")).getText();
        firstTask.findElement(By.cssSelector("button.task-toggle")).sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case-tasks li.task.done")));
        assertThat(browser.findElement(By.cssSelector("#case-tasks li.task.done")).getText()).contains(taskTitle)
                .contains("done by " + analyst);
        assertThat(browser.findElement(By.id("case-timeline")).getText()).contains("completed the task " + taskTitle);

        browser.findElement(By.id("assign-case")).sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("case-assignee"), analyst));
        assertThat(browser.findElement(By.id("case-assignee")).getText()).contains("(SOC)");

        // a comment is plain text: markup shows as typed, line breaks are kept
        browser.findElement(By.id("comment")).sendKeys("Called the user: <b>not bold</b>", Keys.SHIFT, Keys.ENTER,
                Keys.NULL, "Password reset at 10:40");
        browser.findElement(By.id("add-comment")).sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("case-timeline"), "Password reset at 10:40"));
        WebElement comment = browser.findElement(By.cssSelector("#case-timeline .comment"));
        assertThat(comment.getText()).isEqualTo("Called the user: <b>not bold</b>\nPassword reset at 10:40");
        assertThat(comment.findElements(By.tagName("b"))).isEmpty();

        // in progress, then closing without a root cause is refused with a clear message
        new Select(browser.findElement(By.id("new-status"))).selectByValue("IN_PROGRESS");
        browser.findElement(By.id("change-status")).sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("case-status"), "In progress"));
        new Select(browser.findElement(By.id("new-status"))).selectByValue("CLOSED");
        browser.findElement(By.id("resolution")).sendKeys("Credentials reset, host reimaged.");
        browser.findElement(By.id("change-status")).sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("case-error")));
        assertThat(browser.findElement(By.id("case-error")).getText()).contains("requires a resolution and a root cause");
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("In progress");

        new Select(browser.findElement(By.id("new-status"))).selectByValue("CLOSED");
        WebElement resolution = browser.findElement(By.id("resolution"));
        resolution.clear();
        resolution.sendKeys("Credentials reset, host reimaged.");
        new Select(browser.findElement(By.id("root-cause"))).selectByValue("PHISHING_CLICK");
        browser.findElement(By.id("change-status")).sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("case-status"), "Closed"));
        assertThat(browser.findElement(By.id("case-root-cause")).getText()).contains("Phishing");
        assertThat(browser.findElements(By.id("status-form"))).isEmpty();
        Browser.screenshot(browser, "case-closed");

        // the tenant's admin sees the closed case with its root cause, and cannot change its status
        browser.manage().deleteAllCookies();
        signIn(tenantAdmin, RunningPlatform.PASSWORD);
        browser.findElement(By.linkText("Cases")).sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("cases")));
        WebElement caseRow = browser.findElement(By.cssSelector("tr.case-row[data-case-id='" + caseId + "']"));
        assertThat(caseRow.getText()).contains("Credential dumping tool mentioned").contains("Closed").contains(analyst);
        caseRow.findElement(By.tagName("a")).sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("case-facts")));
        assertThat(browser.findElement(By.id("case-root-cause")).getText()).contains("Phishing");
        assertThat(browser.findElement(By.id("case-resolution")).getText()).isEqualTo("Credentials reset, host reimaged.");
        assertThat(browser.findElement(By.id("case-timeline")).getText()).contains("Password reset at 10:40");
        assertThat(browser.findElements(By.id("status-form"))).isEmpty();
        // the case's SLA figures, read-only for the tenant admin
        assertThat(browser.findElement(By.id("sla-acknowledge")).getText()).contains("met");
        assertThat(browser.findElement(By.id("sla-contain")).getText()).containsAnyOf("met", "missed");
        assertThat(browser.findElement(By.cssSelector("#case-tasks li.task.done")).getText()).contains(taskTitle);
        assertThat(browser.findElements(By.cssSelector("button.task-toggle"))).isEmpty();
        // and the tenant's response figures on the cases page, for their own tenant only
        browser.findElement(By.linkText("Cases")).sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("response-metrics")));
        assertThat(browser.findElement(By.id("response")).getText()).contains(tenant);
        WebElement thisMonth = browser.findElements(By.cssSelector("#response-metrics tr.metrics-row")).get(0);
        assertThat(thisMonth.getText()).contains(java.time.YearMonth.now(java.time.ZoneId.of("Europe/London")).toString());
        assertThat(thisMonth.findElement(By.cssSelector("td.compliance")).getText()).endsWith("%");
        Browser.screenshot(browser, "tenant-response-figures");

        // another tenant's admin: not in the list, and the case page is not found
        browser.manage().deleteAllCookies();
        signIn(otherAdmin, RunningPlatform.PASSWORD);
        browser.get(platform.webUrl() + "/cases?tenant=" + tenant);
        assertThat(browser.findElements(By.cssSelector("tr.case-row[data-case-id='" + caseId + "']"))).isEmpty();
        assertThat(browser.findElement(By.id("response")).getText()).contains(other);
        assertThat(browser.getPageSource()).doesNotContain(tenant);
        browser.get(platform.webUrl() + "/cases/" + caseId);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("There is nothing here");
        assertThat(browser.getPageSource()).doesNotContain("Credentials reset").doesNotContain(tenant);
        browser.get(alertUrl);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("There is nothing here");
    }

    @Test
    void bulkTriageFromTheQueueAcknowledgesAndRefusesACaseAcrossTenants() throws Exception {
        String first = RunningPlatform.uniqueTenant("bulk-a");
        String second = RunningPlatform.uniqueTenant("bulk-b");
        String firstToken = platform.newTenantWithToken(first, "auto");
        String secondToken = platform.newTenantWithToken(second, "auto");
        String analyst = "bulk-" + UUID.randomUUID().toString().substring(0, 6);
        platform.newUser(analyst, Role.SOC_ANALYST, null);
        String firstMarker = "m" + UUID.randomUUID().toString().replace("-", "");
        String secondMarker = "m" + UUID.randomUUID().toString().replace("-", "");
        Http.ingest(platform.ingestUrl(), firstToken, "text/plain", "<13>1 - h1 app - - - mimikatz " + firstMarker);
        Http.ingest(platform.ingestUrl(), secondToken, "text/plain", "<13>1 - h2 app - - - mimikatz " + secondMarker);

        signIn(analyst, RunningPlatform.PASSWORD);
        new WebDriverWait(browser, Await.DEFAULT).until(ExpectedConditions.and(
                ExpectedConditions.textToBePresentInElementLocated(By.id("alert-rows"), firstMarker),
                ExpectedConditions.textToBePresentInElementLocated(By.id("alert-rows"), secondMarker)));
        select(firstMarker);
        select(secondMarker);
        browser.findElement(By.id("bulk-case")).sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=alert]")));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("one tenant")
                .contains(first).contains(second);

        new WebDriverWait(browser, Await.DEFAULT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("alert-rows"), firstMarker));
        select(firstMarker);
        select(secondMarker);
        browser.findElement(By.id("bulk-acknowledge")).sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=status]")));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).startsWith("2 alert(s) changed");
        assertThat(rowOf(firstMarker).getText()).contains("Acknowledged");
        assertThat(rowOf(secondMarker).getText()).contains("Acknowledged");
    }

    private WebElement rowOf(String marker) {
        return browser.findElement(By.xpath("//tr[contains(@class, 'alert-row') and contains(., '" + marker + "')]"));
    }

    private void select(String marker) {
        WebElement box = rowOf(marker).findElement(By.cssSelector("input.select-alert"));
        if (!box.isSelected()) {
            box.sendKeys(Keys.SPACE);
        }
    }
}
