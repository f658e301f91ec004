package nl.gehoord.push;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Passes pushes on to a real sender and remembers the size of every call. */
final class RecordingSender implements PushSender {
    final PushSender inner;
    final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    RecordingSender(PushSender inner) {
        this.inner = inner;
    }

    @Override
    public List<SendOutcome> send(List<PushMessage> messages) {
        batchSizes.add(messages.size());
        return inner.send(messages);
    }

    @Override
    public String name() {
        return "recording";
    }
}
