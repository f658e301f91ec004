package nl.gehoord.sla;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
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

    record Candidate(String id, String assignedStaffId, long createdAt, Long firstResponseDueAt, Long firstResponseAt,
                     Long nextResponseSince, Long nextResponseDueAt, Long resolutionDueAt) {
    }

    /** One pass; returns how many alerts it raised. */
    public synchronized int runOnce() {
        long now = clock.millis();
        return db.write(h -> {
            List<Candidate> candidates = h.createQuery("""
                    SELECT id, assigned_staff_id, created_at, first_response_due_at, first_response_at,
                           next_response_since, next_response_due_at, resolution_due_at
                    FROM cases
                    WHERE status IN ('received', 'assigned', 'in_conversation', 'formal_complaint')
                      AND erased_at IS NULL
                      AND ((first_response_at IS NULL AND first_response_due_at IS NOT NULL
                            AND created_at + (first_response_due_at - created_at) * 3 / 4 <= :now)
                        OR (next_response_due_at IS NOT NULL
                            AND next_response_since + (next_response_due_at - next_response_since) * 3 / 4 <= :now)
                        OR (resolution_due_at IS NOT NULL
                            AND created_at + (resolution_due_at - created_at) * 3 / 4 <= :now))
                    ORDER BY created_at, id
                    """).bind("now", now).map((rs, ctx) -> new Candidate(rs.getString("id"),
                            rs.getString("assigned_staff_id"), rs.getLong("created_at"),
                            nullable(rs, "first_response_due_at"),
                            nullable(rs, "first_response_at"),
                            nullable(rs, "next_response_since"),
                            nullable(rs, "next_response_due_at"),
                            nullable(rs, "resolution_due_at"))).list();
            int raised = 0;
            for (Candidate c : candidates) {
                raised += check(h, c, now);
            }
            return raised;
        });
    }

    private int check(Handle h, Candidate c, long now) {
        SlaPolicyDao dao = h.attach(SlaPolicyDao.class);
        Set<String> done = new HashSet<>();
        for (SlaPolicyDao.Alert a : dao.alerts(c.id())) {
            done.add(a.deadline() + "|" + a.dueAt() + "|" + a.level());
        }
        int raised = 0;
        if (c.firstResponseAt() == null && c.firstResponseDueAt() != null) {
            raised += raise(h, dao, done, c, "first_response", c.createdAt(), c.firstResponseDueAt(), now);
        }
        if (c.nextResponseDueAt() != null && c.nextResponseSince() != null) {
            raised += raise(h, dao, done, c, "next_response", c.nextResponseSince(), c.nextResponseDueAt(), now);
        }
        if (c.resolutionDueAt() != null) {
            raised += raise(h, dao, done, c, "resolution", c.createdAt(), c.resolutionDueAt(), now);
        }
        return raised;
    }

    private int raise(Handle h, SlaPolicyDao dao, Set<String> done, Candidate c, String deadline, long start, long due,
                      long now) {
        int raised = 0;
        long warnAt = start + (due - start) * 3 / 4;
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

    private static Long nullable(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
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
