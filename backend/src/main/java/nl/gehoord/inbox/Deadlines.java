package nl.gehoord.inbox;

import nl.gehoord.sla.SlaPolicy;
import org.jdbi.v3.core.Handle;

/** Keeps a case's deadlines and the one the inbox sorts on (sla_due_at) in step with what happened. */
final class Deadlines {
    private Deadlines() {
    }

    /** A new case: first response and resolution due by the organisation's policy. */
    static void start(Handle h, InboxDao.Handling c, SlaPolicy policy) {
        long firstDue = policy.firstResponseDue(c.createdAt(), c.urgent());
        long resolutionDue = policy.resolutionDue(c.createdAt());
        write(h, c.id(), c.status(), firstDue, null, null, null, resolutionDue);
        // The receipt on the timeline shows the same due time as the inbox.
        h.createUpdate("UPDATE case_events SET due_at = :due WHERE case_id = :id AND type = 'received'")
                .bind("due", firstDue).bind("id", c.id()).execute();
    }

    /** The young person wrote after the first answer: the next answer is due by the policy, if not due already. */
    static void awaitNextResponse(Handle h, InboxDao.Handling c, SlaPolicy policy, long now) {
        if (c.firstResponseAt() == null || c.nextResponseDueAt() != null) {
            return;
        }
        write(h, c.id(), c.status(), c.firstResponseDueAt(), c.firstResponseAt(), now,
                policy.nextResponseDue(now, c.urgent()), c.resolutionDueAt());
    }

    /** A staff reply meets the next-response time. */
    static void clearNextResponse(Handle h, String caseId) {
        InboxDao.Handling c = h.attach(InboxDao.class).handling(caseId).orElseThrow();
        write(h, caseId, c.status(), c.firstResponseDueAt(), c.firstResponseAt(), null, null, c.resolutionDueAt());
    }

    /** After a status change: a finished case has no open deadline. */
    static void recompute(Handle h, String caseId) {
        InboxDao.Handling c = h.attach(InboxDao.class).handling(caseId).orElseThrow();
        write(h, caseId, c.status(), c.firstResponseDueAt(), c.firstResponseAt(), c.nextResponseSince(),
                c.nextResponseDueAt(), c.resolutionDueAt());
    }

    private static void write(Handle h, String caseId, String status, Long firstDue, Long firstAt, Long nextSince,
                              Long nextDue, Long resolutionDue) {
        h.attach(InboxDao.class).setDeadlines(caseId, firstDue, nextSince, nextDue, resolutionDue,
                SlaPolicy.earliest(status, firstDue, firstAt, nextDue, resolutionDue));
    }
}
