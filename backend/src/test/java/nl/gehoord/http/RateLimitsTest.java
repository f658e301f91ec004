package nl.gehoord.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import nl.gehoord.testing.MutableClock;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.Test;

class RateLimitsTest {
    private final MutableClock clock = new MutableClock(TestServer.START);
    private final RateLimits limits = new RateLimits(clock);
    private final RateLimits.Limit twoAMinute = new RateLimits.Limit("test", 2, Duration.ofMinutes(1));

    @Test
    void refusesWithTheSecondsUntilTheNextTokenAndRefillsWithTheInjectedClock() {
        limits.check(twoAMinute, "a");
        limits.check(twoAMinute, "a");
        assertThatThrownBy(() -> limits.check(twoAMinute, "a")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.headers()).containsEntry("Retry-After", "30");
        });
        limits.check(twoAMinute, "b");
        clock.advance(Duration.ofSeconds(30));
        limits.check(twoAMinute, "a");
    }

    @Test
    void bucketsThatFilledUpAgainAreForgottenSoMemoryStaysBounded() {
        for (int i = 0; i < 100; i++) {
            limits.check(twoAMinute, "address-" + i);
        }
        limits.cleanup();
        assertThat(limits.size()).isEqualTo(100);
        clock.advance(Duration.ofMinutes(1));
        limits.cleanup();
        assertThat(limits.size()).isZero();
    }
}
