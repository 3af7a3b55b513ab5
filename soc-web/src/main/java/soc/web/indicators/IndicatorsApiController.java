package soc.web.indicators;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import soc.cases.indicators.Indicator;
import soc.cases.indicators.IndicatorException;
import soc.cases.indicators.Indicators;
import soc.cases.indicators.NewIndicator;
import soc.events.ThreatIndicator;
import soc.web.security.SocUser;

/** REST API of threat indicators, same roles as the page (provider roles). */
@RestController
@Tag(name = "Threat indicators", description = "IP/CIDR, domain, URL and hash indicators matched live by detection (provider roles)")
@RequestMapping("/api/v1/indicators")
class IndicatorsApiController {
    private final Indicators indicators;

    IndicatorsApiController(Indicators indicators) {
        this.indicators = indicators;
    }

    /** JSON body of an added indicator; tenantId null for global, expires yyyy-mm-dd or an ISO instant. */
    record IndicatorRequest(String tenantId, ThreatIndicator.Type type, String value, String source,
                            String description, String expires) {
    }

    /** JSON body of a CSV import. */
    record ImportRequest(String tenantId, String source, String csv) {
    }

    @Operation(summary = "Indicators, newest first", description = "tenant=<id> or tenant=global narrows the list.")
    @GetMapping
    List<Indicator> list(@RequestParam(required = false) String tenant,
                         @RequestParam(defaultValue = "500") int limit) {
        return indicators.list(tenant, Math.max(1, Math.min(limit, 5000)));
    }

    @Operation(summary = "One indicator")
    @GetMapping("/{indicatorId}")
    Indicator get(@PathVariable String indicatorId) {
        return indicators.find(indicatorId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @Operation(summary = "Add an indicator (or update source, description and expiry of the same tenant, type and value)",
            description = "tenantId null: global. expires: yyyy-mm-dd or an ISO instant. Live in detection within seconds.")
    @PostMapping
    ResponseEntity<Indicator> add(@AuthenticationPrincipal SocUser user, @RequestBody IndicatorRequest request) {
        Indicator saved = indicators.add(user.getUsername(), new NewIndicator(request.tenantId(), request.type(),
                request.value(), request.source(), request.description(), expiry(request.expires())));
        return ResponseEntity.status(HttpStatus.CREATED).body(saved);
    }

    @Operation(summary = "Import CSV lines type,value[,source][,description][,expires]", description = "Refused lines are listed by number.")
    @PostMapping("/import")
    Indicators.ImportResult importCsv(@AuthenticationPrincipal SocUser user, @RequestBody ImportRequest request) {
        return indicators.importCsv(user.getUsername(), request.tenantId(),
                request.source() == null ? "csv import" : request.source(), request.csv());
    }

    @Operation(summary = "Stop matching now (kept for the record)")
    @PostMapping("/{indicatorId}/expire")
    Indicator expire(@AuthenticationPrincipal SocUser user, @PathVariable String indicatorId) {
        get(indicatorId);
        return indicators.expire(user.getUsername(), indicatorId);
    }

    @Operation(summary = "Delete (tombstone on the indicators topic)")
    @DeleteMapping("/{indicatorId}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal SocUser user, @PathVariable String indicatorId) {
        get(indicatorId);
        indicators.delete(user.getUsername(), indicatorId);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(IndicatorException.class)
    ResponseEntity<java.util.Map<String, String>> refused(IndicatorException e) {
        return ResponseEntity.badRequest().body(java.util.Map.of("error", e.getMessage()));
    }

    static Instant expiry(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            return t.length() == 10 ? LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new IndicatorException("bad expiry '" + t + "' (yyyy-mm-dd or an ISO instant)");
        }
    }
}
