package soc.web.simulator;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;


/** The Simulator page (platform admins, SOC leads): scenarios, injection, runs with expected versus produced alerts. */
@Controller
class SimulatorController {
    static final Duration LOOKBACK = Duration.ofDays(1);
    private static final int SHOWN_RUNS = 50;

    private final Simulator simulator;

    SimulatorController(Simulator simulator) {
        this.simulator = simulator;
    }

    @GetMapping("/simulator")
    String page(Model model) {
        Scorer.Score score = simulator.score(LOOKBACK);
        model.addAttribute("scenarios", Scenario.values());
        model.addAttribute("organisations", simulator.organisations());
        model.addAttribute("score", score);
        model.addAttribute("scenarioRows", score.scenarios().stream().map(SimulatorController::cells).toList());
        model.addAttribute("tenantRows", score.tenants().stream().map(SimulatorController::cells).toList());
        model.addAttribute("totalRow", cells(score.total()));
        model.addAttribute("runs", score.runs().stream()
                .sorted(Comparator.comparing((Scorer.RunScore r) -> r.run().injectedAt()).reversed())
                .limit(SHOWN_RUNS).toList());
        model.addAttribute("table", ScoreTable.render(score));
        return "simulator";
    }

    @PostMapping("/simulator/runs")
    String inject(java.security.Principal user, @RequestParam String scenario, @RequestParam String tenant,
                  RedirectAttributes redirect) {
        try {
            simulator.inject(user.getName(), Scenario.byId(scenario), tenant);
            redirect.addFlashAttribute("injected", scenario + " → " + tenant);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/simulator";
    }

    /** One table row's cells, formatted as in the text table. */
    private static List<String> cells(Scorer.Row row) {
        return List.of(ScoreTable.cells(row));
    }
}
