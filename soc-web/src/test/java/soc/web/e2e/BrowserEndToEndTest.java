package soc.web.e2e;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Browser tests: the shared running platform, a fresh headless Chromium per test, keyboard sign-in. */
abstract class BrowserEndToEndTest {
    static RunningPlatform platform;
    WebDriver browser;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Keyboard only: type, tab, type, Enter; lands on the alert queue. */
    void signIn(String username, String password) {
        browser.get(platform.webUrl() + "/login");
        browser.findElement(By.id("username")).sendKeys(username, Keys.TAB, password, Keys.ENTER);
        // the role's landing page: the posture report for tenant admins, the alert queue for everyone else
        waitFor(ExpectedConditions.or(ExpectedConditions.urlContains("/alerts"),
                ExpectedConditions.urlContains("/posture")));
    }

    <T> T waitFor(ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition);
    }
}
