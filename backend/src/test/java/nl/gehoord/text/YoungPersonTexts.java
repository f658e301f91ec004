package nl.gehoord.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every catalog a young person reads from, in every language, read straight from the classpath as strict UTF-8:
 * the flow texts, the message catalogs (every {@code messages/messages_<lang>.properties} on the classpath) and
 * the content texts (glossary and help contacts). Shared by the key, placeholder and readability gates.
 */
final class YoungPersonTexts {
    static final String FLOW = "flow/flow.json";
    static final List<String> PREFIXES = List.of("flow/texts_", "messages/messages_", "content/content_", "app/app_");

    private static final ObjectMapper JSON = new ObjectMapper();

    private YoungPersonTexts() {
    }

    /** One text: where it lives, its key, its language and its raw pattern. */
    record Text(String source, String key, Language language, String value) {
    }

    /** One catalog file set (a prefix, at one classpath location). */
    record CatalogFiles(String prefix, String base) {
        URL url(Language language) {
            return resourceAt(base + prefix + language.tag() + ".properties");
        }

        URL reviewed(Language language) {
            int slash = prefix.lastIndexOf('/');
            return resourceAt(base + prefix.substring(0, slash + 1) + "reviewed_" + language.tag() + ".properties");
        }

        String name(Language language) {
            return prefix + language.tag() + ".properties";
        }
    }

    /** Every catalog file set on the classpath (another module may bring its own messages). */
    static List<CatalogFiles> catalogs() {
        List<CatalogFiles> out = new ArrayList<>();
        for (String prefix : PREFIXES) {
            String nl = prefix + "nl.properties";
            for (URL url : resources(nl)) {
                String s = url.toString();
                out.add(new CatalogFiles(prefix, s.substring(0, s.length() - nl.length())));
            }
        }
        return out;
    }

    static List<Text> all() {
        List<Text> texts = new ArrayList<>();
        for (CatalogFiles files : catalogs()) {
            for (Language language : Language.values()) {
                URL url = files.url(language);
                if (url == null) {
                    continue;
                }
                Properties p = properties(url);
                for (String key : new TreeSet<>(p.stringPropertyNames())) {
                    texts.add(new Text(files.name(language), key, language, p.getProperty(key)));
                }
            }
        }
        return texts;
    }

    /** kind.&lt;id&gt;.title/description, step.&lt;id&gt;.title/help, option.&lt;q&gt;.&lt;o&gt;, route.&lt;status&gt;.title/text. */
    static Set<String> keysUsedByFlow() {
        JsonNode flow = json(FLOW);
        Set<String> keys = new LinkedHashSet<>();
        for (JsonNode kind : flow.path("kinds")) {
            String id = kind.path("id").asText();
            keys.add("kind." + id + ".title");
            keys.add("kind." + id + ".description");
        }
        for (JsonNode step : flow.path("steps")) {
            String id = step.path("id").asText();
            keys.add("step." + id + ".title");
            keys.add("step." + id + ".help");
            JsonNode question = step.path("question");
            String questionId = question.path("id").asText();
            for (JsonNode option : question.path("options")) {
                keys.add("option." + questionId + "." + option.path("id").asText());
            }
        }
        for (JsonNode status : flow.path("route")) {
            keys.add("route." + status.asText() + ".title");
            keys.add("route." + status.asText() + ".text");
        }
        return keys;
    }

    /** glossary.&lt;id&gt;.term/explanation, help.note, help.&lt;id&gt;.name/description/available. */
    static Set<String> keysUsedByContent() {
        Set<String> keys = new LinkedHashSet<>();
        for (JsonNode entry : json("content/glossary.json")) {
            keys.add("glossary." + entry.path("id").asText() + ".term");
            keys.add("glossary." + entry.path("id").asText() + ".explanation");
        }
        keys.add("help.note");
        for (JsonNode contact : json("content/help-contacts.json")) {
            String id = contact.path("id").asText();
            keys.add("help." + id + ".name");
            keys.add("help." + id + ".description");
            keys.add("help." + id + ".available");
        }
        return keys;
    }

    static JsonNode json(String name) {
        try (InputStream in = resource(name).openStream()) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    static URL resource(String name) {
        URL url = YoungPersonTexts.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new AssertionError("classpath resource " + name + " is missing");
        }
        return url;
    }

    private static URL resourceAt(String spec) {
        try {
            URL url = new URL(spec);
            try (InputStream in = url.openStream()) {
                return url;
            }
        } catch (IOException e) {
            return null;
        }
    }

    static List<URL> resources(String name) {
        try {
            return Collections.list(YoungPersonTexts.class.getClassLoader().getResources(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a properties file as strict UTF-8: a file in another encoding fails loudly. */
    static Properties properties(URL url) {
        try (InputStream in = url.openStream()) {
            String content = StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(in.readAllBytes()))
                    .toString();
            Properties properties = new Properties();
            properties.load(new StringReader(content));
            return properties;
        } catch (CharacterCodingException e) {
            throw new AssertionError(url + " is not valid UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }
}
