package nl.gehoord.text;

import java.util.Properties;

/**
 * The message catalogs (resources {@code messages/messages_<lang>.properties}, UTF-8): statuses, timeline, next
 * steps, errors, field messages and pushes. Every word a young person reads comes from here, the flow texts or
 * the content texts. The tests hold every language to Dutch's key set; at run time a missing text falls back
 * along {@link Language#chain()} and the answer says so.
 */
public final class Messages {
    private final Catalog catalog;

    public Messages() {
        this("messages/messages_");
    }

    public Messages(String prefix) {
        this.catalog = new Catalog(prefix);
        for (Language language : java.util.List.of(Language.NL, Language.EN)) {
            var missing = new java.util.TreeSet<>(catalog.keys());
            missing.removeIf(key -> catalog.raw(language, key) != null);
            if (!missing.isEmpty()) {
                // Dutch and English are written together; a gap there is a packaging error.
                throw new IllegalStateException("Catalog " + language.tag() + " lacks " + missing);
            }
        }
    }

    public Catalog catalog() {
        return catalog;
    }

    /** Reads a UTF-8 properties resource; a missing one is a packaging error. */
    public static Properties load(String resource) {
        return Catalog.load(resource);
    }

    public boolean has(String key) {
        return catalog.has(key);
    }

    /** A text in this language (or along its fallback chain), filled in. */
    public String get(Language language, String key, Object... args) {
        Catalog.Found found = catalog.find(language, key);
        return Catalog.format(found.pattern(), found.language(), args);
    }

    /** A text as part of an answer that reports its language and review state. */
    public String get(Wording wording, String key, Object... args) {
        return wording.say(catalog, key, args);
    }
}
