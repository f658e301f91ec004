package nl.gehoord.db;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * SQLite's single writer as one thread that commits in groups. Write requests that arrive while a commit is in
 * flight wait in a queue; the writer takes all of them into its next transaction, runs each in its own savepoint (a
 * request that fails is rolled back to its savepoint and fails alone) and commits once, so one fsync covers the
 * whole group. Each caller gets its answer only after that commit has returned: with {@code synchronous=FULL} the
 * write is on disk before anyone is told it is done.
 *
 * <p>What a request registers with {@link Handle#afterCommit} runs when the group commits, also for a request that
 * failed in its savepoint: those callbacks are wake-up signals (the push dispatcher, the staff pages' live
 * updates) that carry nothing, and a spurious one costs a reread.
 */
final class GroupCommit implements AutoCloseable {
    /** Enough to cover every request thread; a longer queue waits for the next group. */
    private static final int MAX_GROUP = 256;
    private static final int QUEUED = 0;
    private static final int TAKEN = 1;
    private static final int GIVEN_UP = 2;

    private final Jdbi jdbi;
    private final ReentrantLock writeLock;
    private final long waitSeconds;
    private final LinkedBlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;
    /** Put on the queue by {@link #close}, so a writer waiting for work sees at once that it is to stop. */
    private final Job<Object> wakeUp = new Job<>(h -> null);

    private static final class Job<T> {
        final HandleCallback<T, RuntimeException> work;
        final AtomicInteger state = new AtomicInteger(QUEUED);
        final CountDownLatch done = new CountDownLatch(1);
        T result;
        Throwable failure;

        Job(HandleCallback<T, RuntimeException> work) {
            this.work = work;
        }

        void run(Handle h) {
            result = work.withHandle(h);
        }
    }

    /** {@code writeLock} is held for each group, so the log's TRUNCATE checkpoint can wait for a quiet moment. */
    GroupCommit(Jdbi jdbi, ReentrantLock writeLock, long waitSeconds) {
        this.jdbi = jdbi;
        this.writeLock = writeLock;
        this.waitSeconds = waitSeconds;
        this.writer = new Thread(this::loop, "gehoord-db-writer");
        writer.setDaemon(true);
        writer.start();
    }

    <T> T write(HandleCallback<T, RuntimeException> work) {
        if (Thread.currentThread() == writer) {
            // The writer would wait for itself; a write belongs in the transaction it is called from.
            throw new IllegalStateException("a write transaction started inside another");
        }
        if (closed) {
            throw new DatabaseBusyException();
        }
        Job<T> job = new Job<>(work);
        queue.add(job);
        try {
            if (!job.done.await(waitSeconds, TimeUnit.SECONDS)) {
                if (job.state.compareAndSet(QUEUED, GIVEN_UP)) {
                    throw new DatabaseBusyException();
                }
                job.done.await(); // already in a group: its outcome decides
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (job.state.compareAndSet(QUEUED, GIVEN_UP)) {
                throw new DatabaseBusyException();
            }
            while (job.done.getCount() > 0) {
                try {
                    job.done.await();
                } catch (InterruptedException again) {
                    // already in a group: its outcome decides; the interrupt stays set for the caller
                }
            }
        }
        if (job.failure instanceof RuntimeException e) {
            throw e;
        }
        if (job.failure instanceof Error e) {
            throw e;
        }
        if (job.failure != null) {
            throw new IllegalStateException(job.failure);
        }
        return job.result;
    }

    private void loop() {
        List<Job<?>> group = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            Job<?> first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                continue;
            }
            group.add(first);
            queue.drainTo(group, MAX_GROUP - 1);
            group.removeIf(j -> !j.state.compareAndSet(QUEUED, TAKEN));
            if (!group.isEmpty()) {
                commit(group);
            }
            group.clear();
        }
    }

    private void commit(List<Job<?>> group) {
        writeLock.lock();
        try {
            if (group.size() == 1) {
                // Alone: a plain transaction, without the savepoint's two extra statements.
                Job<?> job = group.get(0);
                try {
                    jdbi.useTransaction(job::run);
                } catch (Throwable t) {
                    job.failure = t;
                }
                return;
            }
            try {
                jdbi.useTransaction(h -> {
                    // Savepoints as cached statements: Jdbi's savepoint calls prepare their SQL afresh each time.
                    for (Job<?> job : group) {
                        DirectSql.update(h, "SAVEPOINT request").execute();
                        try {
                            job.run(h);
                            DirectSql.update(h, "RELEASE request").execute();
                        } catch (RuntimeException | Error t) {
                            job.failure = t;
                            DirectSql.update(h, "ROLLBACK TO request").execute();
                            DirectSql.update(h, "RELEASE request").execute();
                        }
                    }
                });
            } catch (Throwable t) {
                // The commit itself failed (or a rollback to a savepoint did): nothing of the group is stored.
                for (Job<?> job : group) {
                    if (job.failure == null) {
                        job.failure = t;
                    }
                }
            }
        } finally {
            writeLock.unlock();
            for (Job<?> job : group) {
                if (job.failure != null) {
                    job.result = null;
                }
                job.done.countDown();
            }
        }
    }

    /** Lets the queued writes finish, then stops the writer. */
    @Override
    public void close() {
        closed = true;
        wakeUp.state.set(GIVEN_UP); // never run: the writer drops it like a write whose caller gave up
        queue.add(wakeUp);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(waitSeconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Job<?> job; (job = queue.poll()) != null; ) {
            if (job.state.compareAndSet(QUEUED, GIVEN_UP)) {
                job.failure = new DatabaseBusyException();
                job.done.countDown();
            }
        }
    }
}
