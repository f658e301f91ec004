package nl.gehoord.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SQLite writer's group commit, on a real database file. */
class GroupCommitTest {
    private Database db;
    private Path file;

    @BeforeEach
    void open() throws Exception {
        file = Files.createTempDirectory("group-commit").resolve("g.db");
        db = Database.open("jdbc:sqlite:" + file);
        db.write(h -> h.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void writesThatArriveDuringACommitShareTheNextOneAndAFailureFailsOnlyItself() throws Exception {
        // Hold the writer in a first write until the others are queued, so they form one group.
        CountDownLatch inFirst = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            Future<?> first = pool.submit(() -> db.write(h -> {
                inFirst.countDown();
                await(release);
                return h.execute("INSERT INTO t (id, v) VALUES (0, 'first')");
            }));
            assertThat(inFirst.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<Integer>> others = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                int id = i;
                others.add(pool.submit(() -> db.write(h -> {
                    h.execute("INSERT INTO t (id, v) VALUES (?, 'kept')", id);
                    if (id == 5) {
                        // Half done, then a constraint fails: this write alone is rolled back.
                        h.execute("INSERT INTO t (id, v) VALUES (?, NULL)", 100 + id);
                    }
                    return id;
                })));
            }
            Thread.sleep(300); // all ten queued behind the first
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            int ok = 0;
            for (Future<Integer> f : others) {
                try {
                    f.get(10, TimeUnit.SECONDS);
                    ok++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(org.jdbi.v3.core.statement.UnableToExecuteStatementException.class);
                }
            }
            assertThat(ok).isEqualTo(9);
            List<Integer> ids = db.read(h -> h.createQuery("SELECT id FROM t ORDER BY id").mapTo(Integer.class).list());
            assertThat(ids).containsExactly(0, 1, 2, 3, 4, 6, 7, 8, 9, 10);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWriteInsideAWriteIsRefused() {
        assertThatThrownBy(() -> db.write(h -> db.write(inner -> 1))).isInstanceOf(IllegalStateException.class);
        int inserted = db.write(h -> h.execute("INSERT INTO t (id, v) VALUES (1, 'after')"));
        assertThat(inserted).isEqualTo(1);
    }

    @Test
    void theLogIsCopiedIntoTheDatabaseFileInTheBackground() throws Exception {
        // The automatic checkpoint is off, so only the background checkpointer grows the main file.
        long before = Files.size(file);
        for (int i = 0; i < 200; i++) {
            int id = i;
            db.write(h -> h.execute("INSERT INTO t (id, v) VALUES (?, ?)", id, "x".repeat(500)));
        }
        int autoCheckpoint = db.read(h -> h.createQuery("PRAGMA wal_autocheckpoint").mapTo(Integer.class).one());
        assertThat(autoCheckpoint).isZero();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Files.size(file) == before && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(Files.size(file)).isGreaterThan(before + 50_000);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
