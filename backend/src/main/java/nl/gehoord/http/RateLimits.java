package nl.gehoord.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Token-bucket limits per named action and key (a device, an address, or "global"), in memory. A refusal is a
 * 429 with Retry-After. Buckets that are full again are dropped now and then so memory stays bounded.
 */
public final class RateLimits {
    /** A limit: {@code capacity} actions, refilled evenly over {@code period}. */
    public record Limit(String action, long capacity, Duration period) {
    }

    private static final int CLEANUP_EVERY = 10_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile boolean enabled = true;
    private final java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();

    public void check(Limit limit, String key) {
        if (!enabled) {
            return;
        }
        Bucket bucket = buckets.computeIfAbsent(limit.action() + "|" + key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (calls.incrementAndGet() % CLEANUP_EVERY == 0) {
            cleanup();
        }
        if (!probe.isConsumed()) {
            long seconds = TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1;
            throw ApiException.tooManyRequests(seconds);
        }
    }

    private void cleanup() {
        buckets.entrySet().removeIf(e -> {
            String action = e.getKey().substring(0, e.getKey().indexOf('|'));
            return e.getValue().getAvailableTokens() > 0 && action != null && buckets.size() > 50_000;
        });
    }

    /** Turns limits off: for load benchmarks on loopback only, never in the server. */
    public void disable() {
        enabled = false;
    }

    /** Forgets every bucket (tests and restarts). */
    public void reset() {
        buckets.clear();
    }
}
