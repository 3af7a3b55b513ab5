package soc.events;

import java.util.Locale;

/**
 * Keys of the events topic ({@link Topics#EVENTS}): {@code <tenant>/<host>}, or {@code <tenant>/<source>} for an
 * event without a host. Keying by host spreads a large tenant over the partitions, and so over the detection
 * service's listener threads and instances, while each host's events stay in order (one key, one partition), which
 * is the order detection cares about. Host names are lower-cased so {@code WS042} and {@code ws042} share a key.
 * The format is the raw topic's ({@link RawKeys}): the tenant is everything before the first {@code '/'}.
 */
public final class EventKeys {
    private EventKeys() {
    }

    /** The key of a normalised event. */
    public static String of(SocEvent event) {
        String host = event.getString("host.name");
        String part = host != null && !host.isBlank() ? host.toLowerCase(Locale.ROOT) : event.sourceId();
        return RawKeys.of(event.tenantId(), part); // same format; the second part names the host here
    }

    /** The tenant an events-topic key names, or null when it names none. */
    public static String tenantOf(String key) {
        return RawKeys.tenantOf(key);
    }
}
