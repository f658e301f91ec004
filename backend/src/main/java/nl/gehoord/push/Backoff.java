package nl.gehoord.push;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: attempt n waits a random time between half and all of base * 2^(n-1), capped;
 * never less than the service's Retry-After. The jitter spreads a crowd of retries after an outage.
 */
public final class Backoff {
    private final Duration base;
    private final Duration max;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration max, RandomGenerator random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /** The wait after the {@code failedAttempts}-th failed attempt (1 for the first). */
    public Duration delay(int failedAttempts, Duration retryAfter) {
        int exponent = Math.max(0, Math.min(failedAttempts - 1, 30));
        long ceiling = Math.min(max.toMillis(), base.toMillis() << exponent);
        if (ceiling <= 0) {
            ceiling = max.toMillis();
        }
        long half = ceiling / 2;
        Duration wait = Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
        return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }
}
