package nl.gehoord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    @Test
    void withoutTrustedProxiesThePeerIsTheClient() {
        ClientAddress addresses = new ClientAddress(List.of());
        assertThat(addresses.resolve("198.51.100.7", "1.2.3.4")).isEqualTo("198.51.100.7");
    }

    @Test
    void behindTrustedProxiesTheFirstUntrustedHopFromTheRightIsTheClient() {
        ClientAddress addresses = new ClientAddress(List.of("10.0.0.0/8", "192.168.1.1"));
        assertThat(addresses.resolve("10.0.0.2", "203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(addresses.resolve("10.0.0.2", "1.1.1.1, 203.0.113.9, 192.168.1.1")).isEqualTo("203.0.113.9");
        // A spoofed left part does not help: the proxy appended the real address on the right.
        assertThat(addresses.resolve("10.0.0.2", "6.6.6.6, 203.0.113.9")).isEqualTo("203.0.113.9");
        // A peer that is not a trusted proxy cannot choose its address.
        assertThat(addresses.resolve("198.51.100.7", "203.0.113.9")).isEqualTo("198.51.100.7");
        // Garbage stops the walk at the last address that was believable.
        assertThat(addresses.resolve("10.0.0.2", "' OR 1=1 --, example.org")).isEqualTo("10.0.0.2");
        assertThat(addresses.resolve("10.0.0.2", null)).isEqualTo("10.0.0.2");
        assertThat(addresses.resolve("10.0.0.2", "[2001:db8::1]")).as("RFC 5952 text").isEqualTo("2001:db8::1");
        assertThat(addresses.resolve("10.0.0.2", "2001:DB8:0:0:0:0:0:1")).as("one text per address, one limit")
                .isEqualTo("2001:db8::1");
    }

    @Test
    void rangesAreParsedWithoutNameLookups() {
        assertThat(IpRanges.isValid("10.0.0.0/8")).isTrue();
        assertThat(IpRanges.isValid("fd00::/8")).isTrue();
        assertThat(IpRanges.isValid("localhost")).isFalse();
        assertThat(IpRanges.isValid("10.0.0.0/33")).isFalse();
        assertThat(IpRanges.isValid("300.1.1.1")).isFalse();
        assertThat(IpRanges.isValid("fe80::1%eth0")).as("a scope names an interface, not a client").isFalse();
        IpRanges ranges = new IpRanges(List.of("172.16.0.0/12"));
        assertThat(ranges.contains("172.31.255.255")).isTrue();
        assertThat(ranges.contains("172.32.0.1")).isFalse();
    }
}
