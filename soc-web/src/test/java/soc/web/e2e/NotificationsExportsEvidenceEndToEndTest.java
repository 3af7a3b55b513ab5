package soc.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import soc.cases.notifications.Notification;
import soc.cases.notifications.NotificationChannel;
import soc.cases.notifications.NotificationOutbox;
import soc.cases.notifications.NotificationStatus;
import soc.cases.notifications.WebhookSignature;
import soc.tenants.scope.TenantScope;
import soc.tenants.tenants.ServiceModel;
import soc.tenants.tenants.SlaTier;
import soc.tenants.tenants.TenantKind;
import soc.tenants.tenants.TenantProfile;
import soc.tenants.tenants.TenantService;
import soc.tenants.users.Role;

/**
 * A critical case told to the tenant as a person would see it: the tenant admin sets up a webhook (secret shown
 * once), an analyst opens a critical case, the escalation contacts get an e-mail through a real SMTP server
 * (GreenMail), the webhook is retried while the receiver is down and arrives signed once it is up; evidence is
 * refused above the limit and recorded with its SHA-256; comments render Markdown without XSS; the tenant exports
 * the case as PDF and Markdown, and another tenant cannot.
 */
class NotificationsExportsEvidenceEndToEndTest {
    private static final Pattern CASE_LOCATION = Pattern.compile("/cases/(\\d+)$");
    private static final Pattern ISSUED_SECRET = Pattern.compile("id=\"issued-secret\">(whsec_[A-Za-z0-9_-]+)<");

    private static RunningPlatform platform;
    private static String tenant;
    private static String analyst;
    private static String tenantAdmin;
    private static String otherAdmin;
    private static HttpServer receiver;

