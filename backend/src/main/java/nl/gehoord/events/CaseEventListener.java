package nl.gehoord.events;

import org.jdbi.v3.core.Handle;

/**
 * Reacts to a case event inside the transaction that caused it: what a listener writes (an outbox row, a
 * statistics update) commits or rolls back together with the change itself.
 */
public interface CaseEventListener {
    void on(Handle handle, CaseEvent event);

    /** The events of one change together, in order; by default one by one. */
    default void on(Handle handle, java.util.List<CaseEvent> events) {
        for (CaseEvent event : events) {
            on(handle, event);
        }
    }
}
