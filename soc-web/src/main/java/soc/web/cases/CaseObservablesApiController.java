package soc.web.cases;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import soc.cases.cases.CaseActor;
import soc.cases.cases.CaseNotFoundException;
import soc.cases.cases.CaseRuleException;
import soc.cases.observables.CaseObservable;
import soc.cases.observables.ObservableKind;
import soc.cases.observables.Observables;
import soc.web.security.SocUser;

/**
 * A case's observables over JSON: add, change, remove. Same roles as the case page's forms (the provider's case
 * workers, SecurityConfiguration) and the same tenant rule: another tenant's case or an observable of another case
 * answers 404, and the body is read only after the case was found visible. Every change is on the case's timeline
 * and in the audit log (soc.cases.observables.Observables).
 */
@RestController
@Tag(name = "Cases", description = "Cases with SLA timers, playbook tasks, observables; monthly response figures")
class CaseObservablesApiController {
    private final Observables observables;

    CaseObservablesApiController(Observables observables) {
        this.observables = observables;
    }

    @PostMapping("/api/v1/cases/{caseId}/observables")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an observable to a case",
            description = "{\"kind\": \"IP|DOMAIN|HASH|USER|HOST\", \"value\": \"...\"}; answers the case's observables.")
    List<CaseObservable> add(@AuthenticationPrincipal SocUser user, @PathVariable String caseId,
                             @RequestBody(required = false) String body) {
        CaseActor actor = CaseActors.of(user);
        long id = CaseResponseController.id(caseId);
        observables.list(actor, id); // 404 before the body is looked at
        Map<String, Object> json = CasesApiController.json(body);
        observables.add(actor, id, CaseResponseController.parse(ObservableKind.class, text(json, "kind")),
                text(json, "value"));
        return observables.list(actor, id);
    }

    @PostMapping("/api/v1/cases/{caseId}/observables/{observableId}")
    @Operation(summary = "Change an observable's kind and value",
            description = "{\"kind\": \"IP\", \"value\": \"...\"}; refused on a closed case or when the case already "
                    + "has the new value. Answers the case's observables.")
    List<CaseObservable> edit(@AuthenticationPrincipal SocUser user, @PathVariable String caseId,
                              @PathVariable String observableId, @RequestBody(required = false) String body) {
        CaseActor actor = CaseActors.of(user);
        long id = CaseResponseController.id(caseId);
        observables.list(actor, id);
        Map<String, Object> json = CasesApiController.json(body);
        observables.edit(actor, id, CaseResponseController.id(observableId),
                CaseResponseController.parse(ObservableKind.class, text(json, "kind")), text(json, "value"));
        return observables.list(actor, id);
    }

    @DeleteMapping("/api/v1/cases/{caseId}/observables/{observableId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove an observable from a case", description = "Refused on a closed case.")
    void remove(@AuthenticationPrincipal SocUser user, @PathVariable String caseId, @PathVariable String observableId) {
        observables.remove(CaseActors.of(user), CaseResponseController.id(caseId),
                CaseResponseController.id(observableId));
    }

    @ExceptionHandler(CaseNotFoundException.class)
    ResponseEntity<Map<String, String>> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not found"));
    }

    @ExceptionHandler({CaseRuleException.class, IllegalArgumentException.class})
    ResponseEntity<Map<String, String>> refused(RuntimeException e) {
        return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(e.getMessage())));
    }

    private static String text(Map<String, Object> json, String key) {
        Object value = json.get(key);
        return value == null ? null : String.valueOf(value);
    }
}
