package nl.gehoord.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Statements run straight on the connection store and read what Jdbi's would, in the same transaction. */
class DirectSqlTest {
    private ScratchDatabase scratch;
    private Database db;
    private CachedStatements cache;

    @BeforeEach
    void open() throws Exception {
        scratch = ScratchDatabase.open("direct-sql", "CREATE TABLE t (id TEXT PRIMARY KEY, n BIGINT, flag BOOLEAN, note TEXT)");
        db = scratch.db();
        cache = scratch.cache();
    }

    @AfterEach
    void close() throws Exception {
        scratch.close();
    }

    private int insert(String id, Long n, boolean flag, String note) {
        return db.write(h -> DirectSql.update(h, "INSERT INTO t (id, n, flag, note) VALUES (:id, :n, :flag, :note)")
                .bind("id", id).bind("n", n).bind("flag", flag).bind("note", note).execute());
    }

    @Test
    void namedParametersBindByNameAndRepeatedNamesEverywhere() {
        assertThat(insert("a", 5L, true, "x")).isEqualTo(1);
        assertThat(insert("b", null, false, null)).isEqualTo(1);
        // A quoted colon is text, not a parameter; a name used twice is bound in both places.
        List<String> rows = db.read(h -> DirectSql.query(h, """
                SELECT id || ':' || COALESCE(n, -1) || ':' || flag || ':' || COALESCE(note, 'none') FROM t
                WHERE n IS NULL OR n = :n OR n > :n + 100 ORDER BY id
                """).bind("n", 5L).map(rs -> rs.getString(1)).list());
        assertThat(rows).containsExactly("a:5:1:x", "b:-1:0:none");
        // Jdbi reads what was written directly.
        Long unset = db.read(h -> h.createQuery("SELECT n FROM t WHERE id = 'b'").mapTo(Long.class).one());
        assertThat(unset).isNull();
    }

    @Test
    void positionalParametersBindByIndexFromZero() {
        db.writeVoid(h -> DirectSql.update(h, "INSERT INTO t (id, n) VALUES (?, ?)").bind(0, "p").bind(1, 7L)
                .execute());
        Optional<Long> n = db.read(h -> DirectSql.query(h, "SELECT n FROM t WHERE id = :id").bind("id", "p")
                .map(rs -> rs.getLong(1)).findFirst());
        assertThat(n).contains(7L);
        Optional<Long> none = db.read(h -> DirectSql.query(h, "SELECT n FROM t WHERE id = :id").bind("id", "none")
                .map(rs -> rs.getLong(1)).findFirst());
        assertThat(none).isEmpty();
    }

    @Test
    void aMissingOrUnknownParameterIsRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> db.writeVoid(h -> DirectSql.update(h, "INSERT INTO t (id, n) VALUES (:id, :n)")
                .bind("id", "x").execute())).isInstanceOf(IllegalStateException.class).hasMessageContaining(":n");
        assertThatThrownBy(() -> db.writeVoid(h -> DirectSql.update(h, "INSERT INTO t (id) VALUES (:id)")
                .bind("other", "x"))).isInstanceOf(IllegalArgumentException.class);
        int rows = db.read(h -> h.createQuery("SELECT COUNT(*) FROM t").mapTo(Integer.class).one());
        assertThat(rows).isZero();
    }

    @Test
    void aFailingStatementFailsAsJdbiStatementsDoAndRollsBackItsTransaction() {
        insert("dup", 1L, false, null);
        assertThatThrownBy(() -> db.writeVoid(h -> {
            DirectSql.update(h, "UPDATE t SET n = 2 WHERE id = :id").bind("id", "dup").execute();
            DirectSql.update(h, "INSERT INTO t (id) VALUES (:id)").bind("id", "dup").execute();
        })).isInstanceOf(UnableToExecuteStatementException.class).hasMessageNotContaining("dup'");
        long n = db.read(h -> h.createQuery("SELECT n FROM t WHERE id = 'dup'").mapTo(Long.class).one());
        assertThat(n).isEqualTo(1L);
    }

    @Test
    void statementsAreReusedOnTheirConnectionAndTheObserverSeesEachOne() {
        List<String> seen = new ArrayList<>();
        db.jdbi().getConfig(DirectSql.Observers.class).set(seen::add);
        int idleBefore = cache.idleStatements();
        for (int i = 0; i < 40; i++) {
            insert("id" + i, (long) i, i % 2 == 0, "n" + i);
        }
        assertThat(seen).hasSize(40).allMatch(sql -> sql.startsWith("INSERT INTO t"));
        assertThat(cache.idleStatements()).as("one INSERT kept, on the writer's connection").isEqualTo(idleBefore + 1);
        long sum = db.read(h -> DirectSql.query(h, "SELECT n FROM t").map(rs -> rs.getLong(1)).list())
                .stream().mapToLong(Long::longValue).sum();
        assertThat(sum).isEqualTo(40 * 39 / 2);
    }

    @Test
    void theDriverRunsNoGeneratedKeysQueryAfterAnInsert() {
        // Every id is made by the application; the driver's extra SELECT last_insert_rowid() would double each INSERT.
        Database deployed = Database.open("jdbc:sqlite:" + scratch.dir().resolve("deployed.db"));
        try {
            boolean generatedKeys = deployed.read(h -> {
                try {
                    return h.getConnection().unwrap(org.sqlite.SQLiteConnection.class).getConnectionConfig()
                            .isGetGeneratedKeys();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(generatedKeys).isFalse();
        } finally {
            deployed.close();
        }
    }
}
