package soc.web.cases;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import soc.cases.cases.CaseNotFoundException;
import soc.cases.cases.CaseRuleException;
import soc.cases.observables.ObservableKind;
import soc.cases.observables.Observables;
import soc.cases.playbooks.CaseType;
import soc.cases.playbooks.Playbooks;
import soc.web.security.SocUser;

/**
 * Playbook tasks (done/undone: the provider's case workers and, hybrid model, tenant analysts), the case type and
 * observables (added, changed and removed by the provider's case workers) on a case. Roles in SecurityConfiguration; the tenant by the services
 * (404 for another tenant's case) and row-level security.
 */
@Controller
class CaseResponseController {
    private final Playbooks playbooks;
    private final Observables observables;
    private final MessageSource messages;

    CaseResponseController(Playbooks playbooks, Observables observables, MessageSource messages) {
        this.playbooks = playbooks;
        this.observables = observables;
        this.messages = messages;
    }

    @PostMapping("/cases/{caseId}/tasks/{taskId}")
    String task(@AuthenticationPrincipal SocUser user, @PathVariable String caseId, @PathVariable String taskId,
                @RequestParam(required = false, defaultValue = "true") boolean done, RedirectAttributes redirect,
                Locale locale) {
        long id = id(caseId);
        try {
            playbooks.setDone(CaseActors.of(user), id, id(taskId), done);
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", message(e, locale));
        }
        return "redirect:/cases/" + id + "#playbook";
    }

    @PostMapping("/cases/{caseId}/type")
    String type(@AuthenticationPrincipal SocUser user, @PathVariable String caseId,
                @RequestParam(required = false) String type, RedirectAttributes redirect, Locale locale) {
        long id = id(caseId);
        try {
            playbooks.changeType(CaseActors.of(user), id, parse(CaseType.class, type));
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", message(e, locale));
        }
        return "redirect:/cases/" + id + "#playbook";
    }

    @PostMapping("/cases/{caseId}/observables")
    String observable(@AuthenticationPrincipal SocUser user, @PathVariable String caseId,
                      @RequestParam(required = false) String kind, @RequestParam(required = false) String value,
                      RedirectAttributes redirect, Locale locale) {
        long id = id(caseId);
        try {
            observables.add(CaseActors.of(user), id, parse(ObservableKind.class, kind), value);
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", message(e, locale));
        }
        return "redirect:/cases/" + id + "#observables";
    }

    @PostMapping("/cases/{caseId}/observables/{observableId}")
    String editObservable(@AuthenticationPrincipal SocUser user, @PathVariable String caseId,
                          @PathVariable String observableId, @RequestParam(required = false) String kind,
                          @RequestParam(required = false) String value, RedirectAttributes redirect, Locale locale) {
        long id = id(caseId);
        try {
            observables.edit(CaseActors.of(user), id, id(observableId), parse(ObservableKind.class, kind), value);
            redirect.addFlashAttribute("notice", messages.getMessage("observables.changed", null, locale));
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", message(e, locale));
        }
        return "redirect:/cases/" + id + "#observables";
    }

    @PostMapping("/cases/{caseId}/observables/{observableId}/delete")
    String removeObservable(@AuthenticationPrincipal SocUser user, @PathVariable String caseId,
                            @PathVariable String observableId, RedirectAttributes redirect, Locale locale) {
        long id = id(caseId);
        try {
            observables.remove(CaseActors.of(user), id, id(observableId));
            redirect.addFlashAttribute("notice", messages.getMessage("observables.removed", null, locale));
        } catch (CaseRuleException e) {
            redirect.addFlashAttribute("error", message(e, locale));
        }
        return "redirect:/cases/" + id + "#observables";
    }

    /** Another tenant's case, or none: the same answer. */
    @ExceptionHandler(CaseNotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    private String message(CaseRuleException e, Locale locale) {
        return messages.getMessage(e.getCode(), e.getArgs(), e.getMessage(), locale);
    }

    static long id(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
