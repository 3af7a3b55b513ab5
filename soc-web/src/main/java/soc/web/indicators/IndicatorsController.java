package soc.web.indicators;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import soc.cases.indicators.Indicator;
import soc.cases.indicators.IndicatorException;
import soc.cases.indicators.Indicators;
import soc.cases.indicators.NewIndicator;
import soc.events.ThreatIndicator;
import soc.web.security.SocUser;

/**
 * Threat indicators (provider roles only, see SecurityConfiguration): list, add one, paste CSV, expire, delete.
 * Every change is audited and published to soc-detect's live set by {@link Indicators}.
 */
@Controller
class IndicatorsController {
    private static final int PAGE = 500;
    private final Indicators indicators;

    IndicatorsController(Indicators indicators) {
        this.indicators = indicators;
    }

    @GetMapping("/indicators")
    String list(@RequestParam(required = false) String tenant, Model model) {
        model.addAttribute("indicators", indicators.list(tenant, PAGE));
        model.addAttribute("tenant", tenant);
        model.addAttribute("types", ThreatIndicator.Type.values());
        model.addAttribute("now", Instant.now());
        return "indicators";
    }

    @PostMapping("/indicators")
    String add(@AuthenticationPrincipal SocUser user, @RequestParam(required = false) String tenantId,
               @RequestParam(required = false) String type, @RequestParam(required = false) String value,
               @RequestParam(required = false) String source, @RequestParam(required = false) String description,
               @RequestParam(required = false) String expires, RedirectAttributes redirect) {
        try {
            ThreatIndicator.Type t = type == null || type.isBlank() ? null : ThreatIndicator.Type.valueOf(type);
            Instant expiry = IndicatorsApiController.expiry(expires);
            Indicator saved = indicators.add(user.getUsername(), new NewIndicator(tenantId, t, value, source,
                    description, expiry));
            redirect.addFlashAttribute("indicatorAdded", saved.type() + " " + saved.value());
        } catch (IndicatorException | IllegalArgumentException e) {
            redirect.addFlashAttribute("indicatorError", e.getMessage());
        }
        return "redirect:/indicators";
    }

    @PostMapping("/indicators/import")
    String importCsv(@AuthenticationPrincipal SocUser user, @RequestParam(required = false) String tenantId,
                     @RequestParam(required = false) String source, @RequestParam(required = false) String csv,
                     RedirectAttributes redirect) {
        try {
            Indicators.ImportResult result = indicators.importCsv(user.getUsername(), tenantId,
                    source == null || source.isBlank() ? "csv import" : source, csv);
            redirect.addFlashAttribute("importOutcome", new ImportOutcome(result.imported(), result.errors()));
        } catch (IndicatorException e) {
            redirect.addFlashAttribute("indicatorError", e.getMessage());
        }
        return "redirect:/indicators";
    }

    @PostMapping("/indicators/{indicatorId}/expire")
    String expire(@AuthenticationPrincipal SocUser user, @PathVariable String indicatorId) {
        visible(indicatorId);
        indicators.expire(user.getUsername(), indicatorId);
        return "redirect:/indicators";
    }

    @PostMapping("/indicators/{indicatorId}/delete")
    String delete(@AuthenticationPrincipal SocUser user, @PathVariable String indicatorId) {
        visible(indicatorId);
        indicators.delete(user.getUsername(), indicatorId);
        return "redirect:/indicators";
    }

    private void visible(String indicatorId) {
        if (indicators.find(indicatorId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** What a CSV paste did, for the page after the redirect. */
    public record ImportOutcome(int imported, List<String> errors) implements Serializable {
        public ImportOutcome {
            errors = new ArrayList<>(errors);
        }
    }
}
