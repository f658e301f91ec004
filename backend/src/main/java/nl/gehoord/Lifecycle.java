package nl.gehoord;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of the application with a life of their own (the database, the push transport, background jobs,
 * the HTTP server). They start in the order they were handed over and stop in reverse, so the server is the
 * last to start taking requests and the first to stop, and the database closes after everything that uses it.
 */
public final class Lifecycle implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    /** One managed part. */
    public interface Managed {
        /** Starts the part; most parts are usable once made and start nothing. */
        default void start() {
        }

        /** Stops the part; called once, also when a later part failed to start. */
        void stop();
    }

    private record Part(String name, Managed managed) {
    }

    private final List<Part> parts = new ArrayList<>();
    private final List<Part> started = new ArrayList<>();

    /** Hands a part over; it is started by {@link #start()} (or at once when the lifecycle already runs). */
    public <T extends Managed> T manage(String name, T part) {
        parts.add(new Part(name, part));
        return part;
    }

    /** A part that only needs closing, such as the database. */
    public <T extends AutoCloseable> T closes(String name, T closeable) {
        manage(name, () -> {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return closeable;
    }

    /** A part from a start and a stop action. */
    public void manage(String name, Runnable start, Runnable stop) {
        manage(name, new Managed() {
            @Override
            public void start() {
                start.run();
            }

            @Override
            public void stop() {
                stop.run();
            }
        });
    }

    /** Starts every part not started yet, in order. If one fails, those already started are stopped again. */
    public void start() {
        for (Part part : parts) {
            if (started.contains(part)) {
                continue;
            }
            try {
                part.managed().start();
            } catch (RuntimeException e) {
                close();
                throw e;
            }
            started.add(part);
        }
    }

    /** The names of the parts in start order (tests read it). */
    public List<String> names() {
        return parts.stream().map(Part::name).toList();
    }

    /**
     * Stops every part handed over, started or not, in reverse order. A part that fails to stop is logged and
     * the others still stop.
     */
    @Override
    public void close() {
        for (int i = parts.size() - 1; i >= 0; i--) {
            Part part = parts.get(i);
            try {
                part.managed().stop();
            } catch (RuntimeException e) {
                LOG.warn("stopping {} failed: {}", part.name(), e.getClass().getName());
            }
        }
        parts.clear();
        started.clear();
    }
}
