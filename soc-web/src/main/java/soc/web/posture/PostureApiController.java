package soc.web.posture;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import soc.tenants.tenants.Tenant;
import soc.web.security.SocUser;

/**
 * Posture over JSON, with the same rules as the pages: tenant users get their own tenant's posture whatever they
 * ask for; the programme (every tenant) is for SOC leads and platform admins (SecurityConfiguration).
 */
@RestController
@Tag(name = "Posture", description = "Posture score, coverage and response figures; the programme view")
class PostureApiController {
    private final PostureService posture;
    private final PeerBenchmarks peers;
    private final PostureController pages;

    PostureApiController(PostureService posture, PeerBenchmarks peers, PostureController pages) {
        this.posture = posture;
        this.peers = peers;
        this.pages = pages;
    }

    @GetMapping("/api/v1/posture")
    @Operation(summary = "A tenant's posture: score with breakdown, coverage, incidents, benchmarks against peers")
    Map<String, Object> posture(@AuthenticationPrincipal SocUser user, @RequestParam(required = false) String tenant) {
        String tenantId = user.getRole().isTenantScoped() ? user.getTenantId() : tenant;
        if (tenantId == null || tenantId.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "tenant is required");
        }
        Tenant found = posture.tenant(tenantId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Instant now = Instant.now();
        PostureView view = posture.dashboard(found, now);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenantId", view.tenantId());
        body.put("score", view.score().total());
        Map<String, Object> parts = new LinkedHashMap<>();
        view.score().components().forEach(c -> parts.put(c.part().name().toLowerCase(), c.score()));
        body.put("components", parts);
        body.put("coverage", Map.of("sourcesPlanned", view.coverage().planned(), "sourcesConnected", view.coverage().connected(),
                "sourcesSilent", view.coverage().silent(), "itAssets", view.coverage().itAssets(),
                "itAssetsWithTelemetry", view.coverage().itWithTelemetry(), "otAssets", view.coverage().otAssets(),
                "otAssetsWithTelemetry", view.coverage().otWithTelemetry()));
        body.put("alerts", view.detection().total());
        body.put("openCases", view.incidents().openTotal());
        body.put("openHighCases", view.incidents().openHigh());
        body.put("humanErrorPercent", view.incidents().humanErrorPercent());
        body.put("onboarding", Map.of("stage", view.onboarding().stage().name(), "done", view.onboarding().done(),
                "total", view.onboarding().total()));
        body.put("maturityPercent", view.maturity().percent());
        body.put("observedTechniques", view.attack().observed());
        body.put("benchmarks", peers.compare(posture.headline(found, posture.figuresOf(found.getId(), now), now)));
        return body;
    }

    @GetMapping("/api/v1/programme")
    @Operation(summary = "Every tenant side by side (SOC leads and platform admins)")
    List<Map<String, Object>> programme() {
        return pages.programmeRows().stream().map(row -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("tenantId", row.tenantId());
            item.put("name", row.name());
            item.put("kind", row.kind().name());
            item.put("stage", row.stage().name());
            item.put("score", row.score());
            item.put("coverage", row.coverage());
            item.put("openHighCases", row.openHighCases());
            item.put("slaCompliancePercent", row.slaCompliance());
            Duration mtta = row.meanAcknowledge();
            item.put("meanAcknowledgeSeconds", mtta == null ? null : mtta.toSeconds());
            item.put("maturityPercent", row.maturity());
            return item;
        }).toList();
    }
}
