package nl.gehoord.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(15), new Random(42));

    @Test
    void waitsGrowExponentiallyWithJitterUpToTheCap() {
        for (int attempt = 1; attempt <= 12; attempt++) {
            long ceiling = Math.min(Duration.ofMinutes(15).toMillis(), 5_000L << (attempt - 1));
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                long wait = backoff.delay(attempt, null).toMillis();
                assertThat(wait).isBetween(ceiling / 2, ceiling);
                seen.add(wait);
            }
            assertThat(seen).as("jitter spreads the waits").hasSizeGreaterThan(1);
        }
    }

    @Test
    void retryAfterIsAFloor() {
        assertThat(backoff.delay(1, Duration.ofSeconds(90))).isEqualTo(Duration.ofSeconds(90));
        assertThat(backoff.delay(20, Duration.ofSeconds(1)).toMillis()).isGreaterThanOrEqualTo(450_000);
    }
}
