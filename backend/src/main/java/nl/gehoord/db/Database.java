package nl.gehoord.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The data source, migrations and transactions.
 *
 * <p>SQLite has one writer at a time. Rather than let concurrent requests collide on SQLITE_BUSY, every
 * write transaction in this process is run by one writer thread that commits the writes queued meanwhile together
 * ({@link GroupCommit}); reads run in parallel thanks to WAL. The busy timeout still covers other processes (a
 * backup command, an operator's sqlite3 shell).
 */
public final class Database implements AutoCloseable {
    private static final long WRITE_LOCK_WAIT_SECONDS = 30;
    private static final int MAX_TRANSACTION_ATTEMPTS = 3;

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private volatile boolean migrated;
    /** Checkpoints asked for [0] and the highest request a finished checkpoint covers [1]. */
    private final long[] checkpointRequests = new long[2];
    private final Object checkpointRun = new Object();
    private static final int CHECKPOINT_ATTEMPTS = 40;
    private static final int CHECKPOINT_BUSY_MS = 250;
    private static final int BUSY_TIMEOUT_MS = 10_000;
    private static final long CHECKPOINT_EVERY_MS = 1000;
    /** SQLite only: the single writer, committing the writes that queued meanwhile together. */
    private final GroupCommit groupCommit;
    /** SQLite only: copies the log into the database file in the background, away from any request. */
    private final ScheduledExecutorService checkpointer;

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin())
                .registerArgument(new CodedColumns.Arguments()).registerColumnMapper(new CodedColumns.Mappers());
        jdbi.getConfig(DirectSql.Observers.class); // in the Jdbi's own configuration, so every handle shares it
        if (dialect == Dialect.SQLITE) {
            // Prepared statements are kept per connection: preparing every statement of a case again and again
            // was a large share of the single writer's time.
            jdbi.setStatementBuilderFactory(new CachedStatements());
            groupCommit = new GroupCommit(jdbi, writeLock, WRITE_LOCK_WAIT_SECONDS);
            checkpointer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "gehoord-db-checkpoint");
                t.setDaemon(true);
                return t;
            });
            checkpointer.scheduleWithFixedDelay(this::checkpointPassive, CHECKPOINT_EVERY_MS, CHECKPOINT_EVERY_MS,
                    TimeUnit.MILLISECONDS);
        } else {
            groupCommit = null;
            checkpointer = null;
        }
    }

    /**
     * The automatic checkpoint is off (it would run inside whichever commit crossed the threshold, holding up every
     * writer queued behind it); this one copies what readers allow and never waits for the writer.
     */
    private void checkpointPassive() {
        try {
            // Read to the end: a cached statement left on its row would hold a read snapshot on its connection.
            jdbi.useHandle(h -> h.createQuery("PRAGMA wal_checkpoint(PASSIVE)").mapTo(Integer.class).one());
        } catch (RuntimeException e) {
            // Busy with a TRUNCATE checkpoint or a backup: the next round copies what is left.
        }
    }

    public static Database open(String jdbcUrl) {
        Dialect dialect = Dialect.of(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("gehoord-db");
        if (dialect == Dialect.SQLITE) {
            ensureParentFolder(jdbcUrl);
            config.setDataSourceProperties(sqlitePragmas().toProperties());
            config.setMaximumPoolSize(8);
        } else {
            config.setMaximumPoolSize(16);
        }
        config.setConnectionTimeout(TimeUnit.SECONDS.toMillis(30));
        return new Database(new HikariDataSource(config), dialect);
    }

    /** Chosen on purpose; the Jdbi SQLite plugin sets none of these. */
    static SQLiteConfig sqlitePragmas() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: a transaction acknowledged to a client is on disk, WAL included, before we answer 2xx.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        // Deleted content (erasure, retention) is overwritten in the file, not just unlinked.
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        // Checkpoints run in the background (see checkpointPassive), not inside a commit.
        config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, "0");
        // No generated keys: every id is made by us, and the driver would otherwise prepare and run a
        // SELECT last_insert_rowid() after every INSERT.
        config.setGetGeneratedKeys(false);
        return config;
    }

    private static void ensureParentFolder(String jdbcUrl) {
        String path = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:")) {
            return;
        }
        Path file = Path.of(path).toAbsolutePath();
        try {
            DataFiles.sqliteFiles(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the data folder or database file " + file, e);
        }
    }

    public void migrate() {
        DataSource target = dataSource;
        if (dialect == Dialect.SQLITE) {
            // Flyway commits each migration on its own, with FULL two fsyncs each. In WAL mode NORMAL keeps the
            // file consistent through a crash (a migration whose commit did not reach the disk runs again at the
            // next start); the checkpoint below puts them all on disk before anything is served.
            SQLiteConfig unsynced = sqlitePragmas();
            unsynced.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            SQLiteDataSource migrating = new SQLiteDataSource(unsynced);
            migrating.setUrl(dataSource.getJdbcUrl());
            target = migrating;
        }
        Flyway.configure()
                .dataSource(target)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + dialect.migrationFolder())
                .load()
                .migrate();
        if (dialect == Dialect.SQLITE) {
            jdbi.useHandle(h -> h.createQuery("PRAGMA wal_checkpoint(FULL)").mapTo(Integer.class).one());
        }
        migrated = true;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The pool itself, for libraries that bring their own SQL (the shared rate-limit buckets). */
    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Runs a write transaction and returns once it is durable. On SQLite the single writer runs it, together with
     * the other writes that arrived meanwhile, each in its own savepoint ({@link GroupCommit}); {@code work} must
     * not start another write.
     */
    public <T> T write(HandleCallback<T, RuntimeException> work) {
        if (dialect != Dialect.SQLITE) {
            return writeOnPostgres(work);
        }
        return groupCommit.write(work);
    }

    /**
     * PostgreSQL may end one of two transactions that wait for each other (a deadlock) or for a serialisation
     * conflict; that transaction was rolled back whole, so it is run again rather than failing the request.
     */
    private <T> T writeOnPostgres(HandleCallback<T, RuntimeException> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, work);
            } catch (RuntimeException e) {
                if (attempt >= MAX_TRANSACTION_ATTEMPTS || !isRetryable(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean isRetryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql
                    && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A write transaction that no other instance on the same database runs at the same moment under the same
     * name (start-up seeding, for example). On PostgreSQL an advisory lock on the name, taken first; on SQLite
     * the single writer already runs one transaction at a time.
     */
    public <T> T writeAlone(String name, HandleCallback<T, RuntimeException> work) {
        return write(h -> {
            if (dialect == Dialect.POSTGRESQL) {
                h.attach(LockDao.class).lock(name);
            }
            return work.withHandle(h);
        });
    }

    public void writeVoid(java.util.function.Consumer<Handle> work) {
        write(h -> {
            work.accept(h);
            return null;
        });
    }

    /**
     * After an erasure (or a retention run) has committed: on SQLite, copies the write-ahead log into the database
     * file and truncates the log to zero bytes, so the erased rows' old page images are gone from {@code -wal} too
     * ({@code secure_delete} has already zeroed them in the pages themselves). Callers wait for it before they
     * report the erasure done. Erasures that commit while one checkpoint runs share the next one, so a burst of
     * them costs one checkpoint each round, not one each. On PostgreSQL nothing is done here (docs/privacy.md).
     *
     * @throws DatabaseBusyException when readers kept the log busy for too long; the erasure itself stays done
     */
    public void purgeLog() {
        if (dialect != Dialect.SQLITE) {
            return;
        }
        long mine;
        synchronized (checkpointRequests) {
            mine = ++checkpointRequests[0];
        }
        synchronized (checkpointRun) {
            long covering;
            synchronized (checkpointRequests) {
                if (checkpointRequests[1] >= mine) {
                    return;
                }
                covering = checkpointRequests[0];
            }
            checkpointTruncate();
            synchronized (checkpointRequests) {
                checkpointRequests[1] = covering;
            }
        }
    }

    private void checkpointTruncate() {
        for (int attempt = 0; attempt < CHECKPOINT_ATTEMPTS; attempt++) {
            boolean locked;
            try {
                locked = writeLock.tryLock(WRITE_LOCK_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DatabaseBusyException();
            }
            if (!locked) {
                throw new DatabaseBusyException();
            }
            int busy;
            try {
                // Outside any transaction: a checkpoint cannot run inside one. It waits for readers of older
                // snapshots (a backup, a long report) only briefly, so writers queued behind the lock are not held
                // up; it is tried again after a pause instead.
                busy = jdbi.withHandle(h -> {
                    h.execute("PRAGMA busy_timeout = " + CHECKPOINT_BUSY_MS);
                    try {
                        return h.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").map((rs, ctx) -> rs.getInt(1)).one();
                    } finally {
                        h.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                    }
                });
            } finally {
                writeLock.unlock();
            }
            if (busy == 0) {
                return;
            }
            try {
                Thread.sleep(Math.min(500L, 20L * (attempt + 1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DatabaseBusyException();
            }
        }
        throw new DatabaseBusyException();
    }

    /** Runs a read; WAL lets it see the last committed state without waiting for the writer. */
    public <T> T read(HandleCallback<T, RuntimeException> work) {
        return jdbi.withHandle(work);
    }

    /** True when the database answers and the migrations have run. */
    public boolean ready() {
        if (!migrated) {
            return false;
        }
        try {
            return read(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (groupCommit != null) {
            groupCommit.close();
            checkpointer.shutdownNow();
        }
        dataSource.close();
    }
}
