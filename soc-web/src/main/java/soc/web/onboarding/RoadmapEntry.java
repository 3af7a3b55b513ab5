package soc.web.onboarding;

import java.util.Locale;
import java.util.List;

import org.springframework.context.MessageSource;

import soc.tenants.discovery.Recommendation;

/** A roadmap recommendation with its texts (from messages.properties), as the page and the REST API show it. */
public record RoadmapEntry(String code, String rule, String sourceType, String priority, String status,
                           boolean automatic, String detail, String title, String rationale) {

    static List<RoadmapEntry> of(List<Recommendation> roadmap, MessageSource messages) {
        return roadmap.stream().map(r -> of(r, messages)).toList();
    }

    static RoadmapEntry of(Recommendation r, MessageSource messages) {
        Locale locale = Locale.ENGLISH;
        String sourceLabel = r.sourceType() == null ? ""
                : messages.getMessage("sourceType." + r.sourceType(), null, r.sourceType().name(), locale);
        String detail = r.detail() == null ? "" : r.detail();
        String title = messages.getMessage("roadmap." + r.rule() + ".title", new Object[] {sourceLabel, detail},
                r.code(), locale);
        String why = r.sourceType() == null
                ? messages.getMessage("roadmap." + r.rule() + ".why", new Object[] {detail}, "", locale)
                : messages.getMessage("roadmap." + r.rule() + ".why." + r.sourceType(), new Object[] {detail},
                        messages.getMessage("roadmap." + r.rule() + ".why", new Object[] {sourceLabel}, "", locale), locale);
        if (r.rule() == Recommendation.Rule.CONNECT_SOURCE) {
            String state = r.automatic() ? messages.getMessage("roadmap.source.connected", new Object[] {detail}, "", locale)
                    : r.detail() != null ? messages.getMessage("roadmap.source.registered", new Object[] {detail}, "", locale)
                    : messages.getMessage("roadmap.source.missing", null, "", locale);
            why = why + " " + state;
        }
        return new RoadmapEntry(r.code(), r.rule().name(), r.sourceType() == null ? null : r.sourceType().name(),
                r.priority().name(), r.status().name(), r.automatic(), r.detail(), title, why.strip());
    }
}
