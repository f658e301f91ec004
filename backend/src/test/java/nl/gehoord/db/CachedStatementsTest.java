package nl.gehoord.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reused prepared statements must behave exactly like fresh ones. */
class CachedStatementsTest {
    private ScratchDatabase scratch;
    private Database db;
    private CachedStatements cache;

    @BeforeEach
    void open() throws Exception {
        scratch = ScratchDatabase.open("cached-statements", "CREATE TABLE t (id TEXT PRIMARY KEY, n BIGINT NOT NULL)");
        db = scratch.db();
        cache = scratch.cache();
    }

    @AfterEach
    void close() throws Exception {
        scratch.close();
    }

    private void insert(String id, long n) {
        db.writeVoid(h -> h.createUpdate("INSERT INTO t (id, n) VALUES (:id, :n)").bind("id", id).bind("n", n)
                .execute());
    }

    private Long n(String id) {
        return db.read(h -> h.createQuery("SELECT n FROM t WHERE id = :id").bind("id", id).mapTo(Long.class)
                .findOne().orElse(null));
    }

    @Test
    void aStatementIsPreparedOnceAndReusedWithFreshParameters() {
        for (int i = 0; i < 50; i++) {
            insert("id" + i, i);
        }
        for (int i = 0; i < 50; i++) {
            assertThat(n("id" + i)).isEqualTo(i);
        }
        assertThat(n("missing")).isNull();
        // One INSERT and one SELECT kept per connection that ran them, not one per use.
        assertThat(cache.idleStatements()).isBetween(2, 2 * 8 + 1);
    }

    @Test
    void theSameSqlUsedInsideItsOwnResultsGetsItsOwnStatement() {
        insert("a", 1);
        insert("b", 2);
        List<String> seen = db.read(h -> h.createQuery("SELECT id FROM t ORDER BY id").mapTo(String.class)
                .stream().map(id -> id + "=" + h.createQuery("SELECT id FROM t ORDER BY id").mapTo(String.class)
                        .list().size()).toList());
        assertThat(seen).containsExactly("a=2", "b=2");
    }

    @Test
    void aFailedOrRolledBackStatementLeavesNothingBehind() {
        insert("a", 1);
        assertThatThrownBy(() -> insert("a", 2)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> db.writeVoid(h -> {
            h.createUpdate("INSERT INTO t (id, n) VALUES (:id, :n)").bind("id", "c").bind("n", 3).execute();
            throw new IllegalStateException("roll back");
        })).isInstanceOf(IllegalStateException.class);
        insert("d", 4);
        assertThat(n("a")).isEqualTo(1);
        assertThat(n("c")).isNull();
        assertThat(n("d")).isEqualTo(4);
    }

    @Test
    void aCachedReadHoldsNoSnapshot() {
        insert("a", 1);
        // Read once without exhausting the rows, so a statement that was not reset would keep an old snapshot.
        Long first = db.read(h -> h.createQuery("SELECT n FROM t").mapTo(Long.class).first());
        assertThat(first).isEqualTo(1);
        Jdbi other = Jdbi.create("jdbc:sqlite:" + scratch.dir().resolve("test.db"));
        other.useHandle(h -> h.execute("UPDATE t SET n = 5 WHERE id = 'a'"));
        for (int i = 0; i < 16; i++) {
            Long now = db.read(h -> h.createQuery("SELECT n FROM t").mapTo(Long.class).first());
            assertThat(now).isEqualTo(5);
        }
        // A checkpoint can complete: no cached statement keeps a read transaction open.
        Integer busy = db.read(h -> h.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").mapTo(Integer.class).first());
        assertThat(busy).isZero();
    }
}
