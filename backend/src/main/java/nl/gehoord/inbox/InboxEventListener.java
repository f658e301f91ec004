package nl.gehoord.inbox;

import java.time.Clock;
import nl.gehoord.events.CaseEvent;
import nl.gehoord.events.CaseEventListener;
import nl.gehoord.sla.SlaPolicies;
import org.jdbi.v3.core.Handle;

/**
 * Keeps the inbox's facts in step with what the young person does: deadlines for a new case and for the next
 * answer after they write; internal notes go when the case is erased.
 */
public final class InboxEventListener implements CaseEventListener {
    private final SlaPolicies policies;
    private final Clock clock;

    public InboxEventListener(SlaPolicies policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    public void on(Handle h, CaseEvent event) {
        if (!CaseEvent.RECEIVED.equals(event.type()) && !CaseEvent.YOUNG_PERSON_MESSAGE.equals(event.type())
                && !CaseEvent.WITHDRAWN.equals(event.type()) && !CaseEvent.ERASED.equals(event.type())) {
            return;
        }
        InboxDao inbox = h.attach(InboxDao.class);
        switch (event.type()) {
            case CaseEvent.RECEIVED -> {
                if (event.snapshot() != null && event.snapshot().created()) {
                    return; // stored with its deadlines by the organisation's policy
                }
                inbox.handling(event.caseId()).ifPresent(c ->
                        Deadlines.start(h, c, policies.forOrganisation(h, c.organisationId())));
            }
            case CaseEvent.YOUNG_PERSON_MESSAGE -> inbox.handling(event.caseId()).ifPresent(c ->
                    Deadlines.awaitNextResponse(h, c, policies.forOrganisation(h, c.organisationId()), clock.millis()));
            case CaseEvent.WITHDRAWN -> Deadlines.recompute(h, event.caseId());
            case CaseEvent.ERASED -> {
                inbox.deleteNotes(event.caseId());
                Deadlines.recompute(h, event.caseId());
            }
            default -> {
                // Other events are the inbox's own or concern push and statistics.
            }
        }
    }
}
