package soc.web.cases;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import soc.cases.attachments.Attachments;
import soc.cases.cases.CaseActor;
import soc.cases.links.CaseLinks;
import soc.cases.links.LinkKind;
import soc.cases.notifications.NotificationOutbox;
import soc.events.Severity;

/** The case page's evidence, links and notifications sections (model attributes for case.html). */
@Component
public class CaseEvidenceSection {
    private final Attachments attachments;
    private final CaseLinks links;
    private final NotificationOutbox notifications;
    private final CommentMarkdown markdown;

    CaseEvidenceSection(Attachments attachments, CaseLinks links, NotificationOutbox notifications,
                        CommentMarkdown markdown) {
        this.attachments = attachments;
        this.links = links;
        this.notifications = notifications;
        this.markdown = markdown;
    }

    public void addTo(Model model, CaseActor actor, long caseId) {
        model.addAttribute("attachments", attachments.list(actor, caseId));
        model.addAttribute("maxUploadMb", Math.max(1, attachments.maxBytes() / (1024 * 1024)));
        model.addAttribute("caseLinks", links.of(actor, caseId));
        model.addAttribute("linkKinds", LinkKind.values());
        model.addAttribute("notifications", notifications.forCase(caseId));
        model.addAttribute("allSeverities", Severity.values());
        model.addAttribute("commentMarkdown", markdown);
    }
}
