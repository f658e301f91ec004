package nl.gehoord.push;

import java.util.List;

/**
 * Transport only: hands pushes to a push service and says what happened to each. It knows nothing of cases,
 * recipients, texts or quiet hours; that is the policy's business ({@link PushPolicy}, {@link PushComposer}).
 */
public interface PushSender extends AutoCloseable {
    /** FCM's sendEach takes at most 500 messages a call. */
    int MAX_BATCH = 500;

    /** Sends at most {@link #MAX_BATCH} pushes; returns one outcome per push, in the same order. */
    List<SendOutcome> send(List<PushMessage> messages);

    /** A short name for logs and metrics, such as "fcm" or "log". */
    String name();

    @Override
    default void close() {
    }
}
