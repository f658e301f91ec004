package nl.gehoord.intake;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import nl.gehoord.text.Language;

/** The glossary of formal words and the help and emergency numbers, loaded once from resources. */
public final class ContentCatalog {
    record GlossaryEntry(String id, Map<String, String> term, Map<String, String> explanation) {
    }

    record HelpContact(String id, Map<String, String> name, String phone, Map<String, String> description,
                       Map<String, String> available, boolean free, boolean anonymous, boolean urgent) {
    }

    public record GlossaryView(String id, String term, String explanation) {
    }

    public record HelpContactView(String id, String name, String phone, String description, String available,
                                  boolean free, boolean anonymous, boolean urgent) {
    }

    private final List<GlossaryEntry> glossary;
    private final List<HelpContact> helpContacts;

    public ContentCatalog() {
        ObjectMapper mapper = new ObjectMapper();
        this.glossary = read(mapper, "content/glossary.json", new TypeReference<>() { });
        this.helpContacts = read(mapper, "content/help-contacts.json", new TypeReference<>() { });
        for (Language language : Language.values()) {
            glossary(language);
            helpContacts(language);
        }
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

    public List<GlossaryView> glossary(Language language) {
        return glossary.stream()
                .map(g -> new GlossaryView(g.id(), required(g.term(), language, g.id()),
                        required(g.explanation(), language, g.id())))
                .toList();
    }

    public List<HelpContactView> helpContacts(Language language) {
        return helpContacts.stream()
                .map(c -> new HelpContactView(c.id(), required(c.name(), language, c.id()), c.phone(),
                        required(c.description(), language, c.id()), required(c.available(), language, c.id()),
                        c.free(), c.anonymous(), c.urgent()))
                .toList();
    }

    private static String required(Map<String, String> texts, Language language, String id) {
        String text = texts == null ? null : texts.get(language.tag());
        if (text == null || text.isBlank()) {
            throw new IllegalStateException("Missing " + language.tag() + " text for " + id);
        }
        return text;
    }
}
