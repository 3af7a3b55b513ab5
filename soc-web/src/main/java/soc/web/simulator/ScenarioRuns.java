package soc.web.simulator;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import soc.events.EventJson;
import soc.tenants.scope.TenantScope;

/**
 * Scenario runs (table {@code scenario_run}) and the alerts to score them against (table {@code alert}). Reads and
 * writes in the caller's tenant scope (row-level security); the simulator's own calls run in the platform scope.
 */
@Repository
class ScenarioRuns {
    static final String TRUTH_COLUMNS = "run_id, tenant_id, scenario, injected_at, match_on, window_from, window_to, "
            + "reference_at, expected::text as expected";
    static final String ALERTS_SQL = """
            select tenant_id, rule_id, rule_title, event_time, detected_at, received_at from alert
            where received_at >= ? and tenant_id in (select distinct tenant_id from scenario_run where injected_at >= ?)
            """;

    private final JdbcClient jdbc;

    ScenarioRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID save(ScenarioPlan plan, String actor) {
        UUID id = UUID.randomUUID();
        List<Map<String, Object>> events = new ArrayList<>();
        for (SimEvent e : plan.events()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", e.source().sourceName());
            m.put("time", e.time().toString());
            m.put("payload", e.payload());
            events.add(m);
        }
        TenantScope.run(TenantScope.ALL_TENANTS, () -> jdbc.sql("""
                        insert into scenario_run (run_id, tenant_id, scenario, injected_at, injected_by, match_on,
                            window_from, window_to, reference_at, expected, events, event_count, muted_source)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?)""")
                .params(id, plan.tenantId(), plan.scenario(), ts(plan.injectedAt()), actor, plan.matchOn().name(),
                        ts(plan.windowFrom()), ts(plan.windowTo()), ts(plan.referenceAt()), EventJson.write(plan.expected()),
                        EventJson.write(events), plan.events().size(), plan.mute() == null ? null : plan.mute().sourceName())
                .update());
        return id;
    }

    /** Ground truth of the runs injected since {@code since}, oldest first. */
    List<Scorer.RunTruth> truths(Instant since) {
        return jdbc.sql("select " + TRUTH_COLUMNS + " from scenario_run where injected_at >= ? order by injected_at")
                .param(ts(since)).query((rs, n) -> truth(rs)).list();
    }

    /** The alerts of the runs' tenants received since {@code since}. */
    List<Scorer.ProducedAlert> alerts(Instant since) {
        return jdbc.sql(ALERTS_SQL).params(ts(since.minusSeconds(60)), ts(since)).query((rs, n) -> alert(rs)).list();
    }

    /** The events of a run as sent (JSON), for the page. */
    String events(UUID runId) {
        return jdbc.sql("select events::text from scenario_run where run_id = ?").param(runId).query(String.class)
                .optional().orElse("[]");
    }

    static Scorer.RunTruth truth(java.sql.ResultSet rs) throws java.sql.SQLException {
        List<ExpectedAlert> expected = new ArrayList<>();
        for (Object item : EventJson.read(rs.getString("expected"), List.class)) {
            Map<?, ?> m = (Map<?, ?>) item;
            expected.add(new ExpectedAlert((String) m.get("ruleId"), (String) m.get("title"),
                    Boolean.TRUE.equals(m.get("required"))));
        }
        return new Scorer.RunTruth(rs.getObject("run_id", UUID.class), rs.getString("tenant_id"), rs.getString("scenario"),
                rs.getTimestamp("injected_at").toInstant(), ScenarioPlan.MatchOn.valueOf(rs.getString("match_on")),
                rs.getTimestamp("window_from").toInstant(), rs.getTimestamp("window_to").toInstant(),
                rs.getTimestamp("reference_at").toInstant(), expected);
    }

    static Scorer.ProducedAlert alert(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Scorer.ProducedAlert(rs.getString("tenant_id"), rs.getString("rule_id"), rs.getString("rule_title"),
                rs.getTimestamp("event_time").toInstant(), rs.getTimestamp("detected_at").toInstant(),
                rs.getTimestamp("received_at").toInstant());
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
