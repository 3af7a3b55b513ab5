package soc.tenants.sources;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code 192.0.2.0/24}, {@code 2001:db8::/32}; a bare address is a
 * /32 or /128). Parsed from literals only, never by DNS. IPv4-mapped IPv6 addresses count as IPv4.
 */
public record Cidr(byte[] network, int prefixLength) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public Cidr {
        network = network.clone();
        if (network.length != 4 && network.length != 16) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes");
        }
        if (prefixLength < 0 || prefixLength > network.length * 8) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of range");
        }
        if (!Arrays.equals(network, mask(network, prefixLength))) {
            throw new IllegalArgumentException(text(network, prefixLength) + " has host bits set: use "
                    + text(mask(network, prefixLength), prefixLength));
        }
    }

    /** Parses {@code address} or {@code address/prefix}; throws IllegalArgumentException with a readable reason. */
    public static Cidr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an address or CIDR is required, e.g. 192.0.2.10 or 192.0.2.0/24");
        }
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = literal(address);
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            String digits = trimmed.substring(slash + 1);
            if (!digits.matches("\\d{1,3}")) {
                throw new IllegalArgumentException("'" + trimmed + "' has no valid prefix length");
            }
            prefix = Integer.parseInt(digits);
            if (prefix > bytes.length * 8) {
                throw new IllegalArgumentException("'" + trimmed + "': prefix length exceeds " + bytes.length * 8);
            }
        }
        return new Cidr(bytes, prefix);
    }

    /** The address's bytes, IPv4-mapped IPv6 addresses reduced to their 4 IPv4 bytes. */
    public static byte[] bytesOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16 && isIpv4Mapped(bytes)) {
            return Arrays.copyOfRange(bytes, 12, 16);
        }
        return bytes;
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = bytesOf(address);
        return bytes.length == network.length && Arrays.equals(mask(bytes, prefixLength), network);
    }

    @Override
    public byte[] network() {
        return network.clone();
    }

    static byte[] mask(byte[] address, int prefixLength) {
        byte[] masked = address.clone();
        for (int bit = prefixLength; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return masked;
    }

    private static byte[] literal(String address) {
        try {
            if (IPV4.matcher(address).matches()) {
                for (String part : address.split("\\.")) {
                    if (Integer.parseInt(part) > 255) {
                        throw new IllegalArgumentException("'" + address + "' is not an IPv4 address");
                    }
                }
                return InetAddress.getByName(address).getAddress();
            }
            if (address.indexOf(':') >= 0 && address.matches("[0-9A-Fa-f:.]+")) {
                // a literal with ':' is parsed, never looked up
                return bytesOf(InetAddress.getByName(address));
            }
        } catch (UnknownHostException e) {
            // fall through to the readable refusal
        }
        throw new IllegalArgumentException("'" + address + "' is not an IP address literal");
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static String text(byte[] network, int prefixLength) {
        try {
            InetAddress address = InetAddress.getByAddress(network);
            return address.getHostAddress() + "/" + prefixLength;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr that && prefixLength == that.prefixLength && Arrays.equals(network, that.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    /** PostgreSQL {@code cidr} text form, e.g. {@code 10.0.0.0/8}. */
    @Override
    public String toString() {
        return text(network, prefixLength);
    }
}
