package soc.web.simulator;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./soc score}: reads the scenario runs and the alerts from PostgreSQL and prints recall, precision and
 * latency per scenario and per tenant. Plain JDBC, no Spring context: it starts in a second.
 *
 * <pre>
 * java -cp soc-web-exec.jar -Dloader.main=soc.web.simulator.ScoreMain \
 *      org.springframework.boot.loader.launch.PropertiesLauncher \
 *      --url jdbc:postgresql://localhost:15432/soc --user soc_app --password ... [--hours 24]
 * </pre>
 */
public final class ScoreMain {
    private ScoreMain() {
    }

    public static void main(String[] args) throws SQLException {
        String url = "jdbc:postgresql://localhost:15432/soc";
        String user = "soc_app";
        String password = System.getenv().getOrDefault("SOC_DB_APP_PASSWORD", "soc_app_local");
        Duration lookback = Duration.ofDays(3650);
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--user" -> user = args[i + 1];
                case "--password" -> password = args[i + 1];
                case "--hours" -> lookback = Duration.ofHours(Long.parseLong(args[i + 1]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (expected --url, --user, --password, --hours)");
            }
        }
        Instant since = Instant.now().minus(lookback);
        Connection open;
        try {
            open = DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            System.err.println("Cannot connect to PostgreSQL at " + url + " (" + e.getMessage()
                    + "): is the platform running (./soc start --demo)?");
            System.exit(1);
            return;
        }
        try (Connection connection = open) {
            try (PreparedStatement scope = connection.prepareStatement("select set_config('soc.tenant_scope', '*', false)")) {
                scope.execute(); // the platform scope: every tenant's rows (row-level security)
            }
            List<Scorer.RunTruth> truths = new ArrayList<>();
            try (PreparedStatement q = connection.prepareStatement("select " + ScenarioRuns.TRUTH_COLUMNS
                    + " from scenario_run where injected_at >= ? order by injected_at")) {
                q.setTimestamp(1, Timestamp.from(since));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        truths.add(ScenarioRuns.truth(rs));
                    }
                }
            }
            List<Scorer.ProducedAlert> alerts = new ArrayList<>();
            try (PreparedStatement q = connection.prepareStatement(ScenarioRuns.ALERTS_SQL)) {
                q.setTimestamp(1, Timestamp.from(since.minusSeconds(60)));
                q.setTimestamp(2, Timestamp.from(since));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        alerts.add(ScenarioRuns.alert(rs));
                    }
                }
            }
            if (truths.isEmpty()) {
                System.out.println("No scenario runs yet: ./soc run --demo injects one every two minutes, or use the"
                        + " Simulator page.");
                return;
            }
            System.out.print(ScoreTable.render(Scorer.score(truths, alerts, Instant.now())));
        }
    }
}
