package nl.gehoord.backup;

/** A backup, restore or re-encryption could not be done; the message says why in plain words. */
public final class BackupException extends RuntimeException {
    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
