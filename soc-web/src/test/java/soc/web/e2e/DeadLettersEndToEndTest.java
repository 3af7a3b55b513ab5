package soc.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import soc.tenants.users.Role;

/** Rejected input is visible to analysts with its reason, and to each tenant for its own sources only. */
class DeadLettersEndToEndTest {
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
        Http.ingest(platform.ingestUrl(), token, "application/x-ndjson", "{\"broken\": \"" + marker);

        String analyst = "analyst-" + UUID.randomUUID().toString().substring(0, 6);
        platform.newUser(analyst, Role.SOC_ANALYST, null);
        WebSession analystSession = WebSession.signIn(platform.webUrl(), analyst, RunningPlatform.PASSWORD);
        String page = Await.until(() -> analystSession.get("/dead-letters?tenant=" + tenant).body(),
                body -> body.contains(marker), "dead letter on the page");
        assertThat(page).contains("ingest-api").contains("Not a JSON object").contains(tenant);

        String ownAdmin = "own-" + UUID.randomUUID().toString().substring(0, 6);
        platform.newUser(ownAdmin, Role.TENANT_ADMIN, tenant);
        assertThat(WebSession.signIn(platform.webUrl(), ownAdmin, RunningPlatform.PASSWORD).get("/dead-letters").body())
                .contains(marker);

        String otherAdmin = "other-" + UUID.randomUUID().toString().substring(0, 6);
        platform.newUser(otherAdmin, Role.TENANT_ADMIN, other);
        assertThat(WebSession.signIn(platform.webUrl(), otherAdmin, RunningPlatform.PASSWORD)
                .get("/dead-letters?tenant=" + tenant).body()).doesNotContain(marker).doesNotContain(tenant);
    }
}
