package soc.events;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A threat indicator as published on {@link Topics#INDICATORS} (key = indicator id; a null value deletes it).
 *
 * @param indicatorId id (UUID)
 * @param tenantId    owning tenant, or null for a global indicator matched against every tenant's events
 * @param type        IP (address or CIDR network), DOMAIN (matches the domain and its sub-domains), URL, HASH
 * @param value       normalised value ({@link #normalise})
 * @param source      source or feed name
 * @param description what it is (shown on the alert)
 * @param expiresAt   when it stops matching, null for never
 */
public record ThreatIndicator(String indicatorId, String tenantId, Type type, String value, String source,
                              String description, Instant expiresAt) {

    public enum Type { IP, DOMAIN, URL, HASH }

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\\.)+[a-z0-9-]{2,63}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128}");

    public ThreatIndicator {
        Objects.requireNonNull(indicatorId, "indicatorId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (tenantId != null) {
            TenantIds.requireValid(tenantId);
        }
    }

    /** Whether it still matches at the given time. */
    public boolean activeAt(Instant time) {
        return expiresAt == null || time.isBefore(expiresAt);
    }

    /**
     * The canonical form of a value of the given type, or an {@link IllegalArgumentException} saying why it is not
     * one: IPs canonical (a host CIDR becomes the address; networks keep their prefix, masked), domains lower-case
     * without a trailing dot, URLs with lower-case scheme and host, hashes lower-case hex (MD5, SHA-1, SHA-256,
     * SHA-512).
     */
    public static String normalise(Type type, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("empty value");
        }
        String v = raw.trim();
        switch (type) {
            case IP: {
                int slash = v.indexOf('/');
                byte[] addr = ip(slash < 0 ? v : v.substring(0, slash));
                if (addr == null) {
                    throw new IllegalArgumentException("not an IP address or CIDR network: " + v);
                }
                int bits = addr.length * 8;
                int prefix = bits;
                if (slash >= 0) {
                    try {
                        prefix = Integer.parseInt(v.substring(slash + 1));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("bad prefix length: " + v);
                    }
                    if (prefix < 0 || prefix > bits) {
                        throw new IllegalArgumentException("bad prefix length: " + v);
                    }
                }
                for (int i = 0; i < addr.length; i++) {
                    int keep = Math.max(0, Math.min(8, prefix - i * 8));
                    addr[i] &= (byte) (0xff << (8 - keep));
                }
                String text;
                try {
                    text = InetAddress.getByAddress(addr).getHostAddress();
                } catch (UnknownHostException e) {
                    throw new IllegalArgumentException("not an IP address: " + v);
                }
                return prefix == bits ? text : text + "/" + prefix;
            }
            case DOMAIN: {
                String d = v.toLowerCase(Locale.ROOT);
                if (d.endsWith(".")) {
                    d = d.substring(0, d.length() - 1);
                }
                if (!DOMAIN.matcher(d).matches()) {
                    throw new IllegalArgumentException("not a domain name: " + v);
                }
                return d;
            }
            case URL: {
                URI uri;
                try {
                    uri = URI.create(v);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("not a URL: " + v);
                }
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new IllegalArgumentException("not an absolute URL with a host: " + v);
                }
                String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
                int at = v.indexOf("://");
                String rest = v.substring(at + 3);
                int slash = rest.indexOf('/');
                String authority = slash < 0 ? rest : rest.substring(0, slash);
                String path = slash < 0 ? "/" : rest.substring(slash);
                return scheme + "://" + authority.toLowerCase(Locale.ROOT) + path;
            }
            default: {
                String h = v.toLowerCase(Locale.ROOT);
                if (!HASH.matcher(h).matches()) {
                    throw new IllegalArgumentException("not an MD5, SHA-1, SHA-256 or SHA-512 hex digest: " + v);
                }
                return h;
            }
        }
    }

    /** A literal IPv4 or IPv6 address as bytes (never a DNS look-up), or null. */
    public static byte[] ip(String text) {
        String t = text.trim();
        if (IPV4.matcher(t).matches()) {
            byte[] b = new byte[4];
            String[] parts = t.split("\\.");
            for (int i = 0; i < 4; i++) {
                int n = Integer.parseInt(parts[i]);
                if (n > 255) {
                    return null;
                }
                b[i] = (byte) n;
            }
            return b;
        }
        if (IPV6.matcher(t).matches()) {
            try {
                byte[] b = InetAddress.getByName(t).getAddress(); // a literal: no look-up
                return b;
            } catch (UnknownHostException | SecurityException e) {
                return null;
            }
        }
        return null;
    }
}
