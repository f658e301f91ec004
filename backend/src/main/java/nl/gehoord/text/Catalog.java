package nl.gehoord.text;

import com.ibm.icu.text.MessageFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * One set of texts in every language: {@code <prefix><lang>.properties} (UTF-8, one key set), with
 * {@code <dir>/reviewed_<lang>.properties} naming the keys a native speaker has checked (see docs/language.md).
 * Dutch is the source and complete by definition; a text missing in another language is looked up along
 * {@link Language#chain()}, and whoever asked is told which language it really came in.
 */
public final class Catalog {
    /** In a reviewed file, this key marks a whole language as written and checked by the project itself. */
    public static final String ALL_REVIEWED = "*";

    /** A text in the language it was found in, and whether a native speaker checked it. */
    public record Found(String pattern, Language language, boolean reviewed) {
    }

    private final String name;
    private final String prefix;
    private final String reviewedPrefix;
    private final Map<Language, Properties> texts = new EnumMap<>(Language.class);
    private final Map<Language, Properties> reviewed = new EnumMap<>(Language.class);

    /** {@code prefix} is like "messages/messages_"; the reviewed lists sit in the same folder. */
    public Catalog(String prefix) {
        this.prefix = prefix;
        int slash = prefix.lastIndexOf('/');
        String dir = slash < 0 ? "" : prefix.substring(0, slash + 1);
        this.name = prefix.substring(dir.length()).replaceAll("_$", "");
        this.reviewedPrefix = dir + "reviewed_";
        for (Language language : Language.values()) {
            Properties loaded = loadOptional(prefix + language.tag() + ".properties");
            if (loaded == null) {
                if (language == Language.fallback()) {
                    throw new IllegalStateException("Missing resource " + prefix + language.tag() + ".properties");
                }
                loaded = new Properties();
            }
            texts.put(language, loaded);
            Properties marks = loadOptional(reviewedPrefix + language.tag() + ".properties");
            reviewed.put(language, marks == null ? new Properties() : marks);
        }
    }

    public String name() {
        return name;
    }

    public String prefix() {
        return prefix;
    }

    public String reviewedPrefix() {
        return reviewedPrefix;
    }

    /** The source's keys: the key set every language must have. */
    public Set<String> keys() {
        return new TreeSet<>(texts.get(Language.fallback()).stringPropertyNames());
    }

    public boolean has(String key) {
        return texts.get(Language.fallback()).containsKey(key);
    }

    /** The raw pattern in exactly this language, or null. */
    public String raw(Language language, String key) {
        return texts.get(language).getProperty(key);
    }

    /** The keys marked reviewed for a language (without the whole-language mark). */
    public Set<String> reviewedKeys(Language language) {
        Set<String> keys = new TreeSet<>(reviewed.get(language).stringPropertyNames());
        keys.remove(ALL_REVIEWED);
        return keys;
    }

    public boolean isReviewed(Language language, String key) {
        if (language == Language.fallback()) {
            return true;
        }
        Properties marks = reviewed.get(language);
        return marks.containsKey(ALL_REVIEWED) || marks.containsKey(key);
    }

    /** Finds a text along the language's fallback chain; a key that even Dutch lacks is a bug. */
    public Found find(Language language, String key) {
        for (Language candidate : language.chain()) {
            String pattern = texts.get(candidate).getProperty(key);
            if (pattern != null && !pattern.isBlank()) {
                return new Found(pattern, candidate, isReviewed(candidate, key) && candidate == language);
            }
        }
        throw new IllegalArgumentException("No text for key " + key + " in " + name);
    }

    /**
     * Fills in a pattern: ICU message syntax, so {@code {0}} and CLDR plurals
     * ({@code {0, plural, one {# dag} other {# dagen}}}) work in every language.
     */
    public static String format(String pattern, Language language, Object... args) {
        if (args.length == 0) {
            return pattern;
        }
        // A single quote is an apostrophe in our texts, never ICU quoting.
        return new MessageFormat(pattern.replace("'", "''"), language.locale()).format(args);
    }

    /** Reads a UTF-8 properties resource; a missing one is a packaging error. */
    public static Properties load(String resource) {
        Properties props = loadOptional(resource);
        if (props == null) {
            throw new IllegalStateException("Missing resource " + resource);
        }
        return props;
    }

    private static Properties loadOptional(String resource) {
        try (InputStream in = Catalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties props = new Properties();
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return props;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }
}
