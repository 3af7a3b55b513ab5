package soc.web.cases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import soc.cases.attachments.Attachment;
import soc.cases.attachments.AttachmentContent;
import soc.cases.attachments.Attachments;
import soc.cases.cases.CaseActor;
import soc.cases.cases.CaseNotFoundException;
import soc.cases.cases.CaseRuleException;
import soc.cases.cases.CaseView;
import soc.cases.cases.Cases;
import soc.cases.links.CaseLinks;
import soc.cases.links.LinkKind;
import soc.events.Severity;
import soc.web.security.SocUser;

/**
 * A case's evidence files, links to other cases of the same tenant, severity changes, and its export as Markdown and
 * PDF. Roles are checked in SecurityConfiguration (evidence upload, downloads and exports for everyone who sees the
 * case; links and severity for the provider's case workers); the tenant by the services (404 for another tenant's
 * case) and row-level security.
 */
@Controller
class CaseEvidenceController {
    private final Cases cases;
    private final Attachments attachments;
    private final CaseLinks links;
    private final CaseExport export;
    private final MessageSource messages;

    CaseEvidenceController(Cases cases, Attachments attachments, CaseLinks links, CaseExport export,
                           MessageSource messages) {
        this.cases = cases;
        this.attachments = attachments;
        this.links = links;
        this.export = export;
        this.messages = messages;
    }

    @PostMapping("/cases/{caseId}/severity")
    String severity(@AuthenticationPrincipal SocUser user, @PathVariable String caseId,
                    @RequestParam(required = false) String severity, RedirectAttributes redirect, Locale locale) {
        long id = id(caseId);
        try {
            cases.changeSeverity(CaseActors.of(user), id, parseSeverity(severity));
            redirect.addFlashAttribute("notice", messages.getMessage("case.severityChanged", null, locale));
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", message(e, locale));
        }
        return "redirect:/cases/" + id;
    }

    @PostMapping("/cases/{caseId}/attachments")
    String upload(@AuthenticationPrincipal SocUser user, @PathVariable String caseId,
                  @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect,
                  Locale locale) throws IOException {
        long id = id(caseId);
        CaseActor actor = CaseActors.of(user);
        if (file == null || file.isEmpty()) {
            // still answers "not found" for another tenant's case before saying anything about the file
            attachments.list(actor, id);
            redirect.addFlashAttribute("error", messages.getMessage("attachment.error.empty", null, locale));
            return "redirect:/cases/" + id + "#evidence";
        }
        try {
            Attachment added = attachments.upload(actor, id, file.getOriginalFilename(), file.getContentType(),
                    file.getSize(), file.getInputStream());
            redirect.addFlashAttribute("notice", messages.getMessage("attachment.added",
                    new Object[] {added.filename(), added.sha256()}, locale));
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", message(e, locale));
        }
        return "redirect:/cases/" + id + "#evidence";
    }

    @GetMapping("/cases/{caseId}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal SocUser user, @PathVariable String caseId,
                                    @PathVariable String attachmentId) {
        AttachmentContent content = attachments.download(CaseActors.of(user), id(caseId), id(attachmentId));
        Attachment attachment = content.attachment();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("X-SOC-SHA256", attachment.sha256())
                .contentType(MediaType.parseMediaType(attachment.contentType()))
                .body(content.content());
    }

    @PostMapping("/cases/{caseId}/links")
    String link(@AuthenticationPrincipal SocUser user, @PathVariable String caseId,
                @RequestParam(required = false) String target, @RequestParam(required = false) String kind,
                RedirectAttributes redirect, Locale locale) {
        long id = id(caseId);
        try {
            long targetId = parseTarget(target);
            links.link(CaseActors.of(user), id, targetId, parseKind(kind));
            redirect.addFlashAttribute("notice", messages.getMessage("link.added", new Object[] {targetId}, locale));
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", message(e, locale));
        }
        return "redirect:/cases/" + id + "#links";
    }

    @PostMapping("/cases/{caseId}/links/{linkId}/delete")
    String unlink(@AuthenticationPrincipal SocUser user, @PathVariable String caseId, @PathVariable String linkId,
                  RedirectAttributes redirect, Locale locale) {
        long id = id(caseId);
        links.unlink(CaseActors.of(user), id, id(linkId));
        redirect.addFlashAttribute("notice", messages.getMessage("link.removed", null, locale));
        return "redirect:/cases/" + id + "#links";
    }

    @GetMapping("/cases/{caseId}/export.md")
    ResponseEntity<String> exportMarkdown(@AuthenticationPrincipal SocUser user, @PathVariable String caseId) {
        long id = id(caseId);
        CaseActor actor = CaseActors.of(user);
        CaseView view = cases.view(actor, id);
        String markdown = CaseMarkdownExport.render(view, attachments.list(actor, id), links.of(actor, id), Instant.now());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("case-" + id + ".md").build().toString())
                .contentType(new MediaType("text", "markdown", StandardCharsets.UTF_8))
                .body(markdown);
    }

    @GetMapping("/cases/{caseId}/export.pdf")
    ResponseEntity<byte[]> exportPdf(@AuthenticationPrincipal SocUser user, @PathVariable String caseId, Locale locale) {
        long id = id(caseId);
        byte[] pdf = export.pdf(CaseActors.of(user), id, locale);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("case-" + id + ".pdf").build().toString())
                .contentType(MediaType.APPLICATION_PDF)
                .body(pdf);
    }

    /** Another tenant's case, or none: the same answer, so other tenants' ids cannot be confirmed. */
    @ExceptionHandler(CaseNotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    private String message(CaseRuleException e, Locale locale) {
        return messages.getMessage(e.getCode(), e.getArgs(), e.getMessage(), locale);
    }

    private static long id(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static long parseTarget(String target) {
        String digits = target == null ? "" : target.strip().replaceFirst("^#", "");
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new CaseRuleException("link.error.targetFormat", "Give the number of the other case");
        }
    }

    private static Severity parseSeverity(String value) {
        try {
            return value == null || value.isBlank() ? null : Severity.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LinkKind parseKind(String value) {
        try {
            return value == null || value.isBlank() ? null : LinkKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
