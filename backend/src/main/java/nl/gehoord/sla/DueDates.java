package nl.gehoord.sla;

import java.time.Clock;
import java.util.Objects;
import nl.gehoord.db.Database;
import nl.gehoord.intake.CaseStatus;
import org.jdbi.v3.core.Handle;

/**
 * The one place that sets a case's deadlines: by the organisation's {@link SlaPolicy}, when the case comes in,
 * when the young person writes (and when that makes the case urgent), when staff answer and when the status
 * changes. It also keeps {@code sla_due_at}, the earliest open deadline the inbox shows and sorts on, in step.
 * Every method runs in the caller's transaction.
 */
public final class DueDates {
    private final Clock clock;

    public DueDates(Clock clock) {
        this.clock = clock;
    }

    /** The organisation's limits, or the defaults where it has set none. */
    public SlaPolicy policy(Handle h, String organisationId) {
        return h.attach(SlaPolicyDao.class).policy(organisationId).orElse(SlaPolicy.defaults());
    }

    public SlaPolicy policy(Database db, String organisationId) {
        return db.read(h -> policy(h, organisationId));
    }

    /** Replaces the organisation's limits; cases already in keep the due times they were given. */
    public void setPolicy(Handle h, String organisationId, SlaPolicy policy) {
        SlaPolicyDao dao = h.attach(SlaPolicyDao.class);
        dao.deletePolicy(organisationId);
        dao.insertPolicy(organisationId, policy, clock.millis());
    }

    /** A new case: the first answer and the resolution are due by the policy. */
    public void received(Handle h, String caseId) {
        h.attach(DeadlineDao.class).clocked(caseId).ifPresent(c ->
                write(h, c, forNewCase(policy(h, c.organisationId()), c.createdAt(), c.urgent())));
    }

    /**
     * The deadlines a new case starts with, for a case that is stored with them (intake reads the policy with the
     * places it names, so the case is written once).
     */
    public static Deadlines forNewCase(SlaPolicy policy, long createdAt, boolean urgent) {
        return new Deadlines(policy.firstResponseDue(createdAt, urgent), null, null, null,
                policy.resolutionDue(createdAt));
    }

    /**
     * The young person wrote. After a first answer the next one is due by the policy (unless one is due
     * already). On an urgent case, also one that just became urgent, every answer still waited for is due
     * within the organisation's urgent time from now.
     */
    public void youngPersonWrote(Handle h, String caseId) {
        h.attach(DeadlineDao.class).clocked(caseId).ifPresent(c -> {
            long now = clock.millis();
            SlaPolicy policy = policy(h, c.organisationId());
            Deadlines d = c.deadlines();
            if (d.firstResponseAt() != null && d.nextResponseDueAt() == null) {
                d = d.awaitingNext(now, policy.nextResponseDue(now, c.urgent()));
            }
            if (c.urgent()) {
                d = d.answersDueBy(policy.urgentDue(now));
            }
            write(h, c, d);
        });
    }

    /** Staff answered the young person: the first answer is given, and no next one is waited for. */
    public void staffAnswered(Handle h, String caseId) {
        h.attach(DeadlineDao.class).clocked(caseId).ifPresent(c -> write(h, c, c.deadlines().answered(clock.millis())));
    }

    /** After a status change or an erasure: a finished case has no open deadline. */
    public void statusChanged(Handle h, String caseId) {
        h.attach(DeadlineDao.class).clocked(caseId).ifPresent(c -> write(h, c, c.deadlines()));
    }

    private static void write(Handle h, DeadlineDao.Clocked c, Deadlines d) {
        DeadlineDao dao = h.attach(DeadlineDao.class);
        dao.write(c.id(), d, d.earliest(c.status().isOpen()));
        if (!Objects.equals(d.firstResponseDueAt(), c.deadlines().firstResponseDueAt())) {
            dao.showOnReceipt(c.id(), d.firstResponseDueAt());
        }
    }
}
