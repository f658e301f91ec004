package nl.gehoord.complaint;

import nl.gehoord.events.CaseEvent;
import nl.gehoord.events.CaseEventListener;
import org.jdbi.v3.core.Handle;

/** Erasing a case takes its formal complaint with it: the draft, the approved words and the letter. */
public final class ComplaintEraser implements CaseEventListener {
    @Override
    public void on(Handle handle, CaseEvent event) {
        if (CaseEvent.Type.ERASED.equals(event.type())) {
            handle.attach(ComplaintDao.class).deleteForCase(event.caseId());
        }
    }
}
