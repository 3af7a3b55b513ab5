package soc.web.cases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import soc.cases.attachments.Attachment;
import soc.cases.attachments.AttachmentContent;
import soc.cases.attachments.Attachments;
import soc.cases.cases.CaseActor;
import soc.cases.cases.CaseFile;
import soc.cases.cases.CaseNotFoundException;
import soc.cases.cases.CaseRuleException;
import soc.cases.cases.Cases;
import soc.cases.links.CaseLink;
import soc.cases.links.CaseLinks;
import soc.cases.links.LinkKind;
import soc.cases.notifications.Notification;
import soc.cases.notifications.NotificationOutbox;
import soc.events.Severity;
import soc.web.security.SocUser;

/**
 * Evidence, links, severity and notifications of a case over JSON, with the pages' roles (SecurityConfiguration) and
 * tenant rules (another tenant's case: 404).
 */
@RestController
@Tag(name = "Case evidence", description = "Evidence files with SHA-256, links between cases, severity, notifications")
class CaseEvidenceApiController {
    private final Cases cases;
    private final Attachments attachments;
    private final CaseLinks links;
    private final NotificationOutbox outbox;

    CaseEvidenceApiController(Cases cases, Attachments attachments, CaseLinks links, NotificationOutbox outbox) {
        this.cases = cases;
        this.attachments = attachments;
        this.links = links;
        this.outbox = outbox;
    }

    @GetMapping("/api/v1/cases/{caseId}/attachments")
    @Operation(summary = "Evidence files of a case (name, type, size, SHA-256, who and when)")
    List<Attachment> attachments(@AuthenticationPrincipal SocUser user, @PathVariable String caseId) {
        return attachments.list(CaseActors.of(user), id(caseId));
    }

    @PostMapping("/api/v1/cases/{caseId}/attachments")
    @Operation(summary = "Attach an evidence file (multipart field 'file'; at most soc.cases.attachments.max-size)")
    Attachment upload(@AuthenticationPrincipal SocUser user, @PathVariable String caseId,
                      @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        CaseActor actor = CaseActors.of(user);
        long id = id(caseId);
        if (file == null || file.isEmpty()) {
            attachments.list(actor, id);
            throw new CaseRuleException("attachment.error.empty", "Send a non-empty file in the multipart field 'file'");
        }
        return attachments.upload(actor, id, file.getOriginalFilename(), file.getContentType(), file.getSize(),
                file.getInputStream());
    }

    @GetMapping("/api/v1/cases/{caseId}/attachments/{attachmentId}")
    @Operation(summary = "Download an evidence file (always as an attachment; header X-SOC-SHA256)")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal SocUser user, @PathVariable String caseId,
                                    @PathVariable String attachmentId) {
        AttachmentContent content = attachments.download(CaseActors.of(user), id(caseId), id(attachmentId));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.attachment().filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-SOC-SHA256", content.attachment().sha256())
                .contentType(MediaType.parseMediaType(content.attachment().contentType()))
                .body(content.content());
    }

    @GetMapping("/api/v1/cases/{caseId}/links")
    @Operation(summary = "Links of a case, both those it made and those made to it")
    List<CaseLink> links(@AuthenticationPrincipal SocUser user, @PathVariable String caseId) {
        return links.of(CaseActors.of(user), id(caseId));
    }

    @PostMapping("/api/v1/cases/{caseId}/links")
    @Operation(summary = "Link a case to another case of the same tenant",
            description = "{\"target\": 42, \"kind\": \"RELATED\" | \"DUPLICATE_OF\"}")
    List<CaseLink> link(@AuthenticationPrincipal SocUser user, @PathVariable String caseId,
                        @RequestBody(required = false) String body) {
        CaseActor actor = CaseActors.of(user);
        long id = id(caseId);
        links.of(actor, id);
        Map<String, Object> json = CasesApiController.json(body);
        links.link(actor, id, number(json.get("target")), parse(LinkKind.class, json.get("kind")));
        return links.of(actor, id);
    }

    @PostMapping("/api/v1/cases/{caseId}/severity")
    @Operation(summary = "Change the severity of an open case (raising it to HIGH or CRITICAL e-mails the tenant)",
            description = "{\"severity\": \"CRITICAL\"}")
    CaseFile severity(@AuthenticationPrincipal SocUser user, @PathVariable String caseId,
                      @RequestBody(required = false) String body) {
        CaseActor actor = CaseActors.of(user);
        long id = id(caseId);
        cases.view(actor, id);
        return cases.changeSeverity(actor, id, parse(Severity.class, CasesApiController.json(body).get("severity")));
    }

    @GetMapping("/api/v1/cases/{caseId}/notifications")
    @Operation(summary = "E-mails and webhooks about a case with their delivery status, attempts and last error")
    List<NotificationView> notifications(@AuthenticationPrincipal SocUser user, @PathVariable String caseId) {
        long id = id(caseId);
        cases.view(CaseActors.of(user), id);
        return outbox.forCase(id).stream().map(NotificationView::of).toList();
    }

    @ExceptionHandler(CaseNotFoundException.class)
    ResponseEntity<Map<String, String>> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not found"));
    }

    @ExceptionHandler(CaseRuleException.class)
    ResponseEntity<Map<String, String>> refused(CaseRuleException e) {
        return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(e.getMessage())));
    }

    /** A notification without its body (the e-mail text or webhook JSON). */
    record NotificationView(long id, String event, String channel, String recipient, String subject, String status,
                            int attempts, String lastError, java.time.Instant createdAt, java.time.Instant sentAt) {
        static NotificationView of(Notification n) {
            return new NotificationView(n.id(), n.event(), n.channel().name(), n.recipient(), n.subject(),
                    n.status().name(), n.attempts(), n.lastError(), n.createdAt(), n.sentAt());
        }
    }

    private static long id(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(value).strip().replaceFirst("^#", ""));
        } catch (NumberFormatException e) {
            throw new CaseRuleException("link.error.targetFormat", "Give the number of the other case as 'target'");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, Object value) {
        try {
            return value == null ? null : Enum.valueOf(type, String.valueOf(value));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
