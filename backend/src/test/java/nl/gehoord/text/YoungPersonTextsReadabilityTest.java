package nl.gehoord.text;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import nl.gehoord.text.Readability.Lang;
import nl.gehoord.text.Readability.Score;
import org.junit.jupiter.api.Test;

/**
 * The plain-language gate. Every text a young person reads must have at most
 * {@value #MAX_WORDS_PER_SENTENCE} words in every sentence, and a Flesch-Douma (nl) or
 * Flesch Reading Ease (en) score of at least {@value #MIN_EASE} for the text as a whole.
 *
 * <p>Texts come from the classpath:
 * <ul>
 *   <li>{@code flow/texts_nl.properties} and {@code flow/texts_en.properties} (all keys);</li>
 *   <li>every {@code messages/messages_nl.properties} and {@code messages/messages_en.properties}
 *       (all keys; {@code {0}}-style placeholders are replaced by a short word first);</li>
 *   <li>{@code content/glossary.json}: every explanation (the terms themselves are the formal
 *       words being explained, so they are not measured);</li>
 *   <li>{@code content/help-contacts.json}: every description and availability.</li>
 * </ul>
 *
 * <p>Only one kind of text is left out: a text that is nothing but a phone number, or nothing but
 * the name of a help service listed in {@code help-contacts.json} (see
 * {@link #isOnlyPhoneNumberOrServiceName}). Empty texts fail.
 *
 * <p>Failures are collected and reported together: source, key, text and figures.
 */
class YoungPersonTextsReadabilityTest {

    static final int MAX_WORDS_PER_SENTENCE = 12;
    static final double MIN_EASE = 60.0;

    private static final String FLOW = "flow/flow.json";
    private static final String TEXTS_NL = "flow/texts_nl.properties";
    private static final String TEXTS_EN = "flow/texts_en.properties";
    private static final String MESSAGES_NL = "messages/messages_nl.properties";
    private static final String MESSAGES_EN = "messages/messages_en.properties";
    private static final String GLOSSARY = "content/glossary.json";
    private static final String HELP_CONTACTS = "content/help-contacts.json";

    /** MessageFormat placeholders: {0}, {1,number}, {2,date,short}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+(,[^}]*)?}");
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?[0-9][0-9 ()/-]*");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One text a young person reads. */
    record Text(String source, String key, Lang lang, String value) {}

    // ------------------------------------------------------------------ the gate

    @Test
    void everyYoungPersonTextIsPlainLanguage() {
        Set<String> serviceNames = serviceNames();
        List<Text> texts = allTexts();
        assertThat(texts).as("texts found on the classpath").isNotEmpty();

        List<String> failures = new ArrayList<>();
        for (Text text : texts) {
            String value = text.value() == null ? "" : text.value().strip();
            if (value.isEmpty()) {
                failures.add(describe(text, "is empty", null));
                continue;
            }
            if (isOnlyPhoneNumberOrServiceName(value, serviceNames)) {
                continue;
            }
            String measured = withPlaceholdersFilledIn(value, text.lang());
            Score score = Readability.measure(measured, text.lang());
            List<String> problems = new ArrayList<>();
            if (score.words() == 0) {
                problems.add("has no words");
            }
            if (score.longestSentenceWords() > MAX_WORDS_PER_SENTENCE) {
                problems.add("a sentence has " + score.longestSentenceWords() + " words (max "
                        + MAX_WORDS_PER_SENTENCE + "): \"" + longestSentence(measured) + "\"");
            }
            if (score.words() > 0 && score.ease() < MIN_EASE) {
                problems.add(easeName(text.lang()) + " " + format(score.ease()) + " (min " + format(MIN_EASE) + ")");
            }
            if (!problems.isEmpty()) {
                failures.add(describe(text, String.join("; ", problems), score));
            }
        }

        assertThat(failures)
                .withFailMessage(() -> failures.size() + " of " + texts.size()
                        + " young-person texts are not plain enough:\n  " + String.join("\n  ", failures))
                .isEmpty();
    }

    /**
     * The one exception to the gate: a text that is only a phone number ("0800-0432", "112")
     * or only the name of a help service from help-contacts.json ("Kindertelefoon").
     */
    static boolean isOnlyPhoneNumberOrServiceName(String value, Set<String> serviceNames) {
        String v = value.strip();
        return PHONE_NUMBER.matcher(v).matches() || serviceNames.contains(v.toLowerCase(Locale.ROOT));
    }

