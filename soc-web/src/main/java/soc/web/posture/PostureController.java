package soc.web.posture;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
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

import soc.cases.metrics.CaseMetrics.TenantFigures;
import soc.tenants.posture.MaturityAssessments;
import soc.tenants.tenants.Tenant;
import soc.web.security.SocUser;
import soc.web.tenants.TenantAccess;

/**
 * The tenant admin's home (/posture): score and breakdown, coverage, detection, incidents, onboarding, maturity
 * self-assessment, ATT&CK map and anonymised benchmarks. Tenant users always see their own tenant whatever they ask
 * for; provider leads and admins pick a tenant with {@code ?tenant=}. The programme view (/programme) shows every
 * tenant side by side to SOC leads and platform admins only (roles in SecurityConfiguration).
 */
@Controller
class PostureController {
    private final PostureService posture;
    private final PeerBenchmarks peers;
    private final MaturityAssessments assessments;
    private final TenantAccess access;
    private final MessageSource messages;

    PostureController(PostureService posture, PeerBenchmarks peers, MaturityAssessments assessments,
                      TenantAccess access, MessageSource messages) {
        this.posture = posture;
        this.peers = peers;
        this.assessments = assessments;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/posture")
    String dashboard(@AuthenticationPrincipal SocUser user, @RequestParam(required = false) String tenant, Model model) {
        String tenantId = user.getRole().isTenantScoped() ? user.getTenantId() : tenant;
        if (tenantId == null || tenantId.isBlank()) {
            return "redirect:/programme";
        }
        Tenant found = posture.tenant(tenantId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Instant now = Instant.now();
        PostureView view = posture.dashboard(found, now);
        // the benchmark compares like with like: the tenant's headline figures over the same window as its peers'
        PostureService.Headline own = posture.headline(found, posture.figuresOf(found.getId(), now), now);
        model.addAttribute("view", view);
        model.addAttribute("benchmarks", peers.compare(own));
        model.addAttribute("provider", !user.getRole().isTenantScoped());
        model.addAttribute("questions", MaturityModel.QUESTIONS);
        model.addAttribute("functions", MaturityModel.Function.values());
        model.addAttribute("levels", List.of(0, 1, 2, 3, 4));
        model.addAttribute("fmt", PostureFormat.INSTANCE);
        model.addAttribute("severities", soc.events.Severity.values());
        model.addAttribute("headline", own);
        return "posture";
    }

    @PostMapping("/posture/{id}/assessment")
    String submit(@AuthenticationPrincipal SocUser user, @PathVariable String id,
                  @RequestParam Map<String, String> form, RedirectAttributes redirect, Locale locale) {
        access.requireVisible(user, id);
        posture.tenant(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (MaturityModel.Question question : MaturityModel.QUESTIONS) {
            String value = form.get("q-" + question.id());
            if (value != null && !value.isBlank()) {
                try {
                    int level = Integer.parseInt(value.trim());
                    if (level >= 0 && level <= MaturityModel.MAX_LEVEL) {
                        scores.put(question.id(), level);
                    }
                } catch (NumberFormatException ignored) {
                    // not a level: left unanswered
                }
            }
        }
        if (scores.isEmpty()) {
            redirect.addFlashAttribute("error", messages.getMessage("maturity.empty", null, locale));
        } else {
            assessments.submit(user.getUsername(), id, scores);
            redirect.addFlashAttribute("notice", messages.getMessage("maturity.saved",
                    new Object[] {scores.size(), MaturityModel.percent(scores)}, locale));
        }
        return user.getRole().isTenantScoped() ? "redirect:/posture#maturity" : "redirect:/posture?tenant=" + id + "#maturity";
    }

    @GetMapping("/programme")
    String programme(Model model) {
        model.addAttribute("rows", programmeRows());
        model.addAttribute("fmt", PostureFormat.INSTANCE);
        return "programme";
    }

    List<PostureService.Headline> programmeRows() {
        Instant now = Instant.now();
        Map<String, TenantFigures> figures = posture.figures(now);
        return posture.allTenants().stream()
                .map(tenant -> posture.headline(tenant, figures.get(tenant.getId()), now))
                .sorted(Comparator.comparing(PostureService.Headline::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }
}
