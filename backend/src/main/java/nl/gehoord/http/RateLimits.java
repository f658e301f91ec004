package nl.gehoord.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import nl.gehoord.db.Database;

/**
 * Token buckets (Bucket4j) per named limit and key (a device, an address, an account, or "global"), timed by
 * the injected clock. A refusal is a 429 with Retry-After.
 *
 * <p>On SQLite (one instance) the buckets live in memory; buckets that have filled up again carry no
 * information and are dropped now and then, so memory stays bounded. On PostgreSQL every instance shares the
 * same buckets through Bucket4j's PostgreSQL backend, so N instances do not allow N times the guesses. There
 * the key is stored only as an HMAC, and full buckets expire and are removed likewise.
 */
public final class RateLimits {
    /** A limit: {@code capacity} actions, refilled evenly over {@code period}. */
    public record Limit(String action, long capacity, Duration period) {
    }

    private record Entry(Limit limit, Bucket bucket) {
    }

    private static final int CLEANUP_EVERY = 10_000;
    private static final int EXPIRED_BATCH = 1_000;
    static final String SHARED_TABLE = "rate_limit_buckets";

    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final TimeMeter time;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> shared;
    private final Database sharedDatabase;
    private final UnaryOperator<String> keyDigest;

    private RateLimits(Clock clock, Database sharedDatabase, UnaryOperator<String> keyDigest) {
        this.time = meter(clock);
        this.sharedDatabase = sharedDatabase;
        this.keyDigest = keyDigest;
        this.shared = sharedDatabase == null ? null
                : Bucket4jPostgreSQL.selectForUpdateBasedBuilder(sharedDatabase.dataSource())
                        .primaryKeyMapper(PrimaryKeyMapper.STRING)
                        .table(SHARED_TABLE)
                        .clientClock(time)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                        .build();
    }

    /** Buckets in this process's memory: one instance on SQLite. */
    public RateLimits(Clock clock) {
        this(clock, null, null);
    }

    /**
     * Buckets shared by every instance on this PostgreSQL database; {@code keyDigest} turns a bucket's name
     * into the stored id (an HMAC, so addresses and accounts are not readable from the table).
     */
    public static RateLimits shared(Database db, Clock clock, UnaryOperator<String> keyDigest) {
        return new RateLimits(clock, db, keyDigest);
    }

    private static TimeMeter meter(Clock clock) {
        return new TimeMeter() {
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
        String name = limit.action() + "|" + key;
        ConsumptionProbe probe = bucket(limit, name).tryConsumeAndReturnRemaining(1);
        if (calls.incrementAndGet() % CLEANUP_EVERY == 0) {
            cleanup();
        }
        if (!probe.isConsumed()) {
            long seconds = (probe.getNanosToWaitForRefill() + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
            throw ApiException.tooManyRequests(seconds);
        }
    }

    private Bucket bucket(Limit limit, String name) {
        if (shared == null) {
            return buckets.computeIfAbsent(name, k -> new Entry(limit, Bucket.builder()
                    .addLimit(bandwidth(limit))
                    .withCustomTimePrecision(time)
                    .build())).bucket();
        }
        // The limit's size is part of the id: a changed setting starts afresh instead of reading an old bucket.
        String id = keyDigest.apply(name + "|" + limit.capacity() + "/" + limit.period().toMillis());
        return shared.builder().build(id, () -> BucketConfiguration.builder().addLimit(bandwidth(limit)).build());
    }

    private static Bandwidth bandwidth(Limit limit) {
        return Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build();
    }

    /** Drops buckets that are full again: they would allow exactly what a new bucket allows. */
    void cleanup() {
        if (shared == null) {
            buckets.entrySet().removeIf(e ->
                    e.getValue().bucket().getAvailableTokens() >= e.getValue().limit().capacity());
            return;
        }
        while (shared.removeExpired(EXPIRED_BATCH) == EXPIRED_BATCH) {
            // keep going until a batch comes back short
        }
    }

    int size() {
        return buckets.size();
    }

    /** True when the buckets are shared through the database. */
    public boolean isShared() {
        return shared != null;
    }

    /** Forgets every bucket (tests and restarts). */
    public void reset() {
        buckets.clear();
        if (sharedDatabase != null) {
            sharedDatabase.writeVoid(h -> h.attach(RateLimitDao.class).clear());
        }
    }
}
