package nl.gehoord.retention;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import nl.gehoord.config.RetentionSettings;
import nl.gehoord.db.Database;
import nl.gehoord.events.CaseEvents;
import nl.gehoord.intake.CaseDao;
import nl.gehoord.intake.CaseService;
import nl.gehoord.intake.DeviceDao;
import nl.gehoord.sla.WorkingDays;
import nl.gehoord.staff.StaffDao;
import nl.gehoord.staff.StaffSessionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily clean-up. Erases the content of cases that finished (closed, resolved, withdrawn) longer ago than
 * the retention period, the way a young person's own erase does (the coded facts for statistics stay, and
 * CaseEvent.Type.ERASED tells statistics and push); removes app installs not used for a long time; removes expired
 * staff sessions and invitations and old idempotency records. Works in small batches, each its own transaction, so the writer is
 * never held for long. Safe to run twice: what is gone stays gone.
 */
public final class RetentionJob {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    static final int BATCH = 100;

    /** What one run removed; counts only. */
    public record Report(int casesErased, int devicesRemoved, int sessionsRemoved, int idempotencyRemoved) {
    }

    private final Database db;
    private final CaseEvents events;
    private final RetentionSettings settings;

    public RetentionJob(Database db, CaseEvents events, RetentionSettings settings) {
        this.db = db;
        this.events = events;
        this.settings = settings;
    }

    /**
     * The scheduled daily run: only the first instance to claim today's date runs it, so N instances on one
     * database erase once. An instance that dies mid-run leaves the rest for tomorrow's pass, which erases by
     * age and so catches up.
     */
    public java.util.Optional<Report> runDaily(Instant now) {
        String day = now.atZone(WorkingDays.ZONE).toLocalDate().toString();
        if (db.write(h -> h.attach(RetentionDao.class).claimDay("retention", day)) == 0) {
            LOG.info("retention run skipped: another instance ran it today");
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(run(now));
    }

    public Report run(Instant now) {
        long nowMs = now.toEpochMilli();
        // Months are calendar months in Amsterdam time, so "12 months" means the same date a year earlier.
        long caseCutoff = ZonedDateTime.ofInstant(now, WorkingDays.ZONE).minus(settings.closedCaseContent())
                .toInstant().toEpochMilli();
        int cases = eraseFinishedCases(caseCutoff, nowMs);
        int devices = removeUnusedDevices(nowMs - settings.unusedDevice().toMillis());
        int sessions = db.write(h -> {
            StaffDao staff = h.attach(StaffDao.class);
            staff.deleteExpiredInvitations(nowMs);
            return staff.deleteExpiredSessions(nowMs, nowMs - StaffSessionService.IDLE_TIMEOUT.toMillis());
        });
        long idempotencyCutoff = nowMs - settings.idempotencyKeys().toMillis();
        int idempotency = db.write(h -> h.attach(CaseDao.class).deleteIdempotencyBefore(idempotencyCutoff)
                + h.attach(CaseDao.class).deleteErasedRequestsBefore(idempotencyCutoff));
        if (cases + devices + sessions + idempotency > 0) {
            // What was removed must not live on in the write-ahead log either.
            db.purgeLog();
        }
        Report report = new Report(cases, devices, sessions, idempotency);
        LOG.info("retention run: casesErased={} devicesRemoved={} sessionsRemoved={} idempotencyRemoved={}",
                cases, devices, sessions, idempotency);
        return report;
    }

    private int eraseFinishedCases(long cutoff, long now) {
        int total = 0;
        while (true) {
            int done = db.write(h -> {
                List<String> ids = h.attach(CaseDao.class).finishedClosedBefore(cutoff, BATCH);
                CaseDao cases = h.attach(CaseDao.class);
                for (String id : ids) {
                    CaseDao.CaseRow row = cases.byId(id).orElseThrow();
                    CaseService.eraseContent(h, row, now, events);
                }
                return ids.size();
            });
            total += done;
            if (done < BATCH) {
                return total;
            }
        }
    }

    private int removeUnusedDevices(long cutoff) {
        int total = 0;
        while (true) {
            int done = db.write(h -> {
                DeviceDao dao = h.attach(DeviceDao.class);
                int removed = 0;
                for (String id : dao.unusedSince(cutoff, BATCH)) {
                    removed += dao.deleteUnused(id, cutoff);
                }
                return removed;
            });
            total += done;
            if (done < BATCH) {
                return total;
            }
        }
    }
}
