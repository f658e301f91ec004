package nl.gehoord.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.gehoord.sla.WorkingDays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the retention job once a day at the configured Amsterdam time, on one background thread. */
public final class RetentionScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionScheduler.class);

    private final RetentionJob job;
    private final LocalTime runAt;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gehoord-retention");
        t.setDaemon(true);
        return t;
    });

    public RetentionScheduler(RetentionJob job, LocalTime runAt, Clock clock) {
        this.job = job;
        this.runAt = runAt;
        this.clock = clock;
    }

    public RetentionScheduler start() {
        scheduleNext();
        return this;
    }

    private void scheduleNext() {
        long delay = Math.max(1_000, Duration.between(clock.instant(), nextRun(clock.instant(), runAt)).toMillis());
        executor.schedule(this::runOnce, delay, TimeUnit.MILLISECONDS);
    }

    void runOnce() {
        try {
            job.runDaily(clock.instant());
        } catch (RuntimeException e) {
            // The class only: messages of database exceptions can quote values.
            LOG.error("retention run failed: {}", e.getClass().getName());
        } finally {
            if (!executor.isShutdown()) {
                scheduleNext();
            }
        }
    }

    /** The first moment at {@code runAt} (Amsterdam time) strictly after {@code now}. */
    static Instant nextRun(Instant now, LocalTime runAt) {
        ZonedDateTime local = now.atZone(WorkingDays.ZONE);
        ZonedDateTime candidate = local.with(runAt);
        if (!candidate.isAfter(local)) {
            candidate = candidate.plusDays(1).with(runAt);
        }
        return candidate.toInstant();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