    @BeforeAll
    static void tenantWithEscalationContacts() {
        platform = RunningPlatform.get();
        tenant = RunningPlatform.uniqueTenant("notify");
        TenantScope.run(TenantScope.ALL_TENANTS, () -> platform.webBean(TenantService.class).register("test",
                new TenantProfile(tenant, "Notify Council " + tenant, TenantKind.COUNTY_COUNCIL, "Wales", null,
                        ServiceModel.HYBRID, SlaTier.ENHANCED, "Lee Lead", "lead@" + tenant + ".example",
                        "oncall@" + tenant + ".example", "+44 1000 000000")));
        String other = RunningPlatform.uniqueTenant("other");
        platform.newTenantWithToken(other, "auto");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        analyst = "analyst-" + suffix;
        tenantAdmin = "tadmin-" + suffix;
        otherAdmin = "oadmin-" + suffix;
        platform.newUser(analyst, Role.SOC_ANALYST, null);
        platform.newUser(tenantAdmin, Role.TENANT_ADMIN, tenant);
        platform.newUser(otherAdmin, Role.TENANT_ADMIN, other);
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aCriticalCaseIsEmailedAndPostedSignedEvidenceIsHashedAndTheTenantExportsIt() throws Exception {
        // the tenant's ticketing system is down at first (503 for every call), and records what it receives
        AtomicBoolean down = new AtomicBoolean(true);
        List<String[]> deliveries = new CopyOnWriteArrayList<>();
        AtomicReference<String> secretHolder = new AtomicReference<>();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/soc-hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (down.get()) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                String signature = exchange.getRequestHeaders().getFirst("X-SOC-Signature");
                deliveries.add(new String[] {new String(body, StandardCharsets.UTF_8), signature,
                        Boolean.toString(WebhookSignature.verify(secretHolder.get(), body, signature))});
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        receiver.start();
        String hookUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/soc-hook";

        WebSession admin = WebSession.signIn(platform.webUrl(), tenantAdmin, RunningPlatform.PASSWORD);
        assertThat(admin.get("/tenants/" + tenant).body()).contains("/tenants/" + tenant + "/notifications");
        admin.get("/tenants/" + tenant + "/notifications");
        assertThat(admin.post("/tenants/" + tenant + "/notifications",
                Map.of("escalationEmails", "duty@" + tenant + ".example", "webhookUrl", hookUrl)).statusCode()).isEqualTo(302);
        // a browser follows each redirect at once (and so takes its one-time message)
        assertThat(admin.get("/tenants/" + tenant + "/notifications").body()).contains("Notification settings saved")
                .contains(hookUrl);
        admin.post("/tenants/" + tenant + "/notifications/secret", Map.of());
        Matcher issued = ISSUED_SECRET.matcher(admin.get("/tenants/" + tenant + "/notifications").body());
        assertThat(issued.find()).as("secret shown once after issuing").isTrue();
        String secret = issued.group(1);
        secretHolder.set(secret);
        assertThat(admin.get("/tenants/" + tenant + "/notifications").body()).as("never again").doesNotContain(secret);

        // an analyst opens a critical case for the tenant
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String title = "Ransomware on the payroll server " + marker;
        WebSession soc = WebSession.signIn(platform.webUrl(), analyst, RunningPlatform.PASSWORD);
        soc.get("/cases");
        HttpResponse<String> created = soc.post("/cases", Map.of("tenantId", tenant, "title", title, "severity", "CRITICAL"));
        Matcher location = CASE_LOCATION.matcher(created.headers().firstValue("Location").orElse(""));
        assertThat(location.find()).as("redirect to the new case: " + created.headers().map()).isTrue();
        long caseId = Long.parseLong(location.group(1));

        // e-mail to the security lead, the 24/7 contact and the extra duty mailbox, through real SMTP
        List<MimeMessage> mails = Await.until(() -> Arrays.stream(platform.mail.getReceivedMessages())
                        .filter(m -> subject(m).contains(marker)).toList(), found -> found.size() == 3,
                "three escalation e-mails");
        assertThat(mails).flatExtracting(m -> Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .map(Object::toString).toList())
                .containsExactlyInAnyOrder("lead@" + tenant + ".example", "oncall@" + tenant + ".example",
                        "duty@" + tenant + ".example");
        assertThat(subject(mails.get(0))).contains("CRITICAL").contains("#" + caseId);
        assertThat(mails.get(0).getContent().toString()).contains("/cases/" + caseId).contains(title);

        // the webhook failed while the receiver was down, and stays queued for a retry
        Notification failing = Await.until(() -> webhookOf(caseId), n -> n != null && n.attempts() >= 1,
                "a failed webhook attempt");
        assertThat(failing.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(failing.lastError()).contains("HTTP 503");

        // the receiver comes up: the retry arrives, signed with the tenant's secret
        down.set(false);
        Notification sent = Await.until(() -> webhookOf(caseId), n -> n.status() == NotificationStatus.SENT,
                "webhook delivered");
        assertThat(sent.attempts()).isGreaterThanOrEqualTo(2);
        String[] delivery = deliveries.stream().filter(d -> d[0].contains(marker)).findFirst().orElseThrow();
        assertThat(delivery[2]).as("signature verifies with the secret shown once").isEqualTo("true");
        assertThat(delivery[0]).contains("\"event\":\"case.opened\"").contains("\"tenant\":\"" + tenant + "\"")
                .contains("\"severity\":\"CRITICAL\"").contains(title);

        // Markdown comments, rendered without running anything
        soc.get("/cases/" + caseId);
        soc.post("/cases/" + caseId + "/comments", Map.of("text",
                "**Isolated** the host <script>alert('xss')</script> [x](javascript:alert(1))"));
        String page = soc.get("/cases/" + caseId).body();
        assertThat(page).contains("<strong>Isolated</strong>").contains("&lt;script&gt;alert(")
                .doesNotContain("<script>alert(").doesNotContain("href=\"javascript:");

        // evidence: refused above the limit, hashed below it, downloaded as an attachment
        byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
        assertThat(soc.postFile("/cases/" + caseId + "/attachments", "memory.dmp", "application/octet-stream", tooLarge)
                .statusCode()).isEqualTo(302);
        assertThat(soc.get("/cases/" + caseId).body()).contains("larger than the limit of 10 MB");
        byte[] evidence = ("GET /payroll HTTP/1.1 " + marker).getBytes(StandardCharsets.UTF_8);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(evidence));
        soc.postFile("/cases/" + caseId + "/attachments", "proxy<log>.txt", "text/html", evidence);
        page = soc.get("/cases/" + caseId).body();
        assertThat(page).contains(sha256).contains("proxylog.txt");
        Matcher download = Pattern.compile("/cases/" + caseId + "/attachments/(\\d+)").matcher(page);
        assertThat(download.find()).isTrue();

        WebSession tenantSession = WebSession.signIn(platform.webUrl(), tenantAdmin, RunningPlatform.PASSWORD);
        HttpResponse<byte[]> file = tenantSession.getBytes(download.group());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(evidence);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;")
                .contains("proxylog.txt");
        assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("application/octet-stream");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        // the tenant exports its case
        HttpResponse<byte[]> pdf = tenantSession.getBytes("/cases/" + caseId + "/export.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains(title).contains("Isolated").contains(sha256.substring(0, 16));
        }
        HttpResponse<String> markdown = tenantSession.get("/cases/" + caseId + "/export.md");
        assertThat(markdown.statusCode()).isEqualTo(200);
        assertThat(markdown.body()).startsWith("# Case #" + caseId + ": " + title).contains(sha256)
                .contains("| Severity | CRITICAL |").contains("**Isolated**");

        // ...and nobody else's tenant can
        WebSession outsider = WebSession.signIn(platform.webUrl(), otherAdmin, RunningPlatform.PASSWORD);
        assertThat(outsider.getBytes("/cases/" + caseId + "/export.pdf").statusCode()).isEqualTo(404);
        assertThat(outsider.get("/cases/" + caseId + "/export.md").statusCode()).isEqualTo(404);
        assertThat(outsider.getBytes(download.group()).statusCode()).isEqualTo(404);
        assertThat(outsider.get("/tenants/" + tenant + "/notifications").statusCode()).isEqualTo(404);
    }

    private static Notification webhookOf(long caseId) {
        return TenantScope.call(TenantScope.ALL_TENANTS, () -> platform.webBean(NotificationOutbox.class).forCase(caseId))
                .stream().filter(n -> n.channel() == NotificationChannel.WEBHOOK).findFirst().orElse(null);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
