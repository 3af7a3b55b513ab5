package soc.web.simulator;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import soc.tenants.assets.Asset;
import soc.tenants.assets.AssetService;
import soc.tenants.assets.AssetSpec;
import soc.tenants.scope.TenantScope;
import soc.tenants.sources.Criticality;
import soc.tenants.sources.IngestMethod;
import soc.web.onboarding.CollectorTopicProvisioning;
import soc.tenants.sources.IngestTokens;
import soc.tenants.sources.Source;
import soc.tenants.sources.SourceAddresses;
import soc.tenants.sources.SourceService;
import soc.tenants.sources.SourceSpec;
import soc.tenants.sources.SourceType;
import soc.tenants.tenants.TenantKind;
import soc.tenants.tenants.TenantService;
import soc.web.simulator.Estate.Host;
import soc.web.simulator.Estate.Organisation;

/**
 * Registers the simulated estate through the soc-tenants services: tenants, their sources (with the firewall's
 * syslog sender address) and assets (address ranges, OT zones and Purdue levels). Idempotent: what exists (found by
 * tenant id, source name, asset name) is left as it is, so a restart adds nothing. Every source gets a fresh ingest
 * token (only hashes are stored, so the simulator cannot reuse the previous one): the tokens live in memory only.
 */
@Component
class EstateRegistrar {
    private static final Logger log = LoggerFactory.getLogger(EstateRegistrar.class);

    /** Where the simulator sends one tenant's events: a token per source, and the firewall's syslog sender. */
    /**
     * @param tokens    ingest token per source delivered over HTTP or syslog
     * @param sourceIds source id per source (the soc-source header of the Kafka path)
     */
    record Feeds(String tenantId, Map<SimSource, String> tokens, Map<SimSource, String> sourceIds, String syslogSender) {
    }

    private final TenantService tenants;
    private final SourceService sources;
    private final SourceAddresses addresses;
    private final IngestTokens tokens;
    private final AssetService assets;
    private final CollectorTopicProvisioning collectorTopics;

    EstateRegistrar(TenantService tenants, SourceService sources, SourceAddresses addresses, IngestTokens tokens,
                    AssetService assets, CollectorTopicProvisioning collectorTopics) {
        this.collectorTopics = collectorTopics;
        this.tenants = tenants;
        this.sources = sources;
        this.addresses = addresses;
        this.tokens = tokens;
        this.assets = assets;
    }

    /** Registers what is missing of the organisations and issues their tokens; returns the feeds by tenant id. */
    Map<String, Feeds> register(String actor, List<Organisation> organisations) {
        long start = System.nanoTime();
        Map<String, Feeds> feeds = new LinkedHashMap<>();
        TenantScope.run(TenantScope.ALL_TENANTS, () -> {
            for (Organisation o : organisations) {
                feeds.put(o.id(), register(actor, o));
            }
        });
        log.info("Simulated estate ready: {} organisations in {} ms", organisations.size(),
                (System.nanoTime() - start) / 1_000_000);
        return feeds;
    }

    private Feeds register(String actor, Organisation o) {
        boolean fresh = tenants.find(o.id()).isEmpty();
        if (fresh) {
            tenants.register(actor, o.id(), o.name(), TenantKind.valueOf(o.kind().name()), "Wales");
        }
        Map<String, Source> existing = sources.forTenant(o.id()).stream()
                .collect(Collectors.toMap(Source::getName, s -> s, (a, b) -> a));
        Map<SimSource, String> issued = new EnumMap<>(SimSource.class);
        Map<SimSource, String> ids = new EnumMap<>(SimSource.class);
        String sender = null;
        for (SimSource sim : SimSource.values()) {
            if (!sim.appliesTo(o)) {
                continue;
            }
            Source source = existing.get(sim.sourceName());
            if (source == null) {
                source = sources.register(actor, o.id(), new SourceSpec(sim.sourceName(), SourceType.valueOf(sim.type()),
                        sim.format(), ingestMethod(sim), expectedDaily(sim), criticality(sim), sim.silentAfterMinutes()));
            }
            ids.put(sim, source.getId().toString());
            if (sim.transport() == SimSource.Transport.KAFKA) {
                kafkaTopic(actor, o);
                continue;
            }
            if (sim.transport() == SimSource.Transport.SYSLOG) {
                sender = syslogSender(actor, o, source);
            }
            issued.put(sim, tokens.rotate(actor, source.getId()).token());
        }
        registerAssets(actor, o, fresh);
        return new Feeds(o.id(), issued, ids, sender);
    }

