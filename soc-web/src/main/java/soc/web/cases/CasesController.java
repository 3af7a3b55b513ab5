package soc.web.cases;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import soc.cases.cases.CaseActor;
import soc.cases.cases.CaseFile;
import soc.cases.cases.CaseNotFoundException;
import soc.cases.cases.CaseRuleException;
import soc.cases.cases.CaseStatus;
import soc.cases.cases.CaseView;
import soc.cases.cases.Cases;
import soc.cases.cases.RootCause;
import soc.events.Severity;
import soc.web.security.SocUser;

/**
 * Cases: the list and a case's page with its alerts, timeline, comments, status workflow and assignment.
 * The provider's analysts, leads and platform admins work every tenant's cases; tenant admins and analysts see
 * and comment on their own tenant's cases, and tenant analysts may also move them through the workflow (hybrid
 * service model). Roles are checked in SecurityConfiguration, the tenant by the service (404 for another tenant's
 * case) and by row-level security.
 */
@Controller
class CasesController {
    private final Cases cases;
    private final MessageSource messages;
    private final CaseEvidenceSection evidence;
    private final CaseResponseSection response;

    CasesController(Cases cases, MessageSource messages, CaseEvidenceSection evidence, CaseResponseSection response) {
        this.cases = cases;
        this.messages = messages;
        this.evidence = evidence;
        this.response = response;
    }

    @GetMapping("/cases")
    String list(@AuthenticationPrincipal SocUser user, @RequestParam(required = false) String tenant,
                @RequestParam(required = false, defaultValue = "false") boolean open, Model model) {
        CaseActor actor = CaseActors.of(user);
        List<CaseFile> files = cases.list(actor, tenant, open);
        model.addAttribute("cases", files.stream().map(CaseRow::of).toList());
        response.addToList(model, actor, files, tenant);
        model.addAttribute("tenant", actor.tenantId() == null ? tenant : null);
        model.addAttribute("openOnly", open);
        model.addAttribute("severities", Severity.values());
        return "cases";
    }

    @PostMapping("/cases")
    String create(@AuthenticationPrincipal SocUser user, @RequestParam(required = false) String tenantId,
                  @RequestParam(required = false) String title, @RequestParam(required = false) String severity,
                  RedirectAttributes redirect, Locale locale) {
        try {
            CaseFile file = cases.create(CaseActors.of(user), tenantId, title, parse(Severity.class, severity));
            redirect.addFlashAttribute("notice", messages.getMessage("case.created", new Object[] {file.caseId()}, locale));
            return "redirect:/cases/" + file.caseId();
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", message(e, locale));
            return "redirect:/cases";
        }
    }

    @GetMapping("/cases/{caseId}")
    String view(@AuthenticationPrincipal SocUser user, @PathVariable String caseId, Model model) {
        CaseView view = cases.view(CaseActors.of(user), id(caseId));
        model.addAttribute("view", view);
        model.addAttribute("file", view.file());
        model.addAttribute("nextStatuses", java.util.Arrays.stream(CaseStatus.values())
                .filter(s -> view.file().status().canMoveTo(s)).toList());
        model.addAttribute("rootCauses", RootCause.values());
        evidence.addTo(model, CaseActors.of(user), view.file().caseId());
        response.addTo(model, CaseActors.of(user), view.file());
        return "case";
    }

    @PostMapping("/cases/{caseId}/comments")
    String comment(@AuthenticationPrincipal SocUser user, @PathVariable String caseId,
                   @RequestParam(required = false) String text, RedirectAttributes redirect, Locale locale) {
        long id = id(caseId);
        try {
            cases.comment(CaseActors.of(user), id, text);
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", message(e, locale));
        }
        return "redirect:/cases/" + id + "#timeline";
    }

    @PostMapping("/cases/{caseId}/status")
    String status(@AuthenticationPrincipal SocUser user, @PathVariable String caseId,
                  @RequestParam(required = false) String status, @RequestParam(required = false) String resolution,
                  @RequestParam(required = false) String rootCause, RedirectAttributes redirect, Locale locale) {
        long id = id(caseId);
        try {
            cases.changeStatus(CaseActors.of(user), id, parse(CaseStatus.class, status), resolution,
                    parse(RootCause.class, rootCause));
            redirect.addFlashAttribute("notice", messages.getMessage("case.statusChanged", null, locale));
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", message(e, locale));
            redirect.addFlashAttribute("resolution", resolution);
        }
        return "redirect:/cases/" + id;
    }

    @PostMapping("/cases/{caseId}/assign")
    String assignToMe(@AuthenticationPrincipal SocUser user, @PathVariable String caseId,
                      RedirectAttributes redirect, Locale locale) {
        long id = id(caseId);
        try {
            cases.assign(CaseActors.of(user), id, user.getUsername());
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", message(e, locale));
        }
        return "redirect:/cases/" + id;
    }

    /** Another tenant's case, or none: the same answer, so other tenants' case ids cannot be confirmed. */
    @ExceptionHandler(CaseNotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    private String message(CaseRuleException e, Locale locale) {
        return messages.getMessage(e.getCode(), e.getArgs(), e.getMessage(), locale);
    }

    private static long id(String caseId) {
        try {
            return Long.parseLong(caseId);
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A line of the case list, with the case's age in whole hours and days. */
    record CaseRow(CaseFile file, long ageDays, long ageHours) {
        static CaseRow of(CaseFile file) {
            Instant end = file.closedAt() != null ? file.closedAt() : Instant.now();
            Duration age = Duration.between(file.createdAt(), end);
            return new CaseRow(file, age.toDays(), age.toHoursPart());
        }
    }
}
