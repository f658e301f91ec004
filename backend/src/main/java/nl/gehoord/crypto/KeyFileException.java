package nl.gehoord.crypto;

/** The key file is missing, unreadable or malformed; the message says which file and what is wrong. */
public final class KeyFileException extends RuntimeException {
    public KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
