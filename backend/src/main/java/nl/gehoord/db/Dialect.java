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

    public static Dialect of(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:") ? POSTGRESQL : SQLITE;
    }
}
