package soc.web.offboarding;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import soc.tenants.offboarding.Offboarding;
import soc.tenants.offboarding.TenantLifecycle;
import soc.tenants.tenants.Tenant;
import soc.web.onboarding.CollectorTopicProvisioning;
import soc.web.onboarding.OnboardingAccess;
import soc.web.security.SocUser;

/**
 * Offboarding: export everything of a tenant as a ZIP (streamed as it is read, so it needs no temporary space and
 * starts downloading at once), then delete it — PostgreSQL rows of every tenant table, its OpenSearch indices,
 * its collector topic — after revoking its ingest tokens. Onboarding officers and platform admins only; nobody on
 * the tenant's side, not even its tenant admin.
 */
@Controller
class OffboardingController {
    private static final Logger log = LoggerFactory.getLogger(OffboardingController.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final OnboardingAccess access;
    private final Offboarding offboarding;
    private final TenantLifecycle lifecycle;
    private final TenantArchive archive;
    private final TenantIndices indices;
    private final CollectorTopicProvisioning topics;

    OffboardingController(OnboardingAccess access, Offboarding offboarding, TenantLifecycle lifecycle,
                          TenantArchive archive, TenantIndices indices, CollectorTopicProvisioning topics) {
        this.access = access;
        this.offboarding = offboarding;
        this.lifecycle = lifecycle;
        this.archive = archive;
        this.indices = indices;
        this.topics = topics;
    }

    @GetMapping("/tenants/{id}/offboarding")
    String page(@AuthenticationPrincipal SocUser user, @PathVariable String id, Model model) {
        Tenant tenant = access.onboardingOnly(user, id);
        model.addAttribute("tenant", tenant);
        model.addAttribute("exports", offboarding.exports(id));
        try {
            model.addAttribute("indices", indices.indicesOf(id));
        } catch (IOException | RuntimeException e) {
            model.addAttribute("indicesUnavailable", true);
        }
        model.addAttribute("topic", CollectorTopicProvisioning.topicOf(id));
        model.addAttribute("topicExists", topics.exists(id).orElse(null));
        model.addAttribute("deletable", offboarding.deletionRefusal(id, id).isEmpty());
        model.addAttribute("deleteRefusal", offboarding.deletionRefusal(id, id).orElse(null));
        return "tenant-offboarding";
    }

    /** Streams the archive; the export counts as taken once it was written in full. */
    @PostMapping("/tenants/{id}/offboarding/export")
    void export(@AuthenticationPrincipal SocUser user, @PathVariable String id, HttpServletResponse response)
            throws IOException {
        access.onboardingOnly(user, id);
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + id + "-export-"
                + FILE_TIME.format(java.time.Instant.now()) + ".zip\"");
        response.setHeader("Cache-Control", "no-store");
        archive.write(user.getUsername(), id, response.getOutputStream());
    }

    @PostMapping("/tenants/{id}/offboarding/delete")
    String delete(@AuthenticationPrincipal SocUser user, @PathVariable String id,
                  @RequestParam(required = false) String confirmation, RedirectAttributes redirect) {
        access.onboardingOnly(user, id);
        Optional<String> refusal = offboarding.deletionRefusal(id, confirmation);
        if (refusal.isPresent()) {
            redirect.addFlashAttribute("deleteError", refusal.get());
            return "redirect:/tenants/" + id + "/offboarding";
        }
        String elsewhere;
        try {
            lifecycle.revokeIngestTokens(user.getUsername(), id);
            List<String> deletedIndices = indices.delete(id);
            boolean topicDeleted = topics.delete(id);
            elsewhere = "OpenSearch indices deleted " + deletedIndices + "; collector topic "
                    + (topicDeleted ? "deleted" : "absent");
        } catch (IOException | RuntimeException e) {
            log.warn("Offboarding of {}: deleting indices or topic failed", id, e);
            redirect.addFlashAttribute("deleteError", "Nothing deleted in PostgreSQL: OpenSearch or Kafka failed ("
                    + e.getMessage() + "). Try again.");
            return "redirect:/tenants/" + id + "/offboarding";
        }
        Map<String, Long> rows = offboarding.deleteRows(user.getUsername(), id, confirmation, elsewhere);
        redirect.addFlashAttribute("tenantDeleted", id);
        redirect.addFlashAttribute("tenantDeletedRows", rows.values().stream().mapToLong(Long::longValue).sum());
        return "redirect:/tenants";
    }
}
