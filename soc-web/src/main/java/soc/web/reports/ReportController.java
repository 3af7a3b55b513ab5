package soc.web.reports;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import soc.tenants.tenants.Tenant;
import soc.web.posture.PostureService;
import soc.web.security.SocUser;

/**
 * The monthly report of a tenant as a page ({@code /posture/report?month=2026-11}) or PDF ({@code .pdf} or
 * {@code format=pdf}). Tenant users always get their own tenant's; provider leads and admins name one with
 * {@code tenant=}. The month defaults to the last complete one.
 */
@Controller
class ReportController {
    private final MonthlyReports reports;
    private final PostureService posture;

    ReportController(MonthlyReports reports, PostureService posture) {
        this.reports = reports;
        this.posture = posture;
    }

    @GetMapping("/posture/report")
    ResponseEntity<?> report(@AuthenticationPrincipal SocUser user, @RequestParam(required = false) String tenant,
                             @RequestParam(required = false) String month,
                             @RequestParam(required = false) String format) {
        if ("pdf".equalsIgnoreCase(format)) {
            return pdf(user, tenant, month);
        }
        Tenant found = tenantOf(user, tenant);
        YearMonth ym = month(month);
        UriComponentsBuilder pdfLink = UriComponentsBuilder.fromPath("/posture/report.pdf").queryParam("month", ym);
        if (!user.getRole().isTenantScoped()) {
            pdfLink.queryParam("tenant", found.getId());
        }
        String html = reports.html(found, ym, true, pdfLink.toUriString()).html();
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(html);
    }

    @GetMapping("/posture/report.pdf")
    ResponseEntity<?> pdf(@AuthenticationPrincipal SocUser user, @RequestParam(required = false) String tenant,
                          @RequestParam(required = false) String month) {
        Tenant found = tenantOf(user, tenant);
        YearMonth ym = month(month);
        byte[] pdf = reports.pdf(found, ym);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("security-report-" + found.getId() + "-" + ym + ".pdf").build().toString())
                .body(pdf);
    }

    private Tenant tenantOf(SocUser user, String requested) {
        String tenantId = user.getRole().isTenantScoped() ? user.getTenantId() : requested;
        if (tenantId == null || tenantId.isBlank()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return posture.tenant(tenantId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        }
        try {
            return YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "month must be YYYY-MM");
        }
    }
}
