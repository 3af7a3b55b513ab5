package soc.cases.notifications;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Keeps webhooks from being aimed at the platform's own network (server-side request forgery): a tenant admin must not
 * be able to make the platform POST to localhost, private ranges, link-local (cloud metadata) or multicast addresses,
 * where PostgreSQL, Kafka, OpenSearch or other tenants' systems may listen. Allowed only where
 * {@code soc.notifications.allow-private-webhook-targets=true} (tests, a ticketing system on the SOC's own network).
 * Plain Java.
 */
public final class WebhookTargets {
    private WebhookTargets() {
    }

    /** Null when the URL's host resolves only to public addresses; otherwise why not. */
    public static String refusal(URI url) {
        String host = url.getHost();
        if (host == null) {
            return "no host";
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return "host " + host + " does not resolve";
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                return "host " + host + " is a loopback, private, link-local or multicast address ("
                        + address.getHostAddress() + ")";
            }
        }
        return null;
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            // unique local fc00::/7, and IPv4-mapped addresses judged as IPv4
            if ((bytes[0] & 0xfe) == 0xfc) {
                return true;
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            if (mapped && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return false;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        // 100.64.0.0/10 carrier-grade NAT, 0.0.0.0/8
        return first == 0 || (first == 100 && second >= 64 && second <= 127);
    }
}
