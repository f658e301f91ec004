package nl.gehoord.push;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the dispatcher on its own thread: batch after batch while there is work, then it waits until woken by a
 * new outbox row (after its transaction commits) or until the poll interval passes (for retries, quiet hours
 * and other instances' rows).
 */
public final class PushWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PushWorker.class);

    private final PushDispatcher dispatcher;
    private final Duration idlePoll;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;

    public PushWorker(PushDispatcher dispatcher, Duration idlePoll) {
        this.dispatcher = dispatcher;
        this.idlePoll = idlePoll;
        this.thread = new Thread(this::loop, "gehoord-push");
        this.thread.setDaemon(true);
    }

    public PushWorker start() {
        thread.start();
        return this;
    }

    /** A new push is waiting: look now rather than at the next poll. */
    public void wake() {
        wake.release();
    }

    private void loop() {
        while (running) {
            int handled = 0;
            try {
                handled = dispatcher.runOnce();
            } catch (RuntimeException e) {
                LOG.warn("push dispatcher run failed: {}", e.getClass().getSimpleName());
            }
            if (handled == 0) {
                try {
                    wake.tryAcquire(idlePoll.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        wake.release();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
