package nl.gehoord.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.config.JdbiConfig;
import org.jdbi.v3.core.statement.ParsedParameters;
import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * A statement run straight on the JDBC connection of a Jdbi handle, in the handle's transaction, for the statements
 * a case submission runs on the single writer. Jdbi copies its whole configuration for every statement and looks
 * up an argument factory for every bound type; over the dozen statements of a case that was most of the writer's
 * time. Here the SQL is parsed once per text by Jdbi's own parser, values are bound by their static type, and the
 * statement comes from the same per-connection cache Jdbi's statements use on SQLite.
 *
 * <p>The API follows Jdbi's ({@code update(h, sql).bind(..).execute()}, {@code query(h, sql).bind(..).map(..)}),
 * and the SQL stays in the DAOs. Every statement is reported to the {@link Observers} of the handle's Jdbi, so
 * statement counts see these as they see Jdbi's own.
 */
public final class DirectSql {
    /**
     * SQL texts parsed so far, with the positions of each name; built SQL (rows of a multi-row insert) has few
     * shapes, but the cache is bounded.
     */
    private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();
    private static final int MAX_PARSED = 2048;

    private DirectSql() {
    }

    public static Update update(Handle h, String sql) {
        return new Update(h, sql);
    }

    public static Query query(Handle h, String sql) {
        return new Query(h, sql);
    }

    /** Reads one row; the result set stands on that row. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Told of every direct statement, with its SQL; for statement counts in tests. */
    @FunctionalInterface
    public interface Observer {
        void executed(String sql);
    }

    /** The observers, kept in the Jdbi configuration so each database has its own. */
    public static final class Observers implements JdbiConfig<Observers> {
        private volatile Observer observer;

        public Observers() {
        }

        private Observers(Observers that) {
            this.observer = that.observer;
        }

        /** The one observer, or {@code null} for none. */
        public void set(Observer observer) {
            this.observer = observer;
        }

        @Override
        public Observers createCopy() {
            return new Observers(this);
        }
    }

    /**
     * SQL as Jdbi's own parser (the one its statements use) rewrites it to {@code ?}, with the name of each
     * {@code ?} in order ({@code null} for SQL written with {@code ?}, bound by index from 0 as in Jdbi) and the
     * positions of each name.
     */
    private record Parsed(String jdbcSql, String[] names, Map<String, int[]> positions) {
        static Parsed of(Handle h, String sql) {
            ParsedSql parsed = h.getConfig(SqlStatements.class).getSqlParser().parse(sql, null);
            ParsedParameters parameters = parsed.getParameters();
            String[] names = parameters.isPositional() ? new String[parameters.getParameterCount()]
                    : parameters.getParameterNames().toArray(String[]::new);
            Map<String, List<Integer>> byName = new HashMap<>();
            for (int p = 0; p < names.length; p++) {
                if (names[p] != null) {
                    byName.computeIfAbsent(names[p], k -> new ArrayList<>()).add(p + 1);
                }
            }
            Map<String, int[]> positions = new HashMap<>();
            byName.forEach((name, list) -> positions.put(name, list.stream().mapToInt(Integer::intValue).toArray()));
            return new Parsed(parsed.getSql(), names, positions);
        }
    }

    /** What the statements share: the SQL, the values bound so far and how the statement is run. */
    private abstract static sealed class Statement<S extends Statement<S>> permits Update, Query {
        private static final Object UNBOUND = new Object();
        final Handle handle;
        final String sql;
        final Parsed parsed;
        final Object[] values;
        final int[] sqlTypes;

        Statement(Handle handle, String sql) {
            this.handle = handle;
            this.sql = sql;
            Parsed known = PARSED.get(sql);
            if (known == null) {
                known = Parsed.of(handle, sql);
                if (PARSED.size() < MAX_PARSED) {
                    PARSED.putIfAbsent(sql, known);
                }
            }
            this.parsed = known;
            this.values = new Object[parsed.names().length];
            this.sqlTypes = new int[values.length];
            java.util.Arrays.fill(values, UNBOUND);
        }

        abstract S self();

        private S put(String name, Object value, int sqlType) {
            int[] at = parsed.positions().get(name);
            if (at == null) {
                throw new IllegalArgumentException("no parameter :" + name + " in the statement");
            }
            for (int p : at) {
                values[p - 1] = value;
                sqlTypes[p - 1] = sqlType;
            }
            return self();
        }

        private S putAt(int index, Object value, int sqlType) {
            if (index < 0 || index >= values.length || parsed.names()[index] != null) {
                throw new IllegalArgumentException("no parameter ? number " + index + " in the statement");
            }
            values[index] = value;
            sqlTypes[index] = sqlType;
            return self();
        }

