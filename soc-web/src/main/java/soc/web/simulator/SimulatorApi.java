package soc.web.simulator;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;


/** JSON for the simulator: the score, and scenario injection (same roles as the page). */
@RestController
class SimulatorApi {
    private final Simulator simulator;

    SimulatorApi(Simulator simulator) {
        this.simulator = simulator;
    }

    @GetMapping("/api/v1/simulator/score")
    Scorer.Score score() {
        return simulator.score(SimulatorController.LOOKBACK);
    }

    record Injection(String scenario, String tenant) {
    }

    @PostMapping("/api/v1/simulator/runs")
    ResponseEntity<Map<String, Object>> inject(java.security.Principal user, @RequestBody Injection injection) {
        try {
            UUID run = simulator.inject(user.getName(), Scenario.byId(injection.scenario()), injection.tenant());
            return ResponseEntity.accepted().body(Map.of("runId", run.toString()));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
        }
    }
}
