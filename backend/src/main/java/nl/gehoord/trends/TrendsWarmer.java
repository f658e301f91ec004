package nl.gehoord.trends;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.gehoord.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes months ahead of the councils' queries: for every council scope in use, every ended month (within the
 * longest range a query can ask for) that is not published yet, and every month whose layer values have just become
 * final. A query that comes first publishes what it needs itself, with the same code, so what is published never
 * depends on which came first; the warm-up only makes sure that a month is published right after it ends, and so
 * that its first (not yet final) layer values are those of that moment.
 *
 * <p>{@link #runOnce()} does one pass with the injected clock (tests call it); {@link #start} polls on a daemon
 * thread; {@link #close()} stops it.
 */
public final class TrendsWarmer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrendsWarmer.class);

    /** What one pass did: how many months (scope by scope) it published or made final. */
    public record Pass(int published) {
    }

    private final Database db;
    private final TrendPublisher publisher;
    private final Clock clock;
    private final Object passLock = new Object();
    private ScheduledExecutorService executor;
    private volatile boolean closed;

    public TrendsWarmer(Database db, TrendPublisher publisher, Clock clock) {
        this.db = db;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Runs {@code action} with no pass under way (tests put the database back under a running server: a pass that
     * read the clock or the cases before must not write after).
     */
    public void betweenPasses(Runnable action) {
        synchronized (passLock) {
            action.run();
        }
    }

    /** One pass: publishes what is due now (by the injected clock). */
    public Pass runOnce() {
        synchronized (passLock) {
            YearMonth lastEnded = TrendsService.lastEnded(clock);
            YearMonth oldest = lastEnded.minusMonths(TrendsQuery.MAX_MONTHS - 1);
            Set<CouncilScope> scopes = new LinkedHashSet<>();
            List<String> months = db.read(h -> {
                for (CouncilScopesDao.Council council : h.attach(CouncilScopesDao.class).councilsWithScope()) {
                    CouncilScopes.scopeOf(h, council.staffId()).ifPresent(scopes::add);
                }
                return h.attach(PublishedTrendsDao.class).monthsWithData(oldest.toString(), lastEnded.toString());
            });
            if (months.isEmpty()) {
                return new Pass(0);
            }
            YearMonth first = YearMonth.parse(months.get(0));
            int published = 0;
            for (CouncilScope scope : scopes) {
                if (closed) {
                    break;
                }
                published += publisher.ensure(scope, first, lastEnded, lastEnded);
            }
            return new Pass(published);
        }
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
            if (pass.published() > 0) {
                LOG.debug("trends_published months={}", pass.published());
            }
        } catch (RuntimeException e) {
            LOG.warn("trends_publish_failed error={}", e.getClass().getSimpleName());
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
