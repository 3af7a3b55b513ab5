package soc.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import soc.tenants.users.Role;

/**
 * Rejected input is visible to analysts with its reason, and to each tenant for its own sources only; the SOC's
 * operations page counts it per tenant and shows each pipeline stage's lag.
 */
class DeadLettersEndToEndTest {
    private static final java.util.regex.Pattern NORMALISER_LAG = java.util.regex.Pattern.compile(
            "data-group=\"soc-ingest-normaliser\">\\s*<td><code>soc-ingest-normaliser</code></td>\\s*<td>[^<]*</td>\\s*<td>\\d+</td>");
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void rejectedLinesShowWithTheirReasonToAnalystsAndToTheirOwnTenantOnly() throws Exception {
        String tenant = RunningPlatform.uniqueTenant("dlq");
        String other = RunningPlatform.uniqueTenant("dlq-other");
        String token = platform.newTenantWithToken(tenant, "json");
        platform.newTenantWithToken(other, "json");
        String marker = "m" + UUID.randomUUID().toString().replace("-", "");
        Http.ingest(platform.ingestUrl(), token, "application/x-ndjson",
                "{\"message\": \"fine\"}\n{\"broken\": \"" + marker);

        String analyst = "analyst-" + UUID.randomUUID().toString().substring(0, 6);
        platform.newUser(analyst, Role.SOC_ANALYST, null);
        WebSession analystSession = WebSession.signIn(platform.webUrl(), analyst, RunningPlatform.PASSWORD);
        String page = Await.until(() -> analystSession.get("/dead-letters?tenant=" + tenant).body(),
                body -> body.contains(marker), "dead letter on the page");
        assertThat(page).contains("ingest-api").contains("Not a JSON object").contains(tenant);

        // once the valid line is through, the normaliser has committed offsets and shows a lag figure
        String operations = Await.until(() -> analystSession.get("/operations").body(),
                body -> body.contains(tenant) && NORMALISER_LAG.matcher(body).find(),
                "rejections of " + tenant + " and the normaliser's lag on the operations page");
        assertThat(operations).contains("soc-detect").contains("soc-cases-intake").contains("ingest-api");

        String ownAdmin = "own-" + UUID.randomUUID().toString().substring(0, 6);
        platform.newUser(ownAdmin, Role.TENANT_ADMIN, tenant);
        WebSession ownSession = WebSession.signIn(platform.webUrl(), ownAdmin, RunningPlatform.PASSWORD);
        assertThat(ownSession.get("/dead-letters").body()).contains(marker);
        assertThat(ownSession.get("/operations").statusCode()).as("operations are for the SOC's staff").isEqualTo(403);

        String otherAdmin = "other-" + UUID.randomUUID().toString().substring(0, 6);
        platform.newUser(otherAdmin, Role.TENANT_ADMIN, other);
        assertThat(WebSession.signIn(platform.webUrl(), otherAdmin, RunningPlatform.PASSWORD)
                .get("/dead-letters?tenant=" + tenant).body()).doesNotContain(marker).doesNotContain(tenant);
    }
}
