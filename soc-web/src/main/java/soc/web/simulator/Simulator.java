package soc.web.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import soc.tenants.audit.AuditLog;
import soc.tenants.scope.TenantScope;
import soc.web.simulator.Estate.Organisation;

/**
 * The simulator: provisions the estate, sends its background traffic, injects scenarios with their ground truth, and
 * scores runs. Scenario injection works whether or not the background traffic runs (the demo starts it).
 */
@Service
public class Simulator implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(Simulator.class);
    static final String ACTOR = "simulator";
    private static final Duration HEARTBEAT = Duration.ofSeconds(60);

    private final SimulatorProperties settings;
    private final EstateRegistrar registrar;
    private final Sender sender;
    private final ScenarioRuns runs;
    private final AuditLog audit;
    private final Estate estate;
    private final BackgroundTraffic traffic;
    private final Map<String, EstateRegistrar.Feeds> feeds = new ConcurrentHashMap<>();
    private final Map<String, Organisation> known = new ConcurrentHashMap<>();
    private final AtomicLong injections = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(3, r -> {
        Thread thread = new Thread(r, "simulator");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;

    Simulator(SimulatorProperties settings, EstateRegistrar registrar, Sender sender, ScenarioRuns runs, AuditLog audit) {
        this.settings = settings;
        this.registrar = registrar;
        this.sender = sender;
        this.runs = runs;
        this.audit = audit;
        this.estate = Estate.generate(settings.seed(), settings.publicBodies(), settings.manufacturers());
        this.traffic = new BackgroundTraffic(estate, settings.seed());
        estate.organisations().forEach(o -> known.put(o.id(), o));
    }

    /** Points the simulator at an ingest service other than the configured one (tests: a free port). */
    public void useIngest(String url) {
        sender.ingestUrl(url);
    }

    /** The configured estate. */
    public Estate estate() {
        return estate;
    }

    /** Organisations scenarios can be injected into: the estate's, and any provisioned since (tests). */
    public List<Organisation> organisations() {
        return known.values().stream().sorted(java.util.Comparator.comparing(Organisation::id)).toList();
    }

    /** Registers what is missing of these organisations and makes them ready to receive simulated events. */
    public void provision(String actor, List<Organisation> organisations) {
        organisations.forEach(o -> known.put(o.id(), o));
        feeds.putAll(registrar.register(actor, organisations));
    }

    /** Background traffic and, every {@code scenarioEvery}, a scenario against a random organisation. */
    synchronized void startTraffic() {
        if (running) {
            return;
        }
        running = true;
        scheduler.execute(this::startWhenIngestIsReady);
    }

    /** The demo starts the web application first: nothing is sent (and lost) before the ingest service is ready. */
    private void startWhenIngestIsReady() {
        long waited = 0;
        while (!sender.ingestReady() && !Thread.currentThread().isInterrupted() && waited < 600) {
            sleep(2);
            waited += 2;
        }
        scheduler.scheduleWithFixedDelay(this::tick, 0, 1, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::heartbeat, 5, HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
        long every = settings.scenarioEvery().toSeconds();
        if (every > 0) {
            Random random = new Random(settings.seed());
            scheduler.scheduleWithFixedDelay(() -> scheduledScenario(random), Math.min(every, 30), every, TimeUnit.SECONDS);
        }
        log.info("Simulator: {} organisations, {} events/s at peak, a scenario every {} s, seed {}",
                estate.organisations().size(), settings.eventsPerSecond(), every, settings.seed());
    }

    private static void sleep(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Injects a scenario into an organisation now: sends its events (or mutes its source), records the run with its
     * ground truth, and audits it.
     *
     * @throws IllegalArgumentException for an unknown organisation or a scenario that does not apply to it
     */
    public UUID inject(String actor, Scenario scenario, String tenantId) {
        Organisation organisation = known.get(tenantId);
        if (organisation == null) {
            throw new IllegalArgumentException("Not in the simulated estate: " + tenantId);
        }
        if (!scenario.appliesTo(organisation)) {
            throw new IllegalArgumentException("Scenario " + scenario.id() + " does not apply to " + tenantId);
        }
        if (!feeds.containsKey(tenantId)) {
            provision(actor, List.of(organisation));
        }
        Instant now = clock.instant();
        ScenarioPlan plan = scenario.plan(organisation, now, settings.seed() * 31 + injections.incrementAndGet());
        if (plan.mute() != null) {
            // the source must have been connected before it can fall silent
            sender.send(List.of(traffic.event(organisation, plan.mute(), now.minusMillis(500))), feeds);
            traffic.mute(tenantId, plan.mute(), true);
            scheduler.schedule(() -> traffic.mute(tenantId, plan.mute(), false), plan.muteFor().toSeconds(), TimeUnit.SECONDS);
        }
        UUID runId = runs.save(plan, actor);
        // each event leaves at its own time stamp, as the attack would unfold
        for (SimEvent event : plan.events()) {
            long delay = Math.max(0, Duration.between(clock.instant(), event.time()).toMillis());
            scheduler.schedule(() -> sender.send(List.of(event), feeds), delay, TimeUnit.MILLISECONDS);
        }
        TenantScope.run(TenantScope.ALL_TENANTS, () -> audit.record(actor, tenantId, "simulator.scenario-injected",
                scenario.id() + " (" + plan.events().size() + " events, run " + runId + ")"));
        log.info("Scenario {} injected into {}: {} events, expecting {}", scenario.id(), tenantId, plan.events().size(),
                plan.expected().stream().filter(ExpectedAlert::required).map(ExpectedAlert::title).toList());
        return runId;
    }

    /** The score of the runs injected within {@code lookback}. */
    public Scorer.Score score(Duration lookback) {
        Instant since = clock.instant().minus(lookback);
        return TenantScope.call(TenantScope.ALL_TENANTS, () -> Scorer.score(runs.truths(since), runs.alerts(since),
                clock.instant()));
    }

    long eventsSent() {
        return sent.get();
    }

    private void tick() {
        try {
            Instant now = clock.instant();
            int count = traffic.countFor(now, settings.eventsPerSecond());
            if (count > 0) {
                sent.addAndGet(sender.send(traffic.next(now, count), feeds));
            }
        } catch (RuntimeException e) {
            log.debug("Simulator traffic tick failed: {}", e.toString());
        }
    }

    /** Keeps every source (above all the branch firewalls with their short silence threshold) from falling silent. */
    private void heartbeat() {
        try {
            Instant now = clock.instant();
            List<SimEvent> events = new ArrayList<>();
            for (Organisation o : estate.organisations()) {
                for (SimSource source : SimSource.values()) {
                    if (source.appliesTo(o) && !traffic.muted(o.id(), source)) {
                        events.add(traffic.event(o, source, now));
                    }
                }
            }
            sent.addAndGet(sender.send(events, feeds));
        } catch (RuntimeException e) {
            log.debug("Simulator heartbeat failed: {}", e.toString());
        }
    }

    private void scheduledScenario(Random random) {
        try {
            Scenario scenario = Scenario.values()[random.nextInt(Scenario.values().length)];
            List<Organisation> fitting = estate.organisations().stream().filter(scenario::appliesTo)
                    .filter(o -> feeds.containsKey(o.id())).toList();
            if (!fitting.isEmpty()) {
                inject(ACTOR, scenario, fitting.get(random.nextInt(fitting.size())).id());
            }
        } catch (RuntimeException e) {
            log.warn("Scheduled scenario failed: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
