package nl.gehoord.push;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender when no Firebase credentials are configured (the embedded default and the demo): it logs the event
 * name and ids of each push and reports it sent, so the whole flow can be followed offline.
 */
public final class LogSender implements PushSender {
    private static final Logger LOG = LoggerFactory.getLogger(LogSender.class);

    @Override
    public List<SendOutcome> send(List<PushMessage> messages) {
        List<SendOutcome> outcomes = new ArrayList<>(messages.size());
        for (PushMessage message : messages) {
            LOG.info("push (log sender) {} visible={}", message.describe(), message.visible() != null);
            outcomes.add(SendOutcome.sent());
        }
        return outcomes;
    }

    @Override
    public String name() {
        return "log";
    }
}
