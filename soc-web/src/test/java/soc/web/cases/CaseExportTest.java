package soc.web.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import soc.cases.alerts.AlertDetail;
import soc.cases.alerts.AlertStatus;
import soc.cases.attachments.Attachment;
import soc.cases.cases.AssigneeSide;
import soc.cases.cases.CaseFile;
import soc.cases.cases.CaseStatus;
import soc.cases.cases.CaseView;
import soc.cases.cases.EntryKind;
import soc.cases.cases.RootCause;
import soc.cases.cases.TimelineItem;
import soc.cases.links.CaseLink;
import soc.events.Severity;

/** The case exports rendered from the real print template and messages, without a running application. */
class CaseExportTest {
    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private final CaseFile file = new CaseFile(42, "acme-council", "Ransomware on the payroll server & NAS",
            Severity.CRITICAL, CaseStatus.CLOSED, "ana", AssigneeSide.PROVIDER, T0, T0.plusSeconds(7200),
            T0.plusSeconds(7200), "Restored from backup; accounts reset.", RootCause.PHISHING_CLICK, 1);
    private final AlertDetail alert = new AlertDetail("a1", "acme-council", "r1", "Shadow copies deleted", "SOC",
            Severity.CRITICAL, List.of("T1490"), List.of("e1"), Map.of(), "fp", AlertStatus.IN_CASE, null, null,
            T0, T0, T0);
    private final CaseView view = new CaseView(file, List.of(alert), List.of(
            new TimelineItem(T0.plusSeconds(60), "ana", EntryKind.COMMENT,
                    "**Isolated** the NAS <script>alert(1)</script>", null),
            new TimelineItem(T0.plusSeconds(120), "ana", EntryKind.STATUS, "CLOSED", null)));
    private final List<Attachment> attachments = List.of(new Attachment(7, 42, "acme-council", "proxy.log",
            "text/plain", 4, SHA, "ana", T0.plusSeconds(90)));
    private final List<CaseLink> links = List.of(new CaseLink(3, 41, "Phishing e-mail to payroll", "CLOSED",
            CaseLink.Direction.RELATED, "ana", T0));

    @Test
    void thePdfCarriesTheSummaryAlertsEvidenceAndTimeline() throws Exception {
        byte[] pdf = CaseExport.render(engine(), Locale.ENGLISH, view, attachments, links, T0.plusSeconds(9000));

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Ransomware on the payroll server & NAS").contains("acme-council")
                    .contains("Critical").contains("Closed").contains("Phishing link clicked")
                    .contains("Restored from backup").contains("Shadow copies deleted").contains("proxy.log")
                    .contains("Isolated the NAS <script>alert(1)</script>").contains("Phishing e-mail to payroll");
        }
    }

    @Test
    void theMarkdownKeepsCommentsAsWrittenAndEscapesTableCells() {
        String md = CaseMarkdownExport.render(new CaseView(new CaseFile(43, "acme-council", "Title | with pipe",
                Severity.HIGH, CaseStatus.NEW, null, null, T0, T0, null, null, null, 0), List.of(), view.timeline()),
                attachments, links, T0);

        assertThat(md).startsWith("# Case #43: Title | with pipe\n").contains("| Severity | HIGH |")
                .contains("| Assignee | nobody |").contains("`" + SHA + "`")
                .contains("    **Isolated** the NAS <script>alert(1)</script>")
                .contains("- related #41 Phishing e-mail to payroll (CLOSED)").contains("_Not resolved yet._");
    }

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }
}