    // ------------------------------------------------------------------ keys

    @Test
    void dutchAndEnglishHaveTheSameKeys() {
        List<String> failures = new ArrayList<>();
        compareKeys(TEXTS_NL, resource(TEXTS_NL), TEXTS_EN, resource(TEXTS_EN), failures);

        // every messages_nl on the classpath needs a messages_en next to it, and the other way round
        TreeMap<String, URL[]> pairs = new TreeMap<>();
        for (URL nl : resources(MESSAGES_NL)) {
            pairs.computeIfAbsent(base(nl, MESSAGES_NL), b -> new URL[2])[0] = nl;
        }
        for (URL en : resources(MESSAGES_EN)) {
            pairs.computeIfAbsent(base(en, MESSAGES_EN), b -> new URL[2])[1] = en;
        }
        pairs.forEach((base, pair) -> {
            if (pair[0] == null || pair[1] == null) {
                failures.add(base + ": " + (pair[0] == null ? MESSAGES_NL : MESSAGES_EN)
                        + " is missing next to " + (pair[0] == null ? pair[1] : pair[0]));
            } else {
                compareKeys(pair[0].toString(), pair[0], pair[1].toString(), pair[1], failures);
            }
        });

        // glossary and help contacts: every text exists in nl and en
        for (JsonNode entry : json(GLOSSARY)) {
            String id = entry.path("id").asText("?");
            requireBothLanguages(GLOSSARY, id + ".term", entry.path("term"), failures);
            requireBothLanguages(GLOSSARY, id + ".explanation", entry.path("explanation"), failures);
        }
        for (JsonNode entry : json(HELP_CONTACTS)) {
            String id = entry.path("id").asText("?");
            requireBothLanguages(HELP_CONTACTS, id + ".name", entry.path("name"), failures);
            requireBothLanguages(HELP_CONTACTS, id + ".description", entry.path("description"), failures);
            requireBothLanguages(HELP_CONTACTS, id + ".available", entry.path("available"), failures);
            String phone = entry.path("phone").asText("");
            if (!PHONE_NUMBER.matcher(phone).matches()) {
                failures.add(HELP_CONTACTS + " " + id + ".phone is not a phone number: \"" + phone + "\"");
            }
        }

        assertThat(failures)
                .withFailMessage(() -> "Dutch and English texts do not match:\n  " + String.join("\n  ", failures))
                .isEmpty();
    }

    @Test
    void flowReferencesOnlyKeysThatExist() {
        Properties nl = properties(resource(TEXTS_NL));
        Properties en = properties(resource(TEXTS_EN));
        List<String> failures = new ArrayList<>();
        for (String key : keysUsedByFlow()) {
            if (!nl.containsKey(key)) {
                failures.add(FLOW + " needs " + key + ", missing in " + TEXTS_NL);
            }
            if (!en.containsKey(key)) {
                failures.add(FLOW + " needs " + key + ", missing in " + TEXTS_EN);
            }
        }
        assertThat(failures)
                .withFailMessage(() -> "flow.json uses text keys that do not exist:\n  " + String.join("\n  ", failures))
                .isEmpty();
    }

    @Test
    void flowTextsHaveNoKeysTheFlowDoesNotUse() {
        Set<String> used = keysUsedByFlow();
        Set<String> unused = new TreeSet<>(properties(resource(TEXTS_NL)).stringPropertyNames());
        unused.addAll(properties(resource(TEXTS_EN)).stringPropertyNames());
        unused.removeAll(used);
        assertThat(unused).as("keys in flow/texts_*.properties that flow.json never uses").isEmpty();
    }

