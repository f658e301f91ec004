package nl.gehoord.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;

/** Hands each case event to every listener, in the caller's transaction. Listeners are added once, at wiring. */
public final class CaseEvents {
    private final List<CaseEventListener> listeners = new CopyOnWriteArrayList<>();

    public CaseEvents listen(CaseEventListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Removes a listener added by {@link #listen} (tests that share one server remove what they added). */
    public void unlisten(CaseEventListener listener) {
        listeners.remove(listener);
    }

    public void publish(Handle handle, CaseEvent event) {
        for (CaseEventListener listener : listeners) {
            listener.on(handle, event);
        }
    }

    /** Several events of one change, in order: a listener may handle them together (one rollup update for all). */
    public void publish(Handle handle, List<CaseEvent> events) {
        for (CaseEventListener listener : listeners) {
            listener.on(handle, events);
        }
    }
}
