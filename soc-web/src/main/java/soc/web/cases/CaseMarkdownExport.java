package soc.web.cases;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import soc.cases.alerts.AlertDetail;
import soc.cases.attachments.Attachment;
import soc.cases.cases.CaseFile;
import soc.cases.cases.CaseView;
import soc.cases.cases.TimelineItem;
import soc.cases.links.CaseLink;

/** A case as a Markdown document for the tenant's own records or ticketing system. Plain Java. */
public final class CaseMarkdownExport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private CaseMarkdownExport() {
    }

    public static String render(CaseView view, List<Attachment> attachments, List<CaseLink> links, Instant exportedAt) {
        CaseFile file = view.file();
        StringBuilder md = new StringBuilder();
        md.append("# Case #").append(file.caseId()).append(": ").append(inline(file.title())).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Tenant", file.tenantId());
        row(md, "Severity", file.severity().name());
        row(md, "Status", file.status().name());
        row(md, "Assignee", file.assignee() == null ? "nobody"
                : file.assignee() + " (" + file.assigneeSide().name().toLowerCase() + ")");
        row(md, "Opened", time(file.createdAt()));
        row(md, "Last change", time(file.updatedAt()));
        if (file.closedAt() != null) {
            row(md, "Closed", time(file.closedAt()));
        }
        row(md, "Root cause", file.rootCause() == null ? "-" : file.rootCause().name());
        md.append("\n## Resolution\n\n").append(file.resolution() == null ? "_Not resolved yet._" : file.resolution())
                .append("\n\n## Alerts\n\n");
        if (view.alerts().isEmpty()) {
            md.append("_No alerts: opened by hand._\n");
        } else {
            md.append("| Received | Severity | Rule | ATT&CK |\n|---|---|---|---|\n");
            for (AlertDetail alert : view.alerts()) {
                md.append("| ").append(time(alert.receivedAt())).append(" | ").append(alert.severity()).append(" | ")
                        .append(cell(alert.ruleTitle())).append(" | ").append(cell(String.join(", ", alert.techniques())))
                        .append(" |\n");
            }
        }
        md.append("\n## Evidence\n\n");
        if (attachments.isEmpty()) {
            md.append("_None._\n");
        } else {
            md.append("| File | Size (bytes) | SHA-256 | Added by | Added |\n|---|---|---|---|---|\n");
            for (Attachment a : attachments) {
                md.append("| ").append(cell(a.filename())).append(" | ").append(a.size()).append(" | `")
                        .append(a.sha256()).append("` | ").append(cell(a.uploadedBy())).append(" | ")
                        .append(time(a.uploadedAt())).append(" |\n");
            }
        }
        md.append("\n## Linked cases\n\n");
        if (links.isEmpty()) {
            md.append("_None._\n");
        } else {
            for (CaseLink link : links) {
                md.append("- ").append(link.direction().name().toLowerCase().replace('_', ' ')).append(" #")
                        .append(link.otherCaseId()).append(" ").append(inline(link.otherTitle())).append(" (")
                        .append(link.otherStatus()).append(")\n");
            }
        }
        md.append("\n## Timeline\n\n");
        for (TimelineItem item : view.timeline()) {
            md.append("- **").append(time(item.at())).append("** ")
                    .append(item.actor() == null ? "" : inline(item.actor()) + " ")
                    .append(item.kind().name().toLowerCase().replace('_', ' '));
            if (item.kind().name().equals("COMMENT")) {
                md.append(":\n\n").append(indent(item.text())).append("\n");
            } else {
                md.append(": ").append(inline(item.text())).append("\n");
            }
        }
        md.append("\n---\nExported ").append(time(exportedAt)).append(".\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(cell(value)).append(" |\n");
    }

    private static String time(Instant at) {
        return at == null ? "-" : TIME.format(at);
    }

    /** One line, with table pipes escaped. */
    private static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }

    private static String inline(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n]+", " ").strip();
    }

    /** A comment kept as written, indented under its list item so its own Markdown stays inside it. */
    private static String indent(String text) {
        return text == null ? "" : "    " + text.strip().replace("\r\n", "\n").replace("\n", "\n    ");
    }
}
