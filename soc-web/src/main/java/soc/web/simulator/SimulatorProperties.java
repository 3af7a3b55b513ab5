package soc.web.simulator;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated estate and its traffic ({@code ./soc run --demo}, {@code ./soc simulate}). The estate is registered
 * and the traffic flows when the demo is enabled ({@code soc.web.demo.enabled}); scenarios can be injected from the
 * Simulator page either way.
 *
 * @param seed            makes the estate, the traffic and the scenario schedule reproducible
 * @param eventsPerSecond background events per second at the daily peak (about a fifth at night)
 * @param publicBodies    councils and fire and rescue services in the estate (at most 24)
 * @param manufacturers   manufacturers with factory OT (at most 4)
 * @param ingestUrl       the ingest service's HTTP API
 * @param syslogHost      the ingest service's syslog receiver (UDP)
 * @param syslogPort      its port; 0 sends the firewalls' syslog over HTTP instead
 * @param scenarioEvery   in demo mode, a random scenario against a random organisation this often; zero: never
 */
@ConfigurationProperties("soc.simulator")
public record SimulatorProperties(@DefaultValue("42") long seed,
                                  @DefaultValue("20") double eventsPerSecond,
                                  @DefaultValue("20") int publicBodies,
                                  @DefaultValue("2") int manufacturers,
                                  @DefaultValue("http://localhost:18081") String ingestUrl,
                                  @DefaultValue("127.0.0.1") String syslogHost,
                                  @DefaultValue("15514") int syslogPort,
                                  @DefaultValue("PT2M") Duration scenarioEvery) {
}
