package nl.gehoord.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;
import org.sqlite.SQLiteConnection;

/**
 * Keeps SQLite prepared statements for reuse on their own connection. Jdbi prepares every statement afresh and
 * the pool closes them when a handle ends; a case submission runs some forty statements, and preparing them again
 * each time was a large part of the time spent holding the single writer's lock.
 *
 * <p>Statements are prepared on the physical SQLite connection (so the pool does not close them) and kept per
 * connection, keyed by SQL. A pool hands one connection to one thread at a time, so each connection's cache is
 * used by one thread at a time. A statement is handed out to one user until Jdbi gives it back; a nested use of
 * the same SQL gets its own. Closing a result set resets the statement, so a cached statement holds no snapshot
 * and no lock. Dynamic SQL (lists expanded into {@code IN (...)}) is bounded by an LRU limit per connection.
 */
final class CachedStatements implements StatementBuilderFactory {
    static final int MAX_PER_CONNECTION = 256;

    private final Map<SQLiteConnection, PerConnection> caches = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public StatementBuilder createStatementBuilder(Connection connection) {
        SQLiteConnection raw;
        try {
            raw = connection.unwrap(SQLiteConnection.class);
        } catch (SQLException e) {
            return new DefaultStatementBuilder();
        }
        return caches.computeIfAbsent(raw, PerConnection::new);
    }

    /** Statements waiting for reuse, over all connections; for tests. */
    int idleStatements() {
        synchronized (caches) {
            return caches.values().stream().mapToInt(c -> c.idleCount).sum();
        }
    }

    static final class PerConnection extends DefaultStatementBuilder {
        private final SQLiteConnection raw;
        private final LinkedHashMap<String, ArrayDeque<PreparedStatement>> idle =
                new LinkedHashMap<>(64, 0.75f, true);
        /** Statements handed out, with the SQL they were prepared from (Jdbi gives back the unparsed SQL). */
        private final Map<PreparedStatement, String> lent = new IdentityHashMap<>();
        private int idleCount;

        PerConnection(SQLiteConnection raw) {
            this.raw = raw;
        }

        @Override
        public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
            if (ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable()) {
                return super.create(conn, sql, ctx);
            }
            return lend(sql);
        }

        /** A statement for {@code sql}, reused when one is idle; give it back with {@link #close}. */
        PreparedStatement lend(String sql) throws SQLException {
            ArrayDeque<PreparedStatement> free = idle.get(sql);
            while (free != null && !free.isEmpty()) {
                PreparedStatement statement = free.pop();
                idleCount--;
                if (!statement.isClosed()) {
                    lent.put(statement, sql);
                    return statement;
                }
            }
            PreparedStatement statement = raw.prepareStatement(sql);
            lent.put(statement, sql);
            return statement;
        }

        @Override
        public void close(Connection conn, String unparsed, Statement statement) throws SQLException {
            String sql = statement instanceof PreparedStatement ? lent.remove(statement) : null;
            if (sql == null) {
                super.close(conn, unparsed, statement);
                return;
            }
            PreparedStatement real = (PreparedStatement) statement;
            if (real.isClosed()) {
                return;
            }
            if (raw.isClosed()) {
                real.close();
                return;
            }
            try {
                real.clearParameters();
            } catch (SQLException e) {
                real.close();
                return;
            }
            idle.computeIfAbsent(sql, k -> new ArrayDeque<>(2)).push(real);
            idleCount++;
            evictOverLimit();
        }

        private void evictOverLimit() throws SQLException {
            Iterator<Map.Entry<String, ArrayDeque<PreparedStatement>>> eldest = idle.entrySet().iterator();
            while (idleCount > MAX_PER_CONNECTION && eldest.hasNext()) {
                ArrayDeque<PreparedStatement> statements = eldest.next().getValue();
                for (PreparedStatement statement : statements) {
                    statement.close();
                    idleCount--;
                }
                eldest.remove();
            }
        }
    }
}
