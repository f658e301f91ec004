package nl.gehoord.config;

/** A setting is missing or wrong; the message names the setting and says what to do. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
