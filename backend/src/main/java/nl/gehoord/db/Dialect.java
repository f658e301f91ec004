package nl.gehoord.db;

/** The two databases Gehoord runs on; SQL is shared, migrations differ only where they must. */
public enum Dialect {
    SQLITE("sqlite"), POSTGRESQL("postgresql");

    private final String migrationFolder;

    Dialect(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    public String migrationFolder() {
        return migrationFolder;
    }

    /** The dialect of the database behind an open handle. */
    public static Dialect of(org.jdbi.v3.core.Handle h) {
        try {
            return of(h.getConnection().getMetaData().getURL());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot read the database's address", e);
        }
    }

    public static Dialect of(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:") ? POSTGRESQL : SQLITE;
    }
}