    /** kind.&lt;id&gt;.title/description, step.&lt;id&gt;.title/help, option.&lt;questionId&gt;.&lt;optionId&gt;. */
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
        return keys;
    }

    // ------------------------------------------------------------------ collecting texts

    static List<Text> allTexts() {
        List<Text> texts = new ArrayList<>();
        addProperties(texts, TEXTS_NL, resource(TEXTS_NL), Lang.NL);
        addProperties(texts, TEXTS_EN, resource(TEXTS_EN), Lang.EN);
        for (URL url : resources(MESSAGES_NL)) {
            addProperties(texts, url.toString(), url, Lang.NL);
        }
        for (URL url : resources(MESSAGES_EN)) {
            addProperties(texts, url.toString(), url, Lang.EN);
        }
        for (JsonNode entry : json(GLOSSARY)) {
            String id = entry.path("id").asText("?");
            addLanguages(texts, GLOSSARY, id + ".explanation", entry.path("explanation"));
        }
        for (JsonNode entry : json(HELP_CONTACTS)) {
            String id = entry.path("id").asText("?");
            addLanguages(texts, HELP_CONTACTS, id + ".description", entry.path("description"));
            addLanguages(texts, HELP_CONTACTS, id + ".available", entry.path("available"));
        }
        return texts;
    }

    /** Names of help services in every language, lower case: the only texts the gate skips. */
    static Set<String> serviceNames() {
        Set<String> names = new TreeSet<>();
        for (JsonNode entry : json(HELP_CONTACTS)) {
            entry.path("name").forEach(name -> names.add(name.asText().strip().toLowerCase(Locale.ROOT)));
        }
        return names;
    }

    private static void addProperties(List<Text> texts, String source, URL url, Lang lang) {
        Properties properties = properties(url);
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            texts.add(new Text(source, key, lang, properties.getProperty(key)));
        }
    }

    private static void addLanguages(List<Text> texts, String source, String key, JsonNode i18n) {
        texts.add(new Text(source, key + ".nl", Lang.NL, i18n.path("nl").asText("")));
        texts.add(new Text(source, key + ".en", Lang.EN, i18n.path("en").asText("")));
    }

    static String withPlaceholdersFilledIn(String value, Lang lang) {
        String word = lang == Lang.NL ? "vandaag" : "today";
        // MessageFormat writes a single quote as ''
        return PLACEHOLDER.matcher(value).replaceAll(word).replace("''", "'");
    }

    // ------------------------------------------------------------------ helpers

    private static void compareKeys(String nlName, URL nlUrl, String enName, URL enUrl, List<String> failures) {
        Set<String> nl = properties(nlUrl).stringPropertyNames();
        Set<String> en = properties(enUrl).stringPropertyNames();
        Set<String> onlyNl = new TreeSet<>(nl);
        onlyNl.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(nl);
        onlyNl.forEach(key -> failures.add(key + " is in " + nlName + " but not in " + enName));
        onlyEn.forEach(key -> failures.add(key + " is in " + enName + " but not in " + nlName));
    }

    private static void requireBothLanguages(String source, String key, JsonNode i18n, List<String> failures) {
        for (String lang : List.of("nl", "en")) {
            if (i18n.path(lang).asText("").isBlank()) {
                failures.add(source + " " + key + " has no \"" + lang + "\" text");
            }
        }
    }

    private static String describe(Text text, String problem, Score score) {
        String figures = score == null ? "" : String.format(Locale.ROOT,
                " [sentences=%d, words=%d, syllables=%d, longest sentence=%d words, %s=%s]",
                score.sentences(), score.words(), score.syllables(), score.longestSentenceWords(),
                easeName(text.lang()), format(score.ease()));
        return text.source() + " " + text.key() + " (" + text.lang() + "): " + problem
                + "\n      \"" + text.value() + "\"" + figures;
    }

    private static String longestSentence(String text) {
        String longest = "";
        int most = -1;
        for (String sentence : Readability.sentences(text)) {
            int words = Readability.measure(sentence, Lang.NL).words();
            if (words > most) {
                most = words;
                longest = sentence;
            }
        }
        return longest;
    }

    private static String easeName(Lang lang) {
        return lang == Lang.NL ? "Flesch-Douma" : "Flesch Reading Ease";
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static URL resource(String name) {
        URL url = YoungPersonTextsReadabilityTest.class.getClassLoader().getResource(name);
        assertThat(url).as("classpath resource " + name).isNotNull();
        return url;
    }

    private static List<URL> resources(String name) {
        try {
            return Collections.list(YoungPersonTextsReadabilityTest.class.getClassLoader().getResources(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base(URL url, String name) {
        String s = url.toString();
        return s.endsWith(name) ? s.substring(0, s.length() - name.length()) : s;
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

    private static JsonNode json(String name) {
        try (InputStream in = resource(name).openStream()) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
