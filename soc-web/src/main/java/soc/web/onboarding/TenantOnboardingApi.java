package soc.web.onboarding;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import soc.events.EventJson;
import soc.tenants.discovery.Discovery;
import soc.tenants.discovery.DiscoveryAnswers;
import soc.tenants.discovery.DiscoveryResponse;
import soc.tenants.discovery.Roadmap;
import soc.tenants.discovery.RoadmapStatus;
import soc.tenants.offboarding.StatusTransitions;
import soc.tenants.offboarding.TenantLifecycle;
import soc.tenants.tenants.Tenant;
import soc.tenants.tenants.TenantStatus;
import soc.web.security.SocUser;

/**
 * REST API of a tenant's status, discovery questionnaire and roadmap, with the same checks as the pages.
 * Bodies are read only after the access check (as text, then parsed), so a caller without access learns
 * nothing from how a malformed body would have been answered.
 */
@RestController
@RequestMapping("/api/v1/tenants/{id}")
@Tag(name = "Onboarding", description = "A tenant's status, discovery questionnaire and roadmap (docs/onboarding.md)")
class TenantOnboardingApi {
    private final OnboardingAccess access;
    private final TenantLifecycle lifecycle;
    private final Discovery discovery;
    private final Roadmap roadmap;
    private final MessageSource messages;

    TenantOnboardingApi(OnboardingAccess access, TenantLifecycle lifecycle, Discovery discovery, Roadmap roadmap,
                        MessageSource messages) {
        this.access = access;
        this.lifecycle = lifecycle;
        this.discovery = discovery;
        this.roadmap = roadmap;
        this.messages = messages;
    }

    record StatusView(String tenantId, TenantStatus status, List<TenantStatus> allowedNext) {
        static StatusView of(String tenantId, TenantStatus status) {
            return new StatusView(tenantId, status, StatusTransitions.from(status).stream().sorted().toList());
        }
    }

    record StatusChange(TenantStatus status, String reason) {
    }

    record RoadmapChange(RoadmapStatus status) {
    }

    record Submission(long id, String answeredBy, Instant answeredAt, DiscoveryAnswers answers) {
        static Submission of(DiscoveryResponse r) {
            return new Submission(r.id(), r.answeredBy(), r.answeredAt(), r.answers());
        }
    }

    @Operation(summary = "The tenant's status and the statuses it may change to")
    @GetMapping("/status")
    StatusView status(@AuthenticationPrincipal SocUser user, @PathVariable String id) {
        Tenant tenant = access.visible(user, id);
        return StatusView.of(id, tenant.getStatus());
    }

    @Operation(summary = "Change the tenant's status (onboarding officers, platform admins)",
            description = "{\"status\": \"OFFBOARDED\", \"reason\": \"contract ended\"}; 409 with the reason when not allowed. "
                    + "Going live needs the checklist item Go-live approved; offboarding revokes every ingest token.")
    @PostMapping("/status")
    ResponseEntity<?> changeStatus(@AuthenticationPrincipal SocUser user, @PathVariable String id,
                                   @RequestBody(required = false) String body) {
        access.onboardingOnly(user, id);
        StatusChange change = parse(body, StatusChange.class);
        try {
            TenantStatus now = lifecycle.changeStatus(user.getUsername(), id, change.status(), change.reason());
            return ResponseEntity.ok(StatusView.of(id, now));
        } catch (IllegalArgumentException e) {
            return error(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    @Operation(summary = "The latest discovery questionnaire and every earlier submission")
    @GetMapping("/discovery")
    Map<String, Object> discovery(@AuthenticationPrincipal SocUser user, @PathVariable String id) {
        access.visible(user, id);
        List<Submission> history = discovery.history(id).stream().map(Submission::of).toList();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("tenantId", id);
        view.put("latest", history.isEmpty() ? null : history.get(0));
        view.put("history", history);
        return view;
    }

    @Operation(summary = "Submit the discovery questionnaire (officers, or the tenant's admin)",
            description = "JSON fields: firewallVendor, edrProduct, siemProduct, windowsAd, m365Entra, dns, proxy, vpn, "
                    + "emailGateway (NOT_IN_USE|NOT_LOGGED|LOGGED_LOCALLY|CENTRALISED), mfa (NONE|PRIVILEGED_ONLY|"
                    + "REMOTE_AND_PRIVILEGED|ALL_USERS), offlineBackups, restoreTested (NEVER|OVER_A_YEAR_AGO|WITHIN_A_YEAR), "
                    + "otPresent, plcScada, historian, otSensor, outOfHours (NONE|ON_CALL|STAFFED_24_7), securityStaff. "
                    + "Answers 201 with the new roadmap.")
    @PostMapping("/discovery")
    ResponseEntity<?> answer(@AuthenticationPrincipal SocUser user, @PathVariable String id,
                             @RequestBody(required = false) String body) {
        access.discoveryEditable(user, id);
        DiscoveryForm form = parse(body, DiscoveryForm.class);
        discovery.submit(user.getUsername(), id, form.toAnswers());
        return ResponseEntity.status(HttpStatus.CREATED).body(RoadmapEntry.of(roadmap.of(id), messages));
    }

    @Operation(summary = "The roadmap of recommended improvements, open items first, then by priority")
    @GetMapping("/roadmap")
    List<RoadmapEntry> roadmap(@AuthenticationPrincipal SocUser user, @PathVariable String id) {
        access.visible(user, id);
        return RoadmapEntry.of(roadmap.of(id), messages);
    }

    @Operation(summary = "Set a recommendation's status", description = "{\"status\": \"PLANNED\"} (OPEN, PLANNED or DONE)")
    @PostMapping("/roadmap/{code}")
    ResponseEntity<?> setRoadmapStatus(@AuthenticationPrincipal SocUser user, @PathVariable String id,
                                       @PathVariable String code, @RequestBody(required = false) String body) {
        access.discoveryEditable(user, id);
        RoadmapChange change = parse(body, RoadmapChange.class);
        if (change.status() == null) {
            return error(HttpStatus.BAD_REQUEST, "status is required: OPEN, PLANNED or DONE");
        }
        try {
            roadmap.setStatus(user.getUsername(), id, code, change.status());
        } catch (IllegalArgumentException e) {
            return error(HttpStatus.NOT_FOUND, e.getMessage());
        }
        return ResponseEntity.ok(RoadmapEntry.of(roadmap.of(id), messages));
    }

    private static <T> T parse(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.BAD_REQUEST, "JSON body required");
        }
        try {
            return EventJson.mapper().readValue(body, type);
        } catch (RuntimeException e) {
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "Not a valid " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
