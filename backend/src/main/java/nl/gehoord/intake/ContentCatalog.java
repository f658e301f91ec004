package nl.gehoord.intake;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import nl.gehoord.text.Catalog;
import nl.gehoord.text.Language;
import nl.gehoord.text.Wording;

/**
 * The glossary of formal words and the help and emergency numbers. Their order, numbers and facts come from
 * {@code content/glossary.json} and {@code content/help-contacts.json}; every word comes from the content
 * catalog {@code content/content_<lang>.properties} ({@code glossary.<id>.term}, {@code glossary.<id>.explanation},
 * {@code help.<id>.name}, {@code help.<id>.description}, {@code help.<id>.available}). The numbers stay Dutch
 * services in every language.
 */
public final class ContentCatalog {
    record GlossaryEntry(String id) {
    }

    record HelpContact(String id, String phone, boolean free, boolean anonymous, boolean urgent) {
    }

    public record GlossaryView(String id, String term, String explanation) {
    }

    public record HelpContactView(String id, String name, String phone, String description, String available,
                                  boolean free, boolean anonymous, boolean urgent) {
    }

    /** Said once above the numbers: which languages the people on the phone speak. */
    static final String HELP_NOTE = "help.note";

    private final List<GlossaryEntry> glossary;
    private final List<HelpContact> helpContacts;
    private final Catalog texts = new Catalog("content/content_");

    public ContentCatalog() {
        ObjectMapper mapper = new ObjectMapper();
        this.glossary = read(mapper, "content/glossary.json", new TypeReference<>() { });
        this.helpContacts = read(mapper, "content/help-contacts.json", new TypeReference<>() { });
        for (String key : keys()) {
            if (!texts.has(key)) {
                throw new IllegalStateException("Missing nl content text " + key);
            }
        }
    }

    public Catalog catalog() {
        return texts;
    }

    /** Every key the structure files need. */
    public List<String> keys() {
        List<String> keys = new java.util.ArrayList<>();
        for (GlossaryEntry g : glossary) {
            keys.add("glossary." + g.id() + ".term");
            keys.add("glossary." + g.id() + ".explanation");
        }
        keys.add(HELP_NOTE);
        for (HelpContact c : helpContacts) {
            keys.add("help." + c.id() + ".name");
            keys.add("help." + c.id() + ".description");
            keys.add("help." + c.id() + ".available");
        }
        return keys;
    }

    private static <T> T read(ObjectMapper mapper, String resource, TypeReference<T> type) {
        try (InputStream in = ContentCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return mapper.readValue(in, type);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    public List<GlossaryView> glossary(Wording wording) {
        return glossary.stream()
                .map(g -> new GlossaryView(g.id(), wording.say(texts, "glossary." + g.id() + ".term"),
                        wording.say(texts, "glossary." + g.id() + ".explanation")))
                .toList();
    }

    public List<HelpContactView> helpContacts(Wording wording) {
        return helpContacts.stream()
                .map(c -> new HelpContactView(c.id(), wording.say(texts, "help." + c.id() + ".name"), c.phone(),
                        wording.say(texts, "help." + c.id() + ".description"),
                        wording.say(texts, "help." + c.id() + ".available"), c.free(), c.anonymous(), c.urgent()))
                .toList();
    }

    public String helpNote(Wording wording) {
        return wording.say(texts, HELP_NOTE);
    }

    /** For callers that only need the words, such as tests and exports. */
    public List<GlossaryView> glossary(Language language) {
        return glossary(new Wording(language));
    }

    /** For callers that only need the words, such as tests and exports. */
    public List<HelpContactView> helpContacts(Language language) {
        return helpContacts(new Wording(language));
    }
}
