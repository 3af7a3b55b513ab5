package soc.cases.sources;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import soc.events.Alert;
import soc.events.EventJson;
import soc.events.Ids;
import soc.events.Severity;
import soc.events.Topics;
import soc.tenants.scope.TenantScope;
import soc.tenants.sources.Criticality;
import soc.tenants.sources.Source;
import soc.tenants.sources.SourceService;

/**
 * Raises a "silent source" alert when a source that used to send events has sent none for longer than its
 * threshold: a silenced firewall or a stopped collector is itself a security event. One alert per silence
 * (the id derives from the source and its last event), so every web instance may run the check.
 */
@Component
public class SilentSourceMonitor {
    public static final String RULE_ID = "soc-silent-source";
    private static final Logger log = LoggerFactory.getLogger(SilentSourceMonitor.class);

    private final SourceService sources;
    private final KafkaTemplate<String, String> kafka;
    private final Clock clock = Clock.systemUTC();

    SilentSourceMonitor(SourceService sources, KafkaTemplate<String, String> kafka) {
        this.sources = sources;
        this.kafka = kafka;
    }

    @Scheduled(fixedDelayString = "${soc.cases.silent-source-check:PT1M}", initialDelayString = "PT30S")
    public void check() {
        Instant now = clock.instant();
        List<Source> silent = TenantScope.call(TenantScope.ALL_TENANTS, () -> sources.silentAt(now));
        for (Source source : silent) {
            Alert alert = alertFor(source, now);
            kafka.send(Topics.ALERTS, alert.tenantId(), EventJson.write(alert)).join();
        }
        if (!silent.isEmpty()) {
            log.info("{} silent source(s) reported", silent.size());
        }
    }

    static Alert alertFor(Source source, Instant now) {
        Severity severity = source.getCriticality() == Criticality.CRITICAL || source.getCriticality() == Criticality.HIGH
                ? Severity.HIGH : Severity.MEDIUM;
        String id = Ids.of(RULE_ID, source.getId().toString(), String.valueOf(source.getLastEventAt()));
        return new Alert(id, source.getTenantId(), RULE_ID, "Silent data source", "SOC platform team", severity,
                List.of("T1562"), List.of(),
                Map.of("source.name", source.getName(), "source.type", source.getType().name(),
                        "last_event", String.valueOf(source.getLastEventAt()),
                        "silent_after_minutes", Integer.toString(source.getSilentAfterMinutes())),
                Ids.of(source.getTenantId(), RULE_ID, source.getId().toString()), source.getLastEventAt(), now);
    }

}
