package nl.gehoord.inbox;

import nl.gehoord.events.CaseEvent;
import nl.gehoord.events.CaseEventListener;
import nl.gehoord.sla.DueDates;
import org.jdbi.v3.core.Handle;

/**
 * Keeps the inbox's facts in step with what the young person does: deadlines for a new case and for the next
 * answer after they write; internal notes go when the case is erased.
 */
public final class InboxEventListener implements CaseEventListener {
    private final DueDates dueDates;

    public InboxEventListener(DueDates dueDates) {
        this.dueDates = dueDates;
    }

    @Override
    public void on(Handle h, CaseEvent event) {
        InboxDao inbox = h.attach(InboxDao.class);
        switch (event.type()) {
            case RECEIVED -> dueDates.received(h, event.caseId());
            case YOUNG_PERSON_MESSAGE -> dueDates.youngPersonWrote(h, event.caseId());
            case WITHDRAWN -> dueDates.statusChanged(h, event.caseId());
            case ERASED -> {
                inbox.deleteNotes(event.caseId());
                dueDates.statusChanged(h, event.caseId());
            }
            default -> {
                // Other events are the inbox's own or concern push and statistics.
            }
        }
    }
}
