package nl.gehoord.http;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/** IP addresses and CIDR ranges, parsed only from literals: never a DNS look-up. */
public final class IpRanges {
    private final List<Range> ranges;

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    public IpRanges(List<String> specs) {
        this.ranges = specs.stream().map(s -> parseRange(s).orElseThrow(
                () -> new IllegalArgumentException("not an address or CIDR range"))).toList();
    }

    public boolean contains(String address) {
        Optional<byte[]> parsed = parseAddress(address);
        return parsed.isPresent() && ranges.stream().anyMatch(r -> r.contains(parsed.get()));
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** True for "10.0.0.5", "10.0.0.0/8", "::1", "fd00::/8". */
    public static boolean isValid(String spec) {
        return parseRange(spec).isPresent();
    }

    private static Optional<Range> parseRange(String spec) {
        String s = spec.trim();
        int slash = s.indexOf('/');
        Optional<byte[]> address = parseAddress(slash < 0 ? s : s.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int bits = address.get().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > bits) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(p);
        }
        return Optional.of(new Range(address.get(), prefix));
    }

    /** Parses an IPv4 or IPv6 literal (brackets allowed); Guava never looks a name up, so no DNS query can happen. */
    public static Optional<byte[]> parseAddress(String text) {
        return literal(text).map(InetAddress::getAddress);
    }

    /** The canonical text of an address literal (RFC 5952 for IPv6), or empty. */
    public static Optional<String> canonical(String text) {
        return literal(text).map(InetAddresses::toAddrString);
    }

    private static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        // Scope ids ("fe80::1%eth0") name a local interface, not a client: refused.
        if (s.indexOf('%') >= 0 || !InetAddresses.isInetAddress(s)) {
            return Optional.empty();
        }
        return Optional.of(InetAddresses.forString(s));
    }
}
