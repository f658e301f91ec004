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
