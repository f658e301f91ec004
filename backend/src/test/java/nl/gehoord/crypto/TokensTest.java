package nl.gehoord.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import nl.gehoord.testing.MutableClock;
import org.junit.jupiter.api.Test;

class TokensTest {
    @Test
    void idsAreVersionSevenUuidsOrderedByTheInjectedClock() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
        Tokens tokens = new Tokens(new SecureRandom(), clock);
        String first = tokens.id();
        clock.advance(java.time.Duration.ofMillis(1));
        String second = tokens.id();
        clock.advance(java.time.Duration.ofDays(40));
        String third = tokens.id();

        UUID parsed = UUID.fromString(first);
        assertThat(parsed.version()).isEqualTo(7);
        assertThat(parsed.variant()).isEqualTo(2);
        assertThat(parsed.getMostSignificantBits() >>> 16).isEqualTo(Instant.parse("2026-11-23T09:00:00Z").toEpochMilli());
        // Text order is time order, so new rows go to the end of a primary-key index.
        assertThat(first).isLessThan(second);
        assertThat(second).isLessThan(third);
    }

    @Test
    void idsInTheSameMillisecondStayUnguessable() {
        Tokens tokens = new Tokens(new SecureRandom(), new MutableClock(Instant.parse("2026-11-23T09:00:00Z")));
        Set<String> ids = new HashSet<>();
        Set<String> randomParts = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = tokens.id();
            ids.add(id);
            randomParts.add(id.substring(24));
        }
        assertThat(ids).hasSize(10_000);
        assertThat(randomParts).hasSize(10_000);
    }
}
