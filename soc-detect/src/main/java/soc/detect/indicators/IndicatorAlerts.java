package soc.detect.indicators;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import soc.events.Alert;
import soc.events.Ids;
import soc.events.Severity;
import soc.events.SocEvent;

/** Turns indicator hits into "Threat indicator match" alerts, the indicator in the key fields. */
public final class IndicatorAlerts {
    public static final String RULE_ID = "soc-threat-indicator";
    public static final String TITLE = "Threat indicator match";
    public static final String AUTHOR = "SOC platform team";
    private static final List<String> EVENT_FIELDS = List.of("host.name", "user.name", "source.ip", "destination.ip",
            "destination.port", "dns.question.name", "url.full", "url.original", "process.executable",
            "file.path", "event.action");

    private IndicatorAlerts() {
    }

    public static List<Alert> alerts(IndicatorSet indicators, SocEvent event, Instant now) {
        if (event.tenantId() == null || event.eventId() == null) {
            return List.of();
        }
        List<IndicatorSet.Hit> hits = indicators.match(event, now);
        if (hits.isEmpty()) {
            return List.of();
        }
        Instant eventTime;
        try {
            eventTime = event.timestamp();
        } catch (RuntimeException e) {
            eventTime = now;
        }
        List<Alert> alerts = new ArrayList<>(hits.size());
        for (IndicatorSet.Hit hit : hits) {
            Map<String, String> keyFields = new LinkedHashMap<>();
            keyFields.put("indicator.type", hit.indicator().type().name());
            keyFields.put("indicator.value", hit.indicator().value());
            keyFields.put("indicator.source", hit.indicator().source() == null ? "" : hit.indicator().source());
            if (hit.indicator().description() != null) {
                keyFields.put("indicator.description", hit.indicator().description());
            }
            keyFields.put("indicator.scope", hit.indicator().tenantId() == null ? "global" : "tenant");
            keyFields.put("indicator.matched_field", hit.field());
            for (String f : EVENT_FIELDS) {
                String v = event.getString(f);
                if (v != null) {
                    keyFields.putIfAbsent(f, v.length() > 512 ? v.substring(0, 512) : v);
                }
            }
            alerts.add(new Alert(Ids.of("indicator", hit.indicator().indicatorId(), event.eventId()), event.tenantId(),
                    RULE_ID, TITLE, AUTHOR, Severity.HIGH, List.of(), List.of(event.eventId()), keyFields,
                    Ids.of(event.tenantId(), RULE_ID, hit.indicator().type().name(), hit.indicator().value()),
                    eventTime, now));
        }
        return alerts;
    }
}
