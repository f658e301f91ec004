package nl.gehoord.db;

/** The database could not take a write in time; the caller may try again. Nothing was written. */
public final class DatabaseBusyException extends RuntimeException {
    public DatabaseBusyException() {
        super("database busy");
    }
}
