package nl.gehoord.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token buckets (Bucket4j) per named limit and key (a device, an address, an account, or "global"), in memory,
 * timed by the injected clock. A refusal is a 429 with Retry-After. Buckets that have filled up again carry no
 * information and are dropped now and then, so memory stays bounded.
 */
public final class RateLimits {
    /** A limit: {@code capacity} actions, refilled evenly over {@code period}. */
    public record Limit(String action, long capacity, Duration period) {
    }

    private record Entry(Limit limit, Bucket bucket) {
    }

    private static final int CLEANUP_EVERY = 10_000;

    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final TimeMeter time;

    public RateLimits(Clock clock) {
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return TimeUnit.MILLISECONDS.toNanos(clock.millis());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    public void check(Limit limit, String key) {
        Entry entry = buckets.computeIfAbsent(limit.action() + "|" + key, k -> new Entry(limit, Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period()).build())
                .withCustomTimePrecision(time)
                .build()));
        ConsumptionProbe probe = entry.bucket().tryConsumeAndReturnRemaining(1);
        if (calls.incrementAndGet() % CLEANUP_EVERY == 0) {
            cleanup();
        }
        if (!probe.isConsumed()) {
            long seconds = (probe.getNanosToWaitForRefill() + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
            throw ApiException.tooManyRequests(seconds);
        }
    }

    /** Drops buckets that are full again: they would allow exactly what a new bucket allows. */
    void cleanup() {
        buckets.entrySet().removeIf(e -> e.getValue().bucket().getAvailableTokens() >= e.getValue().limit().capacity());
    }

    int size() {
        return buckets.size();
    }

    /** Forgets every bucket (tests and restarts). */
    public void reset() {
        buckets.clear();
    }
}
