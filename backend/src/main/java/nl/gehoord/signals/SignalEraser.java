package nl.gehoord.signals;

import nl.gehoord.events.CaseEvent;
import nl.gehoord.events.CaseEventListener;
import org.jdbi.v3.core.Handle;

/** Erasing a case drops its links to signals; the signal and the trust person's own text stay. */
public final class SignalEraser implements CaseEventListener {
    @Override
    public void on(Handle handle, CaseEvent event) {
        if (CaseEvent.Type.ERASED.equals(event.type())) {
            handle.attach(SignalDao.class).unlinkCase(event.caseId());
        }
    }
}
