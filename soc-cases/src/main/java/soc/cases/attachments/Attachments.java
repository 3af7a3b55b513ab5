package soc.cases.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import soc.cases.cases.CaseActor;
import soc.cases.cases.CaseNotFoundException;
import soc.cases.cases.CaseRuleException;
import soc.tenants.audit.AuditLog;

/**
 * Evidence files on cases: at most {@code soc.cases.attachments.max-size} each, stored in PostgreSQL with their SHA-256,
 * listed and downloaded by whoever may see the case (another tenant's case answers "not found"). Uploads and
 * downloads are audited; uploads appear on the case's timeline.
 */
@Service
public class Attachments {
    private final AttachmentStore store;
    private final AuditLog audit;
    private final AttachmentProperties properties;

    Attachments(AttachmentStore store, AuditLog audit, AttachmentProperties properties) {
        this.store = store;
        this.audit = audit;
        this.properties = properties;
    }

    public long maxBytes() {
        return properties.maxSize().toBytes();
    }

    /**
     * Stores an uploaded file. The declared size is checked first, then the bytes actually read, so an understated
     * size cannot slip a larger file through.
     */
    @Transactional
    public Attachment upload(CaseActor actor, long caseId, String filename, String contentType, long declaredSize,
                             InputStream content) {
        String tenantId = visibleCase(actor, caseId);
        long max = maxBytes();
        if (declaredSize > max) {
            throw tooLarge(max);
        }
        byte[] bytes = readAtMost(content, max);
        if (bytes.length == 0) {
            throw new CaseRuleException("attachment.error.empty", "Choose a file to attach: this one is empty");
        }
        String name = SafeFiles.filename(filename);
        String sha256 = sha256(bytes);
        long id = store.insert(caseId, tenantId, name, SafeFiles.contentType(contentType), bytes, sha256, actor.username());
        store.timeline(caseId, tenantId, actor.username(), name + " (SHA-256 " + sha256 + ")");
        audit.record(actor.username(), tenantId, "case.attachment.added",
                "case " + caseId + " attachment " + id + " " + name + " " + bytes.length + " bytes sha256 " + sha256);
        return store.find(caseId, id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Attachment> list(CaseActor actor, long caseId) {
        visibleCase(actor, caseId);
        return store.forCase(caseId);
    }

    @Transactional
    public AttachmentContent download(CaseActor actor, long caseId, long attachmentId) {
        visibleCase(actor, caseId);
        Attachment attachment = store.find(caseId, attachmentId).filter(a -> actor.mayActOn(a.tenantId()))
                .orElseThrow(() -> new CaseNotFoundException("Attachment"));
        audit.record(actor.username(), attachment.tenantId(), "case.attachment.downloaded",
                "case " + caseId + " attachment " + attachmentId + " " + attachment.filename());
        return new AttachmentContent(attachment, store.content(attachmentId));
    }

    private String visibleCase(CaseActor actor, long caseId) {
        return store.caseTenant(caseId).filter(actor::mayActOn).orElseThrow(() -> new CaseNotFoundException("Case"));
    }

    private CaseRuleException tooLarge(long max) {
        return new CaseRuleException("attachment.error.tooLarge",
                "The file is larger than the limit of " + megabytes(max) + " MB", megabytes(max));
    }

    private byte[] readAtMost(InputStream content, long max) {
        try (InputStream in = content) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw tooLarge(max);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the upload failed", e);
        }
    }

    static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb == Math.rint(mb) ? Long.toString((long) mb) : String.format(java.util.Locale.ROOT, "%.1f", mb);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
