package soc.web.cases;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import soc.cases.attachments.Attachment;
import soc.cases.attachments.Attachments;
import soc.cases.cases.CaseActor;
import soc.cases.cases.CaseView;
import soc.cases.cases.Cases;
import soc.cases.links.CaseLink;
import soc.cases.links.CaseLinks;
import soc.web.pdf.HtmlToPdf;

/** A case as a printable PDF: the case-print template (XHTML) rendered by {@link HtmlToPdf}. */
@Component
class CaseExport {
    private final Cases cases;
    private final Attachments attachments;
    private final CaseLinks links;
    private final ITemplateEngine templates;

    CaseExport(Cases cases, Attachments attachments, CaseLinks links, ITemplateEngine templates) {
        this.cases = cases;
        this.attachments = attachments;
        this.links = links;
        this.templates = templates;
    }

    byte[] pdf(CaseActor actor, long caseId, Locale locale) {
        CaseView view = cases.view(actor, caseId);
        return render(templates, locale, view, attachments.list(actor, caseId), links.of(actor, caseId), Instant.now());
    }

    /** The print template (XHTML) filled with the case, rendered to PDF. */
    static byte[] render(ITemplateEngine templates, Locale locale, CaseView view, List<Attachment> attachments,
                         List<CaseLink> links, Instant exportedAt) {
        Context context = new Context(locale);
        context.setVariable("view", view);
        context.setVariable("file", view.file());
        context.setVariable("attachments", attachments);
        context.setVariable("caseLinks", links);
        context.setVariable("exportedAt", exportedAt);
        context.setVariable("markdown", new CommentMarkdown());
        String xhtml = templates.process("case-print", context);
        return HtmlToPdf.render(xhtml, "about:blank");
    }
}
