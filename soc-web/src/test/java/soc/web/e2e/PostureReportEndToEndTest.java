package soc.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import soc.cases.alerts.AlertQueue;
import soc.tenants.posture.PostureReports;
import soc.tenants.scope.TenantScope;
import soc.tenants.users.Role;
import soc.web.reports.MonthlyReportJob;

/**
 * Posture over HTTP: the programme view for SOC leads (and refused to tenant users), the monthly report as HTML
 * and as a PDF whose pages, turned into images by pdftoppm, show the charts, and the scheduled job that mails the
 * PDF to the tenant's admins (GreenMail).
 */
class PostureReportEndToEndTest {
    private static RunningPlatform platform;
    private static String tenant;
    private static String other;
    private static final YearMonth THIS_MONTH = YearMonth.now(ZoneOffset.UTC);

    @BeforeAll
    static void tenantsWithAnAlert() throws Exception {
        platform = RunningPlatform.get();
        tenant = RunningPlatform.uniqueTenant("report");
        String token = platform.newTenantWithToken(tenant, "auto");
        other = RunningPlatform.uniqueTenant("report-other");
        platform.newTenantWithToken(other, "auto");
        Http.ingest(platform.ingestUrl(), token, "text/plain", "<13>1 - pc1 cmd - - - mimikatz sekurlsa::logonpasswords");
        Await.until(() -> TenantScope.call(tenant, () -> platform.webBean(AlertQueue.class).firstPage(tenant)),
                rows -> !rows.isEmpty(), "the tenant's alert");
    }

    @Test
    void programmeListsEveryTenantForSocLeadsAndIsRefusedToTenantUsers() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        platform.newUser("lead-" + suffix, Role.SOC_LEAD, null);
        platform.newUser("tadmin-" + suffix, Role.TENANT_ADMIN, tenant);
        platform.newUser("tanalyst-" + suffix, Role.TENANT_ANALYST, tenant);

        WebSession lead = WebSession.signIn(platform.webUrl(), "lead-" + suffix, RunningPlatform.PASSWORD);
        HttpResponse<String> programme = lead.get("/programme");
        assertThat(programme.statusCode()).isEqualTo(200);
        assertThat(programme.body()).contains("data-tenant=\"" + tenant + "\"").contains("data-tenant=\"" + other + "\"")
                .contains("Tenant " + tenant);

