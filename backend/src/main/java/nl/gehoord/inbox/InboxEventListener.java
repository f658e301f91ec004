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
        switch (event.type()) {
            case RECEIVED, YOUNG_PERSON_MESSAGE, WITHDRAWN, ERASED -> {
            }
            default -> {
                return; // the inbox's own events, or push and statistics
            }
        }
        switch (event.type()) {
            case RECEIVED -> {
                if (event.snapshot() == null || !event.snapshot().created()) {
                    dueDates.received(h, event.caseId());
                } // else stored with its deadlines by DueDates.forNewCase
            }
            case YOUNG_PERSON_MESSAGE -> dueDates.youngPersonWrote(h, event.caseId());
            case WITHDRAWN -> dueDates.statusChanged(h, event.caseId());
            case ERASED -> {
                h.attach(InboxDao.class).deleteNotes(event.caseId());
                dueDates.statusChanged(h, event.caseId());
            }
            default -> {
                // Other events are the inbox's own or concern push and statistics.
            }
        }
    }
}
