package soc.cases.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import soc.cases.RealPostgres;
import soc.cases.attachments.Attachment;
import soc.cases.attachments.Attachments;
import soc.cases.cases.CaseActor;
import soc.cases.cases.CaseFile;
import soc.cases.cases.CaseNotFoundException;
import soc.cases.cases.CaseRuleException;
import soc.cases.cases.CaseStatus;
import soc.cases.cases.Cases;
import soc.cases.cases.EntryKind;
import soc.cases.links.CaseLink;
import soc.cases.links.CaseLinks;
import soc.cases.links.LinkKind;
import soc.events.EventJson;
import soc.events.Severity;
import soc.tenants.scope.TenantScope;
import soc.tenants.tenants.ServiceModel;
import soc.tenants.tenants.SlaTier;
import soc.tenants.tenants.TenantKind;
import soc.tenants.tenants.TenantProfile;
import soc.tenants.tenants.TenantService;

/**
 * Notifications, evidence and links on the real PostgreSQL under row-level security: the outbox keeps every message
 * and retries a webhook that is down until it is up (signature verified by a real HTTP receiver), e-mail without a
 * mail server is recorded as not configured, evidence is limited in size with its SHA-256 recorded, and links join
 * cases of one tenant only.
 */
@SpringBootTest(properties = {"soc.notifications.retry-base=PT0.2S", "soc.notifications.retry-max=PT1S",
        "soc.cases.attachments.max-size=1KB", "soc.notifications.allow-private-webhook-targets=true"})
class NotificationsEvidenceIntegrationTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        RealPostgres.register(registry);
    }

    @Autowired
    Cases cases;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    NotificationSender sender;
    @Autowired
    NotificationSettings settings;
    @Autowired
    Attachments attachments;
    @Autowired
    CaseLinks links;
    @Autowired
    TenantService tenants;

    private final CaseActor analyst = CaseActor.provider("analyst");
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private HttpServer receiver;
    private String alpha;
    private String beta;

    record Received(String body, String signature, String timestamp, String event) {
    }

    @BeforeEach
    void tenantsAndReceiver() throws Exception {
        alpha = "alpha-" + UUID.randomUUID().toString().substring(0, 8);
        beta = "beta-" + UUID.randomUUID().toString().substring(0, 8);
        asProvider(() -> {
            tenants.register("test", new TenantProfile(alpha, "Alpha Council", TenantKind.COUNTY_COUNCIL, "Wales", null,
                    ServiceModel.MANAGED, SlaTier.STANDARD, "Lee Lead", "lead@alpha.example", "oncall@alpha.example",
                    "+44 1000 000000"));
            return tenants.register("test", beta, "Beta Ltd", TenantKind.MANUFACTURER, "Wales");
        });
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(new String(body, StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.EVENT_HEADER)));
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aHighSeverityCaseEmailsEveryEscalationContactAndItsSignedWebhookIsRetriedUntilTheReceiverIsUp() {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        String secret = asProvider(() -> {
            settings.save("admin", alpha, "duty@alpha.example, LEAD@alpha.example", url);
            return settings.issueSecret("admin", alpha);
        });
        failuresLeft.set(2);

        CaseFile file = asProvider(() -> cases.create(analyst, alpha, "Ransomware on the file server", Severity.HIGH));

        List<Notification> queued = asProvider(() -> outbox.forCase(file.caseId()));
        assertThat(queued).filteredOn(n -> n.channel() == NotificationChannel.EMAIL)
                .extracting(Notification::recipient)
                .containsExactly("lead@alpha.example", "oncall@alpha.example", "duty@alpha.example");
        assertThat(queued).filteredOn(n -> n.channel() == NotificationChannel.WEBHOOK).singleElement()
                .extracting(Notification::status).isEqualTo(NotificationStatus.PENDING);

        Notification webhook = sendUntil(file.caseId(), NotificationChannel.WEBHOOK, NotificationStatus.SENT);

        assertThat(webhook.attempts()).isEqualTo(3);
        assertThat(received).hasSize(3);
        Received delivered = received.get(2);
        assertThat(WebhookSignature.verify(secret, delivered.body().getBytes(StandardCharsets.UTF_8), delivered.signature()))
                .isTrue();
        assertThat(delivered.timestamp()).matches("\\d{10}");
        assertThat(delivered.event()).isEqualTo("case.opened");
        Map<String, Object> json = EventJson.readObject(delivered.body());
        assertThat(json).containsEntry("event", "case.opened").containsEntry("tenant", alpha).containsKey("at");
        @SuppressWarnings("unchecked")
        Map<String, Object> caseJson = (Map<String, Object>) json.get("case");
        assertThat(caseJson).containsEntry("title", "Ransomware on the file server")
                .containsEntry("severity", "HIGH").containsEntry("status", "NEW")
                .containsEntry("url", "http://localhost:8080/cases/" + file.caseId());
        // without a mail server the e-mails are kept, marked as not configured, not lost silently
        assertThat(asProvider(() -> outbox.forCase(file.caseId())))
                .filteredOn(n -> n.channel() == NotificationChannel.EMAIL)
                .allSatisfy(n -> {
                    assertThat(n.status()).isEqualTo(NotificationStatus.NOT_CONFIGURED);
                    assertThat(n.lastError()).contains("mail not configured");
                });
    }

    @Test
    void onlyHighSeverityAndSlaEventsAreEmailedWhileTheWebhookHearsEveryCaseEvent() {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        asProvider(() -> {
            settings.save("admin", alpha, null, url);
            return settings.issueSecret("admin", alpha);
        });
        CaseFile file = asProvider(() -> cases.create(analyst, alpha, "Odd login", Severity.LOW));
        assertThat(events(file.caseId(), NotificationChannel.EMAIL)).isEmpty();
        assertThat(events(file.caseId(), NotificationChannel.WEBHOOK)).containsExactly("case.opened");

        asProvider(() -> cases.changeSeverity(analyst, file.caseId(), Severity.MEDIUM));
        assertThat(events(file.caseId(), NotificationChannel.EMAIL)).isEmpty();
        asProvider(() -> cases.changeSeverity(analyst, file.caseId(), Severity.CRITICAL));
        asProvider(() -> cases.changeStatus(analyst, file.caseId(), CaseStatus.IN_PROGRESS, null, null));
        asProvider(() -> {
            outbox.slaBreached(file.caseId(), "contain", Instant.parse("2026-12-01T00:00:00Z"));
            return null;
        });

        assertThat(events(file.caseId(), NotificationChannel.EMAIL))
                .containsExactly("case.severity_changed", "case.severity_changed", "sla.breached", "sla.breached");
        assertThat(events(file.caseId(), NotificationChannel.WEBHOOK)).containsExactly("case.opened",
                "case.severity_changed", "case.severity_changed", "case.status_changed", "sla.breached");
        assertThat(asProvider(() -> outbox.forCase(file.caseId())))
                .filteredOn(n -> n.event().equals("sla.breached") && n.channel() == NotificationChannel.EMAIL)
                .first().satisfies(n -> assertThat(n.subject()).contains("SLA to contain was breached")
                        .contains("#" + file.caseId()));
    }

    @Test
    void aTenantWithoutEscalationAddressesIsToldNothingWasSentAndNoWebhookIsQueued() {
        CaseFile file = asProvider(() -> cases.create(analyst, beta, "Phishing wave", Severity.CRITICAL));

        assertThat(asProvider(() -> outbox.forCase(file.caseId()))).singleElement().satisfies(n -> {
            assertThat(n.channel()).isEqualTo(NotificationChannel.EMAIL);
            assertThat(n.status()).isEqualTo(NotificationStatus.NOT_CONFIGURED);
            assertThat(n.lastError()).contains("no escalation e-mail address");
        });
        // another tenant's scope sees none of it
        assertThat(TenantScope.call(alpha, () -> outbox.forCase(file.caseId()))).isEmpty();
    }

    @Test
    void webhookSettingsRejectWhatIsNotAnHttpUrlOrAnAddress() {
        assertThatThrownBy(() -> asProvider(() -> settings.save("admin", alpha, null, "javascript:alert(1)")))
                .isInstanceOf(NotificationException.class);
        assertThatThrownBy(() -> asProvider(() -> settings.save("admin", alpha, null, "http://user:pw@example.com/")))
                .isInstanceOf(NotificationException.class);
        assertThatThrownBy(() -> asProvider(() -> settings.save("admin", alpha, "not an address", null)))
                .isInstanceOf(NotificationException.class);
        NotificationSetting saved = asProvider(() -> settings.save("admin", alpha, "a@alpha.example", "https://tickets.example/hook"));
        assertThat(saved.webhookUrl()).isEqualTo("https://tickets.example/hook");
        assertThat(saved.hasSecret()).isFalse();
    }

    @Test
    void evidenceIsLimitedInSizeAndRecordedWithItsSha256OnTheCaseOfItsTenantOnly() throws Exception {
        CaseFile file = asProvider(() -> cases.create(analyst, alpha, "Evidence case", Severity.MEDIUM));
        byte[] tooLarge = new byte[1025];
        byte[] pcap = "pcap bytes".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> asProvider(() -> attachments.upload(analyst, file.caseId(), "big.bin", null,
                tooLarge.length, new ByteArrayInputStream(tooLarge))))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("larger than the limit");
        // an understated size does not help
        assertThatThrownBy(() -> asProvider(() -> attachments.upload(analyst, file.caseId(), "big.bin", null,
                10, new ByteArrayInputStream(tooLarge))))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("larger than the limit");

        CaseActor tenantAnalyst = CaseActor.tenant("alpha-analyst", alpha);
        Attachment stored = TenantScope.call(alpha, () -> attachments.upload(tenantAnalyst, file.caseId(),
                "../capture.pcap", "text/html", pcap.length, new ByteArrayInputStream(pcap)));

        assertThat(stored.filename()).isEqualTo("capture.pcap");
        assertThat(stored.contentType()).isEqualTo("application/octet-stream");
        assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pcap)));
        assertThat(asProvider(() -> attachments.download(analyst, file.caseId(), stored.id())).content()).isEqualTo(pcap);
        assertThat(asProvider(() -> cases.view(analyst, file.caseId())).timeline())
                .filteredOn(t -> t.kind() == EntryKind.ATTACHMENT).singleElement()
                .satisfies(t -> assertThat(t.text()).contains(stored.sha256()));

        CaseActor betaUser = CaseActor.tenant("beta-admin", beta);
        assertThatThrownBy(() -> TenantScope.call(beta, () -> attachments.download(betaUser, file.caseId(), stored.id())))
                .isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> TenantScope.call(beta, () -> attachments.upload(betaUser, file.caseId(), "x.txt",
                "text/plain", 1, new ByteArrayInputStream(new byte[] {1}))))
                .isInstanceOf(CaseNotFoundException.class);
    }

    @Test
    void linksJoinCasesOfOneTenantAndReadFromBothSides() {
        CaseFile original = asProvider(() -> cases.create(analyst, alpha, "Original", Severity.MEDIUM));
        CaseFile duplicate = asProvider(() -> cases.create(analyst, alpha, "Duplicate", Severity.MEDIUM));
        CaseFile related = asProvider(() -> cases.create(analyst, alpha, "Related", Severity.LOW));
        CaseFile otherTenant = asProvider(() -> cases.create(analyst, beta, "Beta case", Severity.LOW));

        asProvider(() -> links.link(analyst, duplicate.caseId(), original.caseId(), LinkKind.DUPLICATE_OF));
        asProvider(() -> links.link(analyst, original.caseId(), related.caseId(), LinkKind.RELATED));

        assertThat(asProvider(() -> links.of(analyst, original.caseId())))
                .extracting(CaseLink::otherCaseId, CaseLink::direction)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(duplicate.caseId(), CaseLink.Direction.HAS_DUPLICATE),
                        org.assertj.core.groups.Tuple.tuple(related.caseId(), CaseLink.Direction.RELATED));
        assertThat(asProvider(() -> links.of(analyst, duplicate.caseId())))
                .extracting(CaseLink::otherCaseId, CaseLink::direction)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(original.caseId(), CaseLink.Direction.DUPLICATE_OF));
        assertThatThrownBy(() -> asProvider(() -> links.link(analyst, related.caseId(), original.caseId(), LinkKind.RELATED)))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("already linked");
        assertThatThrownBy(() -> asProvider(() -> links.link(analyst, original.caseId(), otherTenant.caseId(), LinkKind.RELATED)))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("no case");
        // a tenant user cannot even see another tenant's case to link from it
        assertThatThrownBy(() -> TenantScope.call(beta, () -> links.of(CaseActor.tenant("b", beta), original.caseId())))
                .isInstanceOf(CaseNotFoundException.class);
        assertThat(TenantScope.call(alpha, () -> links.of(CaseActor.tenant("a", alpha), related.caseId()))).hasSize(1);
    }

    private List<String> events(long caseId, NotificationChannel channel) {
        return asProvider(() -> outbox.forCase(caseId)).stream().filter(n -> n.channel() == channel)
                .map(Notification::event).toList();
    }

    private Notification sendUntil(long caseId, NotificationChannel channel, NotificationStatus status) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            sender.sendDue();
            Notification current = asProvider(() -> outbox.forCase(caseId)).stream()
                    .filter(n -> n.channel() == channel).findFirst().orElseThrow();
            if (current.status() == status) {
                return current;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no " + channel + " notification of case " + caseId + " reached " + status);
    }

    private static <T> T asProvider(Supplier<T> work) {
        return TenantScope.call(TenantScope.ALL_TENANTS, work);
    }
}