    private static IngestMethod ingestMethod(SimSource sim) {
        return switch (sim.transport()) {
            case SYSLOG -> IngestMethod.SYSLOG;
            case KAFKA -> IngestMethod.KAFKA;
            case HTTP_TEXT, HTTP_JSON -> IngestMethod.HTTP_TOKEN;
        };
    }

    /** The organisation's collector topic, created as an onboarding officer would from the source's page. */
    private void kafkaTopic(String actor, Organisation o) {
        try {
            collectorTopics.provision(actor, o.id());
        } catch (IllegalStateException e) {
            log.warn("Collector topic of {} not created ({}); its Kafka-fed events will wait for it", o.id(),
                    e.getMessage());
        }
    }

    /** The firewall's sender address, or null when it is taken (then its syslog carries the token instead). */
    private String syslogSender(String actor, Organisation o, Source source) {
        try {
            addresses.register(actor, source.getId(), o.syslogSender() + "/32");
            return o.syslogSender();
        } catch (IllegalArgumentException e) {
            log.info("Syslog sender {} of {} not registered ({}); its syslog carries the token", o.syslogSender(),
                    o.id(), e.getMessage());
            return null;
        }
    }

    private void registerAssets(String actor, Organisation o, boolean fresh) {
        Set<String> present = fresh ? Set.of() : assets.forTenant(o.id()).stream().map(Asset::getName)
                .collect(Collectors.toSet());
        create(actor, o, present, "Domain controller", o.dc().ip(), "SERVER", "CRITICAL", null, "IT-core");
        create(actor, o, present, "File server", o.servers().get(1).ip(), "SERVER", "HIGH", null, "IT-core");
        create(actor, o, present, "Mail gateway", o.servers().get(2).ip(), "SERVER", "HIGH", null, "IT-dmz");
        String office = o.workstations().get(0).ip();
        create(actor, o, present, "Staff workstations", office.substring(0, office.lastIndexOf('.')) + ".0/24",
                "WORKSTATION", "LOW", null, "IT-office");
        for (Host h : o.otHosts()) {
            create(actor, o, present, h.name(), h.ip(), h.role(), h.role().equals("PLC") || h.role().equals("RTU")
                    ? "CRITICAL" : "HIGH", String.valueOf(h.purdueLevel()), h.zone());
        }
    }

    private void create(String actor, Organisation o, Set<String> present, String name, String address, String type,
                        String criticality, String purdue, String zone) {
        if (present.contains(name)) {
            return;
        }
        String owner = zone.startsWith("OT") ? "Plant engineering" : "IT operations";
        assets.create(actor, o.id(), AssetSpec.parse(name, address, type, criticality, purdue, zone, owner));
    }

    private static long expectedDaily(SimSource sim) {
        return switch (sim) {
            case PERIMETER_FIREWALL, ZEEK -> 200_000L;
            case BRANCH_FIREWALL -> 5_000L;
            default -> 50_000L;
        };
    }

    private static Criticality criticality(SimSource sim) {
        return switch (sim) {
            case PERIMETER_FIREWALL, WINDOWS_SECURITY, OT_ZEEK, OT_SURICATA -> Criticality.HIGH;
            default -> Criticality.MEDIUM;
        };
    }
}