        /** Binds the {@code index}th {@code ?}, counted from 0. */
        public S bind(int index, String value) {
            return putAt(index, value, Types.VARCHAR);
        }

        /** Binds the {@code index}th {@code ?}, counted from 0. */
        public S bind(int index, long value) {
            return putAt(index, value, Types.BIGINT);
        }

        public S bind(String name, String value) {
            return put(name, value, Types.VARCHAR);
        }

        public S bind(String name, Long value) {
            return put(name, value, Types.BIGINT);
        }

        public S bind(String name, long value) {
            return put(name, value, Types.BIGINT);
        }

        public S bind(String name, Integer value) {
            return put(name, value, Types.INTEGER);
        }

        public S bind(String name, int value) {
            return put(name, value, Types.INTEGER);
        }

        public S bind(String name, boolean value) {
            return put(name, value, Types.BOOLEAN);
        }

        public S bind(String name, Coded value) {
            return put(name, value == null ? null : value.code(), Types.VARCHAR);
        }

        final <T> T run(Execution<T> execution) {
            Connection connection = handle.getConnection();
            StatementBuilder builder = handle.getStatementBuilder();
            CachedStatements.PerConnection cache = builder instanceof CachedStatements.PerConnection c ? c : null;
            PreparedStatement statement = null;
            try {
                statement = cache != null ? cache.lend(parsed.jdbcSql())
                        : connection.prepareStatement(parsed.jdbcSql());
                for (int i = 0; i < values.length; i++) {
                    bindAt(statement, i + 1, values[i], sqlTypes[i]);
                }
                T result = execution.run(statement);
                Observer observer = handle.getConfig(Observers.class).observer;
                if (observer != null) {
                    observer.executed(sql);
                }
                return result;
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException("could not run: " + firstLine(sql), e, null);
            } finally {
                if (statement != null) {
                    try {
                        if (cache != null) {
                            cache.close(connection, parsed.jdbcSql(), statement);
                        } else {
                            statement.close();
                        }
                    } catch (SQLException e) {
                        // the statement is lost to the cache; the result stands
                    }
                }
            }
        }

        private void bindAt(PreparedStatement statement, int position, Object value, int sqlType)
                throws SQLException {
            if (value == UNBOUND) {
                String name = parsed.names()[position - 1];
                throw new IllegalStateException("parameter " + (name == null ? "number " + (position - 1) : ":" + name)
                        + " is not bound");
            }
            if (value == null) {
                statement.setNull(position, sqlType);
            } else if (value instanceof String s) {
                statement.setString(position, s);
            } else if (value instanceof Long l) {
                statement.setLong(position, l);
            } else if (value instanceof Integer n) {
                statement.setInt(position, n);
            } else if (value instanceof Boolean b) {
                statement.setBoolean(position, b);
            } else {
                throw new IllegalStateException("unexpected value type " + value.getClass());
            }
        }

        private static String firstLine(String sql) {
            String line = sql.strip().lines().findFirst().orElse("");
            return line.length() > 60 ? line.substring(0, 60) : line;
        }
    }

    @FunctionalInterface
    private interface Execution<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    public static final class Update extends Statement<Update> {
        private Update(Handle handle, String sql) {
            super(handle, sql);
        }

        @Override
        Update self() {
            return this;
        }

        /** @return the number of rows changed */
        public int execute() {
            return run(PreparedStatement::executeUpdate);
        }
    }

    public static final class Query extends Statement<Query> {
        private Query(Handle handle, String sql) {
            super(handle, sql);
        }

        @Override
        Query self() {
            return this;
        }

        public <T> Rows<T> map(RowReader<T> reader) {
            return new Rows<>(this, reader);
        }

        <T> List<T> read(RowReader<T> reader, int limit) {
            return run(statement -> {
                List<T> rows = new ArrayList<>();
                // Closing the result set resets the statement: a cached statement keeps no read snapshot.
                try (ResultSet rs = statement.executeQuery()) {
                    while (rows.size() < limit && rs.next()) {
                        rows.add(reader.read(rs));
                    }
                }
                return rows;
            });
        }
    }

    /** The rows of a query, read by one reader. */
    public static final class Rows<T> {
        private final Query query;
        private final RowReader<T> reader;

        private Rows(Query query, RowReader<T> reader) {
            this.query = query;
            this.reader = reader;
        }

        public List<T> list() {
            return query.read(reader, Integer.MAX_VALUE);
        }

        /** The first row, if any; a {@code null} value reads as none. */
        public Optional<T> findFirst() {
            List<T> rows = query.read(reader, 1);
            return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
        }
    }
}
