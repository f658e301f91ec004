package nl.gehoord.trends;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.gehoord.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the protecting changes of a month ahead of the councils' queries, so that a query normally finds them
 * in the cache instead of computing them (0.1-0.2 s per month in a large scope). It reads the month versions that
 * the rollup raises in every transaction that changes a month (so it also sees changes made by another server
 * instance), and for every council scope and minimum group size in use it computes the changes of each ended month
 * whose version it has not warmed yet, and of the other month of its pair.
 *
 * <p>At start-up, for a new scope or minimum group size, and when a month has just ended, it warms every month a
 * query can reach (newest first). A changed month is warmed once its version has stood still for {@code quiet}
 * (debounce: a burst of changes costs one computation), or at the latest {@code maxWait} after its first change.
 * A query that comes before the warm-up computes what is missing itself, as it always did; the cache only serves
 * changes computed from exactly the data the query reads.
 *
 * <p>{@link #runOnce()} does one pass with the injected clock (tests call it); {@link #start} polls on a daemon
 * thread; {@link #close()} stops it.
 */
public final class TrendsWarmer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrendsWarmer.class);

    /** What one pass did: months (scope by scope) whose changes it computed, and months still waiting to settle. */
    public record Pass(int computed, int waiting) {
    }

    private record Target(CouncilScope scope, int k) {
    }

    /** A changed month not yet warmed: the version last seen, when it was first and last seen changing. */
    private record Pending(long version, long firstSeen, long lastChanged) {
    }

    private final Database db;
    private final ChangeCache cache;
    private final Clock clock;
    private final Duration quiet;
    private final Duration maxWait;
    private final Map<String, Long> warmed = new HashMap<>();
    private final Map<String, Pending> pending = new HashMap<>();
    private Set<Target> warmedTargets = Set.of();
    private YearMonth warmedLastEnded;
    private final Object passLock = new Object();
    private ScheduledExecutorService executor;
    private volatile boolean closed;

    public TrendsWarmer(Database db, ChangeCache cache, Clock clock, Duration quiet, Duration maxWait) {
        this.db = db;
        this.cache = cache;
        this.clock = clock;
        this.quiet = quiet;
        this.maxWait = maxWait;
    }

    /** One pass: warms what is due now (by the injected clock). */
    public Pass runOnce() {
        synchronized (passLock) {
            return pass();
        }
    }

    private Pass pass() {
        long now = clock.millis();
        YearMonth lastEnded = TrendsService.lastEnded(clock);
        // A query reaches at most MAX_MONTHS back, and one month more for the pair of its first month.
        YearMonth oldest = lastEnded.minusMonths(TrendsQuery.MAX_MONTHS);
        Map<String, Long> versions = new HashMap<>();
        Set<Target> targets = new HashSet<>();
        db.read(h -> {
            h.createQuery("SELECT month, version FROM trend_month_versions WHERE month >= :oldest AND month <= :last")
                    .bind("oldest", oldest.toString()).bind("last", lastEnded.toString())
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> versions.put(e.getKey(), e.getValue()));
            List<String[]> councils = h.createQuery("""
                            SELECT DISTINCT s.id, s.organisation_id FROM staff s
                            JOIN council_scopes c ON c.staff_id = s.id
                            WHERE s.role = 'council' AND s.active = TRUE
                            """).map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).list();
            for (String[] council : councils) {
                CouncilScopes.scopeOf(h, council[0]).ifPresent(scope ->
                        targets.add(new Target(scope, TrendSettings.minCellSize(h, council[1]))));
            }
            return null;
        });

        boolean everything = !lastEnded.equals(warmedLastEnded);
        Set<YearMonth> all = new TreeSet<>();
        Set<YearMonth> due = new TreeSet<>();
        Map<String, Long> dueVersions = new HashMap<>();
        int waiting = 0;
        for (Map.Entry<String, Long> month : versions.entrySet()) {
            String name = month.getKey();
            long version = month.getValue();
            all.add(YearMonth.parse(name));
            if (everything) {
                dueVersions.put(name, version);
                continue;
            }
            if (Long.valueOf(version).equals(warmed.get(name))) {
                pending.remove(name);
                continue;
            }
            Pending seen = pending.get(name);
            if (seen == null) {
                seen = new Pending(version, now, now);
            } else if (seen.version() != version) {
                seen = new Pending(version, seen.firstSeen(), now);
            }
            pending.put(name, seen);
            if (now - seen.lastChanged() >= quiet.toMillis() || now - seen.firstSeen() >= maxWait.toMillis()) {
                due.add(YearMonth.parse(name));
                dueVersions.put(name, version);
            } else {
                waiting++;
            }
        }

        int computed = 0;
        for (Target target : targets) {
            if (closed) {
                return new Pass(computed, waiting); // nothing marked warmed: a later start does it all again
            }
            boolean whole = everything || !warmedTargets.contains(target);
            Set<YearMonth> months = whole ? all : due;
            if (!months.isEmpty()) {
                computed += db.read(h -> TrendsService.prepare(h, cache, target.scope(), target.k(),
                        ((TreeSet<YearMonth>) months).descendingSet(), lastEnded));
            }
        }
        if (everything) {
            warmed.clear();
            pending.clear();
        }
        dueVersions.forEach((month, version) -> {
            warmed.put(month, version);
            pending.remove(month);
        });
        warmedTargets = Set.copyOf(targets);
        warmedLastEnded = lastEnded;
        return new Pass(computed, waiting);
    }

    /** Polls every {@code every} on a daemon thread until closed. */
    public synchronized TrendsWarmer start(Duration every) {
        if (executor == null && !closed) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "trends-warmer");
                t.setDaemon(true);
                t.setPriority(Thread.MIN_PRIORITY);
                return t;
            });
            executor.scheduleWithFixedDelay(this::runLogged, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    private void runLogged() {
        try {
            Pass pass = runOnce();
            if (pass.computed() > 0) {
                LOG.debug("trends_warmed months={}", pass.computed());
            }
        } catch (RuntimeException e) {
            LOG.warn("trends_warm_failed error={}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        closed = true;
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
            executor = null;
        }
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
