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
import java.util.Set;
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

    private static final class PerConnection extends DefaultStatementBuilder {
        private final SQLiteConnection raw;
        private final LinkedHashMap<String, ArrayDeque<PreparedStatement>> idle =
                new LinkedHashMap<>(64, 0.75f, true);
        private final Set<PreparedStatement> lent = Collections.newSetFromMap(new IdentityHashMap<>());
        private int idleCount;

        PerConnection(SQLiteConnection raw) {
            this.raw = raw;
        }

        @Override
        public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
            if (ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable()) {
                return super.create(conn, sql, ctx);
            }
            ArrayDeque<PreparedStatement> free = idle.get(sql);
            while (free != null && !free.isEmpty()) {
                PreparedStatement statement = free.pop();
                idleCount--;
                if (!statement.isClosed()) {
                    lent.add(statement);
                    return statement;
                }
            }
            PreparedStatement statement = raw.prepareStatement(sql);
            lent.add(statement);
            return statement;
        }

        @Override
        public void close(Connection conn, String sql, Statement statement) throws SQLException {
            if (!(statement instanceof PreparedStatement real) || !lent.remove(real)) {
                super.close(conn, sql, statement);
                return;
            }
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