        for (String user : List.of("tadmin-" + suffix, "tanalyst-" + suffix)) {
            WebSession session = WebSession.signIn(platform.webUrl(), user, RunningPlatform.PASSWORD);
            HttpResponse<String> refused = session.get("/programme");
            assertThat(refused.statusCode()).as(user).isEqualTo(403);
            assertThat(refused.body()).doesNotContain(other);
        }
    }

    @Test
    void benchmarksShowPeerMediansWithoutNamingOrShowingAnyPeer() throws Exception {
        List<String> bodies = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = RunningPlatform.uniqueTenant("health");
            TenantScope.run(TenantScope.ALL_TENANTS, () -> platform.webBean(soc.tenants.tenants.TenantService.class)
                    .register("test", id, "Health board " + id, soc.tenants.tenants.TenantKind.HEALTH_BODY, "Wales"));
            bodies.add(id);
        }
        String admin = "hadmin-" + UUID.randomUUID().toString().substring(0, 6);
        platform.newUser(admin, Role.TENANT_ADMIN, bodies.get(0));

        HttpResponse<String> page = WebSession.signIn(platform.webUrl(), admin, RunningPlatform.PASSWORD).get("/posture");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Health board " + bodies.get(0)).containsPattern(
                "data-metric=\"coverage\">[\\s\\S]*?\\(median of \\d+\\)");
        for (String peer : bodies.subList(1, 4)) {
            assertThat(page.body()).doesNotContain(peer);
        }
        HttpResponse<String> api = WebSession.signIn(platform.webUrl(), admin, RunningPlatform.PASSWORD).get("/api/v1/posture");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"enoughPeers\":true");
        for (String peer : bodies.subList(1, 4)) {
            assertThat(api.body()).doesNotContain(peer);
        }
    }

    @Test
    void theMonthlyReportRendersAsHtmlAndAsAPdfWithCharts() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        platform.newUser("radmin-" + suffix, Role.TENANT_ADMIN, tenant);
        WebSession session = WebSession.signIn(platform.webUrl(), "radmin-" + suffix, RunningPlatform.PASSWORD);

        HttpResponse<String> html = session.get("/posture/report?month=" + THIS_MONTH + "&tenant=" + other);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("Tenant " + tenant).contains("<svg").doesNotContain(other);
        assertThat(html.body()).containsPattern("id=\"report-alerts\">1<");

        HttpResponse<byte[]> pdf = session.getBytes("/posture/report.pdf?month=" + THIS_MONTH);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        HttpResponse<byte[]> samePdf = session.getBytes("/posture/report?format=pdf&month=" + THIS_MONTH);
        assertThat(new String(samePdf.body(), 0, 5)).isEqualTo("%PDF-");

        // the first page as an image: not blank, and the charts' colours are on it
        Path dir = Files.createDirectories(Path.of("target", "reports"));
        Path file = dir.resolve("report-" + tenant + ".pdf");
        Files.write(file, pdf.body());
        Process pdftoppm = new ProcessBuilder("pdftoppm", "-png", "-r", "60", file.toString(), dir.resolve("report-" + tenant).toString())
                .redirectErrorStream(true).start();
        assertThat(pdftoppm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(pdftoppm.exitValue()).as(new String(pdftoppm.getInputStream().readAllBytes())).isZero();
        Path[] pages = Files.list(dir).filter(p -> p.getFileName().toString().startsWith("report-" + tenant)
                && p.toString().endsWith(".png")).sorted().toArray(Path[]::new);
        assertThat(pages).isNotEmpty();
        long inked = 0;
        long coloured = 0;
        long total = 0;
        for (Path page : pages) {
            BufferedImage image = ImageIO.read(page.toFile());
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    int r = (rgb >> 16) & 0xff;
                    int g = (rgb >> 8) & 0xff;
                    int b = rgb & 0xff;
                    total++;
                    if (r < 230 || g < 230 || b < 230) {
                        inked++;
                    }
                    if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80) {
                        coloured++;
                    }
                }
            }
        }
        assertThat(inked).as("pixels with ink").isGreaterThan(total / 100);
        // the bar of the day's alert and the chart legend are in colour; text and table rules are grey
        assertThat(coloured).as("coloured pixels of the charts").isGreaterThan(50);
    }

    @Test
    void theScheduledJobMailsThePdfToTheTenantAdmins() throws Exception {
        String address = "admin-" + UUID.randomUUID().toString().substring(0, 6) + "@" + tenant + ".example";
        platform.newUser(address, Role.TENANT_ADMIN, tenant);
        int before = platform.mail.getReceivedMessages().length;

        Map<String, String> outcomes = platform.webBean(MonthlyReportJob.class).run(THIS_MONTH);

        assertThat(outcomes).containsEntry(tenant, "SENT");
        assertThat(outcomes.get(other)).startsWith("not sent");
        assertThat(platform.mail.waitForIncomingEmail(30_000, before + 1)).isTrue();
        MimeMessage message = Arrays.stream(platform.mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
                    } catch (Exception e) {
                        return false;
                    }
                }).findFirst().orElseThrow();
        assertThat(message.getSubject()).contains("Tenant " + tenant);
        Multipart parts = (Multipart) message.getContent();
        boolean pdfAttached = false;
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                assertThat(part.getContentType()).startsWith("application/pdf");
                assertThat(new String(part.getInputStream().readNBytes(5))).isEqualTo("%PDF-");
                pdfAttached = true;
            }
        }
        assertThat(pdfAttached).as("PDF attached").isTrue();
        assertThat(TenantScope.call(tenant, () -> platform.webBean(PostureReports.class).history(tenant)))
                .anySatisfy(report -> {
                    assertThat(report.delivery()).isEqualTo("SENT");
                    assertThat(report.recipients()).contains(address);
                });
    }
}
