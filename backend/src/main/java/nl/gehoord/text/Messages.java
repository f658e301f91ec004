package nl.gehoord.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The message catalogs (resources {@code messages/messages_<lang>.properties}, UTF-8). Every word a young
 * person reads comes from here or from the flow texts. Both catalogs must have the same keys; a key missing
 * at run time is a bug, so it fails loudly at start-up instead of showing a raw key to a child.
 */
public final class Messages {
    private final Map<Language, Properties> catalogs = new EnumMap<>(Language.class);

    public Messages() {
        this("messages/messages_");
    }

    public Messages(String prefix) {
        for (Language language : Language.values()) {
            catalogs.put(language, load(prefix + language.tag() + ".properties"));
        }
        Properties nl = catalogs.get(Language.NL);
        for (Language language : Language.values()) {
            Properties other = catalogs.get(language);
            if (!other.stringPropertyNames().equals(nl.stringPropertyNames())) {
                var missing = new java.util.TreeSet<>(nl.stringPropertyNames());
                missing.removeAll(other.stringPropertyNames());
                var extra = new java.util.TreeSet<>(other.stringPropertyNames());
                extra.removeAll(nl.stringPropertyNames());
                throw new IllegalStateException("Catalog " + language.tag() + " differs from nl: missing "
                        + missing + ", extra " + extra);
            }
        }
    }

    /** Reads a UTF-8 properties resource; a missing one is a packaging error. */
    public static Properties load(String resource) {
        Properties props = new Properties();
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
        return props;
    }

    public boolean has(String key) {
        return catalogs.get(Language.NL).containsKey(key);
    }

    public String get(Language language, String key, Object... args) {
        String pattern = catalogs.get(language).getProperty(key);
        if (pattern == null) {
            throw new IllegalArgumentException("No message for key " + key);
        }
        if (args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern.replace("'", "''"), Locale.forLanguageTag(language.tag())).format(args);
    }
}
