package soc.ingest.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import soc.events.SocEvent;
import soc.tenants.assets.AssetLookup;
import soc.tenants.assets.AssetMatch;

/**
 * Adds what the tenant's asset inventory knows about the event's addresses (docs/schema.md, "Asset enrichment"):
 * for {@code source.ip}, {@code destination.ip} and {@code host.ip}, the most specific asset of the event's tenant
 * gives {@code <side>.asset.name/type/criticality/zone/purdue_level}, and an OT destination gives
 * {@code ot.device_role}.
 *
 * <p>Hot path: the look-ups answer from {@link AssetLookup}'s in-memory snapshot (no database per event); an event
 * with no known address is returned as it is, without copying; field names are constants.
 */
@Component
class AssetEnricher {
    static final String OT_DEVICE_ROLE = "ot.device_role";
    private static final Side SOURCE = new Side("source");
    private static final Side DESTINATION = new Side("destination");
    private static final Side HOST = new Side("host");

    private final AssetLookup lookup;

    AssetEnricher(AssetLookup lookup) {
        this.lookup = lookup;
    }

    SocEvent enrich(SocEvent event) {
        String tenant = event.tenantId();
        AssetMatch source = match(tenant, event.get(SOURCE.ip));
        AssetMatch destination = match(tenant, event.get(DESTINATION.ip));
        AssetMatch host = match(tenant, event.get(HOST.ip));
        if (source == null && destination == null && host == null) {
            return event;
        }
        Map<String, Object> fields = new LinkedHashMap<>(event.fields());
        SOURCE.put(fields, source);
        DESTINATION.put(fields, destination);
        HOST.put(fields, host);
        if (destination != null && destination.otDeviceRole() != null) {
            fields.put(OT_DEVICE_ROLE, destination.otDeviceRole());
        }
        return SocEvent.of(fields);
    }

    private AssetMatch match(String tenant, Object ip) {
        if (ip instanceof String text) {
            return lookup.match(tenant, text);
        }
        if (ip instanceof List<?> list) {
            // ECS allows several addresses (host.ip): the first that is a known asset
            for (Object element : list) {
                if (element instanceof String text) {
                    AssetMatch match = lookup.match(tenant, text);
                    if (match != null) {
                        return match;
                    }
                }
            }
        }
        return null;
    }

    /** The field names of one side, built once. */
    private static final class Side {
        final String ip;
        final String name;
        final String type;
        final String criticality;
        final String zone;
        final String purdueLevel;

        Side(String prefix) {
            this.ip = prefix + ".ip";
            this.name = prefix + ".asset.name";
            this.type = prefix + ".asset.type";
            this.criticality = prefix + ".asset.criticality";
            this.zone = prefix + ".asset.zone";
            this.purdueLevel = prefix + ".asset.purdue_level";
        }

        void put(Map<String, Object> fields, AssetMatch match) {
            if (match == null) {
                return;
            }
            fields.put(name, match.name());
            fields.put(type, match.typeValue());
            fields.put(criticality, match.criticalityValue());
            if (match.zone() != null) {
                fields.put(zone, match.zone());
            }
            if (match.purdueLevel() != null) {
                fields.put(purdueLevel, match.purdueLevel());
            }
        }
    }
}
