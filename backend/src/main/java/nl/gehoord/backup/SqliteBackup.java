package nl.gehoord.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import nl.gehoord.db.DataFiles;

/**
 * Consistent backups of the SQLite database while the server runs, and restores.
 *
 * <p>Backup uses {@code VACUUM INTO}: one read transaction copies a snapshot of the committed state (WAL
 * included) into a fresh, compact file, without stopping writers in this or another process. The copy is
 * written beside the target, checked with {@code PRAGMA integrity_check} and then moved into place, so a
 * half-written backup never carries the target's name. Files are owner-only: they hold sealed content and
 * hashes. The key file is not in the backup: keep it apart (see docs/security.md).
 *
 * <p>Restore checks the backup the same way, then copies it into the database with SQLite's online backup API,
 * page by page under SQLite's own locks. Stop the server first: a running server keeps its in-memory state.
 */
public final class SqliteBackup {
    private SqliteBackup() {
    }

    /** What a backup or restore did: the file, its size and how many cases it holds. */
    public record Result(Path file, long bytes, long cases) {
    }

    public static Result backup(String jdbcUrl, Path target) {
        requireSqlite(jdbcUrl);
        Path absolute = target.toAbsolutePath().normalize();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        try {
            DataFiles.ownerOnlyFolder(absolute.getParent());
            Files.deleteIfExists(partial);
            // Created empty and owner-only first (VACUUM INTO accepts an empty file), so the copy is never readable
            // by others, not even for a moment.
            DataFiles.ownerOnlyFile(partial);
            try (Connection c = DriverManager.getConnection(jdbcUrl, busyTimeout());
                 PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
                vacuum.setString(1, partial.toString());
                vacuum.execute();
            }
            ownerOnly(partial);
            long cases = check(partial);
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Result(absolute, Files.size(absolute), cases);
        } catch (SQLException | IOException e) {
            deleteQuietly(partial);
            throw new BackupException("The backup to " + absolute + " failed: " + e.getMessage(), e);
        }
    }

    public static Result restore(Path source, String jdbcUrl) {
        requireSqlite(jdbcUrl);
        Path absolute = source.toAbsolutePath().normalize();
        if (!Files.isReadable(absolute)) {
            throw new BackupException("The backup file " + absolute + " cannot be read.", null);
        }
        try {
            long cases = check(absolute);
            Path database = databaseFile(jdbcUrl);
            DataFiles.sqliteFiles(database);
            try (Connection c = DriverManager.getConnection(jdbcUrl, busyTimeout());
                 Statement s = c.createStatement()) {
                // sqlite-jdbc's "restore from" runs sqlite3_backup from the file into this database.
                s.executeUpdate("restore from " + quoted(absolute));
            }
            long restored = countCases(jdbcUrl);
            if (restored != cases) {
                throw new BackupException("The restore from " + absolute + " is incomplete: " + restored + " of "
                        + cases + " cases arrived.", null);
            }
            return new Result(database, Files.size(database), restored);
        } catch (SQLException | IOException e) {
            throw new BackupException("The restore from " + absolute + " failed: " + e.getMessage(), e);
        }
    }

    /** Opens a backup read-only and checks that it is whole and is a Gehoord database; returns its case count. */
    static long check(Path file) throws SQLException {
        String url = "jdbc:sqlite:file:" + file + "?mode=ro";
        Properties props = new Properties();
        props.setProperty("open_mode", "1");
        try (Connection c = DriverManager.getConnection(url, props); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                if (!rs.next() || !"ok".equals(rs.getString(1))) {
                    throw new BackupException(file + " is damaged (integrity check failed).", null);
                }
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('cases', 'flyway_schema_history')")) {
                if (!rs.next() || rs.getInt(1) != 2) {
                    throw new BackupException(file + " is not a Gehoord database.", null);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM cases")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long countCases(String jdbcUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM cases")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Properties busyTimeout() {
        Properties props = new Properties();
        props.setProperty("busy_timeout", "30000");
        return props;
    }

    static Path databaseFile(String jdbcUrl) {
        String path = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        }
        return Path.of(path).toAbsolutePath().normalize();
    }

    private static void requireSqlite(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:sqlite:") || jdbcUrl.contains(":memory:")) {
            throw new BackupException("backup and restore work on the SQLite database file; for PostgreSQL use "
                    + "pg_dump and pg_restore.", null);
        }
    }

    private static String quoted(Path path) {
        String text = path.toString();
        if (text.contains("\"") || text.contains("\n")) {
            throw new BackupException("The backup path may not contain quotes or line breaks.", null);
        }
        return "\"" + text + "\"";
    }

    private static void ownerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Nothing more to do: the failure itself is reported.
        }
    }
}
