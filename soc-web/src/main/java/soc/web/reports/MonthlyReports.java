package soc.web.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import soc.cases.metrics.CaseMetrics.MonthlyTimes;
import soc.events.Severity;
import soc.tenants.posture.PostureReports;
import soc.tenants.tenants.Tenant;
import soc.web.pdf.HtmlToPdf;
import soc.web.posture.PeerBenchmarks;
import soc.web.posture.PostureFormat;
import soc.web.posture.PostureService;
import soc.web.posture.PostureView;

/**
 * The monthly posture report of one tenant: an XHTML page (template {@code report.html}) with server-side SVG
 * charts, the same page as PDF, and its delivery by e-mail to the tenant's admins with the PDF attached. Runs in
 * the caller's tenant scope; the scheduler calls it in the provider scope.
 */
@Service
public class MonthlyReports {
    private static final Logger log = LoggerFactory.getLogger(MonthlyReports.class);
    private static final Map<Severity, String> SEVERITY_COLOURS = Map.of(Severity.INFORMATIONAL, "#9aa5b1",
            Severity.LOW, "#56B4E9", Severity.MEDIUM, "#E69F00", Severity.HIGH, "#D55E00", Severity.CRITICAL, "#6b0f1a");

    private final PostureService posture;
    private final PeerBenchmarks peers;
    private final PostureReports history;
    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final ObjectProvider<JavaMailSender> mail;

    MonthlyReports(PostureService posture, PeerBenchmarks peers, PostureReports history, ITemplateEngine templates,
                   MessageSource messages, ObjectProvider<JavaMailSender> mail) {
        this.posture = posture;
        this.peers = peers;
        this.history = history;
        this.templates = templates;
        this.messages = messages;
        this.mail = mail;
    }

    /** A rendered report: the page, and the view it was made from. */
    public record Rendered(String html, PostureView view) {
    }

    /** The report as a well-formed XHTML page; {@code web} adds the links and history that only a browser needs. */
    public Rendered html(Tenant tenant, YearMonth month, boolean web, String pdfHref) {
        PostureView view = posture.month(tenant, month);
        Context context = new Context(Locale.UK);
        context.setVariable("view", view);
        context.setVariable("month", month);
        context.setVariable("monthLabel", month.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK)));
        context.setVariable("generated", Instant.now().atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        context.setVariable("fmt", PostureFormat.INSTANCE);
        context.setVariable("severities", Severity.values());
        context.setVariable("alertsChart", alertsChart(view));
        context.setVariable("responseChart", responseChart(view));
        context.setVariable("benchmarks", peers.compare(posture.headline(tenant,
                posture.figuresOf(tenant.getId(), Instant.now()), Instant.now())));
        context.setVariable("web", web);
        context.setVariable("pdfHref", pdfHref);
        context.setVariable("tenantParam", web ? tenant.getId() : null);
        context.setVariable("history", web ? history.history(tenant.getId()) : List.of());
        return new Rendered(templates.process("report", context), view);
    }

    public byte[] pdf(Tenant tenant, YearMonth month) {
        return HtmlToPdf.render(html(tenant, month, false, null).html(), "about:blank");
    }

    /** Generates the PDF, mails it to the tenant's admins and records the outcome; returns the delivery text. */
    public String send(String actor, Tenant tenant, YearMonth month) {
        Rendered rendered = html(tenant, month, false, null);
        byte[] pdf = HtmlToPdf.render(rendered.html(), "about:blank");
        List<String> recipients = history.recipients(tenant.getId());
        String delivery;
        JavaMailSender sender = mail.getIfAvailable();
        if (recipients.isEmpty()) {
            delivery = "not sent: no tenant admin with an e-mail address";
        } else if (sender == null) {
            delivery = "not sent: mail not configured";
        } else {
            try {
                MimeMessage message = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
                helper.setFrom(posture.properties().report().from());
                helper.setTo(recipients.toArray(String[]::new));
                String monthLabel = month.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK));
                helper.setSubject(messages.getMessage("report.mail.subject", new Object[] {tenant.getName(), monthLabel},
                        Locale.UK));
                Integer score = rendered.view().score().total();
                helper.setText(messages.getMessage("report.mail.body", new Object[] {tenant.getName(), monthLabel,
                        score == null ? "–" : score, rendered.view().incidents().openHigh()}, Locale.UK));
                helper.addAttachment("security-report-" + tenant.getId() + "-" + month + ".pdf",
                        new ByteArrayResource(pdf), "application/pdf");
                sender.send(message);
                delivery = "SENT";
            } catch (Exception e) {
                log.warn("Monthly report of {} for {} not sent: {}", tenant.getId(), month, e.toString());
                delivery = "not sent: " + e.getMessage();
            }
        }
        history.record(actor, tenant.getId(), month, rendered.view().score().total(), recipients, delivery, pdf.length);
        return delivery;
    }

    static String alertsChart(PostureView view) {
        List<String> labels = new ArrayList<>();
        for (LocalDate day : view.detection().buckets()) {
            labels.add(Integer.toString(day.getDayOfMonth()));
        }
        SvgChart chart = SvgChart.of("Alerts per day by severity", labels);
        for (Severity severity : Severity.values()) {
            chart.series(label(severity), view.detection().counts().get(severity))
                    .colour(label(severity), SEVERITY_COLOURS.get(severity));
        }
        return chart.bars();
    }

    static String responseChart(PostureView view) {
        Map<LocalDate, Double> acknowledge = new HashMap<>();
        Map<LocalDate, Double> resolve = new HashMap<>();
        for (MonthlyTimes t : view.incidents().acknowledge()) {
            acknowledge.put(t.month(), t.mean().toSeconds() / 60.0);
        }
        for (MonthlyTimes t : view.incidents().resolve()) {
            resolve.put(t.month(), t.mean().toSeconds() / 60.0);
        }
        LocalDate last = LocalDate.ofInstant(view.to().minusMillis(1), ZoneOffset.UTC).withDayOfMonth(1);
        List<String> labels = new ArrayList<>();
        List<Double> mtta = new ArrayList<>();
        List<Double> mttr = new ArrayList<>();
        for (int i = 5; i >= 0; i--) {
            LocalDate month = last.minusMonths(i);
            labels.add(month.format(DateTimeFormatter.ofPattern("MMM yy", Locale.UK)));
            mtta.add(acknowledge.get(month));
            mttr.add(resolve.get(month));
        }
        return SvgChart.of("Mean time to acknowledge and to resolve (minutes)", labels)
                .series("MTTA", mtta).series("MTTR", mttr).lines();
    }

    private static String label(Severity severity) {
        String name = severity.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
