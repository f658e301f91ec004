package nl.gehoord.push;

import java.time.Clock;
import nl.gehoord.crypto.Tokens;
import nl.gehoord.events.CaseEvent;
import nl.gehoord.events.CaseEventListener;
import org.jdbi.v3.core.Handle;

/**
 * Turns each case event into outbox rows inside the event's own transaction: the push commits with the change or
 * rolls back with it. A new push replaces older waiting pushes of the same text for the same case and recipient,
 * so twenty replies during quiet hours wake the phone once. An erased case takes all its outbox rows with it.
 */
public final class OutboxListener implements CaseEventListener {
    private final PushPolicy policy;
    private final Tokens tokens;
    private final Clock clock;
    private final Runnable afterCommit;

    /** {@code afterCommit} runs once the transaction has committed (it wakes the dispatcher); may be a no-op. */
    public OutboxListener(PushPolicy policy, Tokens tokens, Clock clock, Runnable afterCommit) {
        this.policy = policy;
        this.tokens = tokens;
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    /**
     * The events of a case stored in this transaction: nothing waits for it yet, so nothing is collapsed, and the
     * pushes are written together, only for recipients that can receive them.
     */
    @Override
    public void on(Handle handle, java.util.List<CaseEvent> events) {
        boolean allNew = events.stream().allMatch(e -> e.snapshot() != null && e.snapshot().created());
        if (!allNew) {
            CaseEventListener.super.on(handle, events);
            return;
        }
        long now = clock.millis();
        java.util.List<OutboxDao.Row> rows = new java.util.ArrayList<>();
        for (PushPolicy.Push push : policy.pushesForNewCase(handle, events)) {
            CaseEvent event = events.stream().filter(e -> e.snapshot() != null).reduce((a, b) -> b).orElseThrow();
            String deviceId = PushPolicy.DEVICE.equals(push.recipientKind()) ? push.recipientId() : null;
            String staffId = deviceId == null ? push.recipientId() : null;
            rows.add(new OutboxDao.Row(tokens.id(), event.caseId(), eventOf(events, push), push.messageKey(),
                    deviceId, staffId, PushPolicy.urgent(event, event.snapshot().urgent()), OutboxDao.PENDING, 0,
                    now, now, null, null, null, null));
        }
        if (OutboxDao.insertReachable(handle, rows) > 0) {
            handle.afterCommit(afterCommit);
        }
    }

    /** The event a push of a new case answers: the last of them that sends its text. */
    private static String eventOf(java.util.List<CaseEvent> events, PushPolicy.Push push) {
        boolean assignedText = PushTexts.CASE_ASSIGNED.equals(push.messageKey())
                || (PushPolicy.STAFF.equals(push.recipientKind()) && events.stream().anyMatch(
                        e -> e.type() == CaseEvent.Type.ASSIGNED && push.recipientId().equals(e.staffId())));
        return (assignedText ? CaseEvent.Type.ASSIGNED : CaseEvent.Type.RECEIVED).code();
    }

    @Override
    public void on(Handle handle, CaseEvent event) {
        OutboxDao outbox = handle.attach(OutboxDao.class);
        if (CaseEvent.Type.ERASED.equals(event.type())) {
            outbox.deleteForCase(event.caseId());
            return;
        }
        boolean caseUrgent = handle.attach(PushTargetDao.class).caseFacts(event.caseId())
                .map(PushTargetDao.CaseFacts::urgent).orElse(false);
        boolean urgent = PushPolicy.urgent(event, caseUrgent);
        long now = clock.millis();
        int written = 0;
        for (PushPolicy.Push push : policy.pushesFor(handle, event)) {
            String deviceId = PushPolicy.DEVICE.equals(push.recipientKind()) ? push.recipientId() : null;
            String staffId = deviceId == null ? push.recipientId() : null;
            outbox.collapsePending(event.caseId(), deviceId, staffId, push.messageKey(), now);
            outbox.insert(new OutboxDao.Row(tokens.id(), event.caseId(), event.type().code(), push.messageKey(), deviceId,
                    staffId, urgent, OutboxDao.PENDING, 0, now, now, null, null, null, null));
            written++;
        }
        if (written > 0) {
            handle.afterCommit(afterCommit);
        }
    }
}
