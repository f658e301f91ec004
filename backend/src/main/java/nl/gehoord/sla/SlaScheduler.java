package nl.gehoord.sla;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.gehoord.db.Database;
import nl.gehoord.events.CaseEvent;
import nl.gehoord.events.CaseEvents;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises "warning" (75% of the time used) and "breached" for each open deadline of each case, once per case,
 * deadline and due time. {@link #runOnce()} does one pass (tests call it with their clock); {@link #start()}
 * runs it every minute on a daemon thread.
 */
public final class SlaScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlaScheduler.class);

    private final Database db;
    private final CaseEvents events;
    private final Clock clock;
    private ScheduledExecutorService executor;

    public SlaScheduler(Database db, CaseEvents events, Clock clock) {
        this.db = db;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Runs {@code action} with no pass under way (tests put the database back under a running server: a pass that
     * read the clock or the cases before must not write after).
     */
    public synchronized void betweenPasses(Runnable action) {
        action.run();
    }

    /** One pass; returns how many alerts it raised. */
    public synchronized int runOnce() {
        long now = clock.millis();
        return db.write(h -> {
            int raised = 0;
            for (DeadlineDao.Candidate c : h.attach(DeadlineDao.class).atRisk(now)) {
                raised += check(h, c, now);
            }
            return raised;
        });
    }

    private int check(Handle h, DeadlineDao.Candidate c, long now) {
        Deadlines d = c.deadlines();
        SlaPolicyDao dao = h.attach(SlaPolicyDao.class);
        Set<String> done = new HashSet<>();
        for (SlaPolicyDao.Alert a : dao.alerts(c.id())) {
            done.add(a.deadline() + "|" + a.dueAt() + "|" + a.level());
        }
        int raised = 0;
        if (d.firstResponseAt() == null && d.firstResponseDueAt() != null) {
            raised += raise(h, dao, done, c, "first_response", c.createdAt(), d.firstResponseDueAt(), now);
        }
        if (d.nextResponseDueAt() != null && d.nextResponseSince() != null) {
            raised += raise(h, dao, done, c, "next_response", d.nextResponseSince(), d.nextResponseDueAt(), now);
        }
        if (d.resolutionDueAt() != null) {
            raised += raise(h, dao, done, c, "resolution", c.createdAt(), d.resolutionDueAt(), now);
        }
        return raised;
    }

    private int raise(Handle h, SlaPolicyDao dao, Set<String> done, DeadlineDao.Candidate c, String deadline, long start, long due,
                      long now) {
        int raised = 0;
        long warnAt = SlaState.warnAt(start, due);
        if (now >= warnAt && !done.contains(deadline + "|" + due + "|warning")) {
            dao.insertAlert(new SlaPolicyDao.Alert(c.id(), deadline, due, "warning", now));
            events.publish(h, new CaseEvent(CaseEvent.Type.SLA_WARNING, c.id(), c.assignedStaffId()));
            raised++;
        }
        if (now >= due && !done.contains(deadline + "|" + due + "|breached")) {
            dao.insertAlert(new SlaPolicyDao.Alert(c.id(), deadline, due, "breached", now));
            events.publish(h, new CaseEvent(CaseEvent.Type.SLA_BREACHED, c.id(), c.assignedStaffId()));
            raised++;
        }
        return raised;
    }

    /** Starts the every-minute pass on a daemon thread. */
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gehoord-sla");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                int raised = runOnce();
                if (raised > 0) {
                    LOG.info("sla pass raised {} alerts", raised);
                }
            } catch (RuntimeException e) {
                LOG.warn("sla pass failed: {}", e.getClass().getName());
            }
        }, 1, 60, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
