package nl.gehoord.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One key set in every language, placeholders that match the Dutch source, every plural form a language needs
 * (CLDR, through ICU4J), review marks that name real keys, no key that nothing uses, and no text for the young
 * person written in the code instead of a catalog.
 */
class CatalogsTest {
    private static final Path MAIN_JAVA = Path.of("src/main/java");

    @Test
    void everyLanguageHasExactlyTheDutchKeys() {
        List<String> failures = new ArrayList<>();
        for (YoungPersonTexts.CatalogFiles files : YoungPersonTexts.catalogs()) {
            Set<String> nl = YoungPersonTexts.properties(files.url(Language.NL)).stringPropertyNames();
            for (Language language : Language.values()) {
                if (files.url(language) == null) {
                    failures.add(files.name(language) + " is missing");
                    continue;
                }
                Properties p = YoungPersonTexts.properties(files.url(language));
                Set<String> missing = new TreeSet<>(nl);
                missing.removeAll(p.stringPropertyNames());
                Set<String> extra = new TreeSet<>(p.stringPropertyNames());
                extra.removeAll(nl);
                missing.forEach(k -> failures.add(files.name(language) + " lacks " + k));
                extra.forEach(k -> failures.add(files.name(language) + " has " + k + ", which Dutch has not"));
                p.stringPropertyNames().stream().filter(k -> p.getProperty(k).isBlank())
                        .forEach(k -> failures.add(files.name(language) + " " + k + " is empty"));
            }
        }
        assertThat(failures).withFailMessage(() -> "Catalogs differ from Dutch:\n  " + String.join("\n  ", failures))
                .isEmpty();
    }

    @Test
    void placeholdersMatchTheSourceAndPluralsHaveEveryFormTheLanguageNeeds() {
        List<String> failures = new ArrayList<>();
        for (YoungPersonTexts.CatalogFiles files : YoungPersonTexts.catalogs()) {
            Properties nl = YoungPersonTexts.properties(files.url(Language.NL));
            for (Language language : Language.values()) {
                if (files.url(language) == null) {
                    continue;
                }
                Properties p = YoungPersonTexts.properties(files.url(language));
                Set<String> categories = PluralRules.forLocale(ULocale.forLocale(language.locale())).getKeywords();
                for (String key : new TreeSet<>(p.stringPropertyNames())) {
                    String where = files.name(language) + " " + key;
                    Args args;
                    try {
                        args = Args.of(p.getProperty(key));
                        new MessageFormat(p.getProperty(key).replace("'", "''"), language.locale());
                    } catch (IllegalArgumentException broken) {
                        failures.add(where + ": broken placeholder (" + broken.getMessage() + ")");
                        continue;
                    }
                    if (nl.getProperty(key) == null) {
                        continue;
                    }
                    Args source = Args.of(nl.getProperty(key));
                    if (!args.names().equals(source.names())) {
                        failures.add(where + ": placeholders " + args.names() + ", Dutch has " + source.names());
                    }
                    for (Map.Entry<String, Set<String>> plural : args.plurals().entrySet()) {
                        Set<String> missing = new TreeSet<>(categories);
                        missing.removeAll(plural.getValue());
                        if (!missing.isEmpty()) {
                            failures.add(where + ": plural {" + plural.getKey() + "} lacks " + missing
                                    + " (CLDR " + language.tag() + " needs " + new TreeSet<>(categories) + ")");
                        }
                        Set<String> unknown = new TreeSet<>(plural.getValue());
                        unknown.removeIf(s -> s.startsWith("=") || categories.contains(s));
                        if (!unknown.isEmpty()) {
                            failures.add(where + ": plural {" + plural.getKey() + "} has forms " + unknown
                                    + " that " + language.tag() + " does not use");
                        }
                    }
                    if (!source.plurals().keySet().equals(args.plurals().keySet())) {
                        failures.add(where + ": plural arguments " + args.plurals().keySet() + ", Dutch has "
                                + source.plurals().keySet());
                    }
                }
            }
        }
        assertThat(failures).withFailMessage(() -> "Placeholders:\n  " + String.join("\n  ", failures)).isEmpty();
    }

    @Test
    void theLanguagesThatNeedMorePluralFormsReallyGetThem() {
        assertThat(PluralRules.forLocale(ULocale.forLanguageTag("ar")).getKeywords())
                .containsExactlyInAnyOrder("zero", "one", "two", "few", "many", "other");
        assertThat(PluralRules.forLocale(ULocale.forLanguageTag("uk")).getKeywords())
                .containsExactlyInAnyOrder("one", "few", "many", "other");
        assertThat(Args.of(new Messages().catalog().raw(Language.AR, "next.due_in_days")).plurals().get("0"))
                .contains("zero", "one", "two", "few", "many", "other");
    }

    @Test
    void everyKindAndOptionHasAnIconSoNoChoiceIsTextOnly() {
        List<String> missing = new ArrayList<>();
        var flow = YoungPersonTexts.json(YoungPersonTexts.FLOW);
        flow.path("kinds").forEach(k -> {
            if (k.path("icon").asText("").isBlank()) {
                missing.add("kind " + k.path("id").asText());
            }
        });
        flow.path("steps").forEach(step -> step.path("question").path("options").forEach(o -> {
            if (o.path("icon").asText("").isBlank()) {
                missing.add("option " + step.path("id").asText() + "." + o.path("id").asText());
            }
        }));
        assertThat(missing).as("kinds and options without an icon name").isEmpty();
    }

    @Test
    void theGatesCatchTheMistakesTheyAreFor() throws IOException {
        Set<String> literals = stringLiterals();
        assertThat(isUsedMessage("problem.case_closed.title", literals)).isTrue();
        assertThat(isUsedMessage("problem.no_such_code.title", literals)).isFalse();
        assertThat(isUsedMessage("status.no_such_status", literals)).isFalse();
        assertThat(Args.of("Voor {0}.").names()).containsExactly("0");
        assertThat(Args.of("{0, plural, one {# dag} other {# dagen}}").plurals().get("0"))
                .containsExactlyInAnyOrder("one", "other");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Args.of("Voor {0."))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(literals("String a = \"je tekst\";\n    // \"niet dit\"\n/* \"en dit niet\" */")).containsExactly("je tekst");
    }

    @Test
    void reviewMarksNameRealKeysAndOnlyEnglishIsMarkedWhole() {
        List<String> failures = new ArrayList<>();
        for (YoungPersonTexts.CatalogFiles files : YoungPersonTexts.catalogs()) {
            Set<String> keys = YoungPersonTexts.properties(files.url(Language.NL)).stringPropertyNames();
            for (Language language : Language.values()) {
                if (language == Language.NL) {
                    continue;
                }
                if (files.reviewed(language) == null) {
                    failures.add(files.prefix() + ": no reviewed_" + language.tag() + ".properties");
                    continue;
                }
                for (String key : YoungPersonTexts.properties(files.reviewed(language)).stringPropertyNames()) {
                    if (key.equals(Catalog.ALL_REVIEWED) ? language != Language.EN : !keys.contains(key)) {
                        failures.add(files.prefix() + " reviewed_" + language.tag() + " names " + key);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyKeyIsUsed() throws IOException {
        Set<String> literals = stringLiterals();
        List<String> unused = new ArrayList<>();
        Set<String> flow = YoungPersonTexts.keysUsedByFlow();
        Set<String> content = YoungPersonTexts.keysUsedByContent();
        Set<String> youthApp = keysNamedByYouthApp();
        for (YoungPersonTexts.CatalogFiles files : YoungPersonTexts.catalogs()) {
            Set<String> keys = new TreeSet<>(YoungPersonTexts.properties(files.url(Language.NL)).stringPropertyNames());
            for (String key : keys) {
                boolean used = switch (files.prefix()) {
                    case "flow/texts_" -> flow.contains(key);
                    case "content/content_" -> content.contains(key);
                    // The app's words are named by the youth web app's scripts and page; a numbered key
                    // (case.feedbackScore1) by its stem, the language names by the app-texts answer.
                    case "app/app_" -> youthApp.contains(key) || youthApp.contains(key.replaceFirst("\\d+$", ""))
                            || (key.startsWith("language.name.") && literals.contains("language.name."));
                    default -> isUsedMessage(key, literals);
                };
                if (!used) {
                    unused.add(files.name(Language.NL) + " " + key);
                }
            }
            if (files.prefix().equals("flow/texts_")) {
                flow.stream().filter(k -> !keys.contains(k)).forEach(k -> unused.add("flow.json needs " + k));
            }
            if (files.prefix().equals("content/content_")) {
                content.stream().filter(k -> !keys.contains(k)).forEach(k -> unused.add("content needs " + k));
            }
        }
        assertThat(unused).as("keys nothing uses, or used keys missing").isEmpty();
    }

    /** Every quoted string and data-text attribute in the youth web app's files. */
    private static Set<String> keysNamedByYouthApp() throws IOException {
        Set<String> named = new TreeSet<>();
        Path folder = MAIN_JAVA.resolveSibling("resources").resolve("youth");
        Pattern quoted = Pattern.compile("'([A-Za-z0-9_.]+)'|\"([A-Za-z0-9_.]+)\"");
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js") || f.toString().endsWith(".html")).toList()) {
                Matcher m = quoted.matcher(Files.readString(file));
                while (m.find()) {
                    named.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        return named;
    }

    /**
     * A message key is used when the code names it, or names the id it is built from: "problem.case_closed.title"
     * from the problem code "case_closed", "status.received" from the status "received", and so on.
     */
    static boolean isUsedMessage(String key, Set<String> literals) {
        if (literals.contains(key)) {
            return true;
        }
        String id = key.replaceFirst("^(problem|field|status|timeline\\.status|timeline|next|choices|export\\.heading|device\\.platform)\\.", "")
                .replaceFirst("\\.(title|detail|text|text_due|body)$", "")
                .replaceFirst("_due$", "");
        if (id.equals(key)) {
            return false;
        }
        return literals.contains(id) || literals.contains(key.replaceFirst("\\.(title|body)$", ""));
    }

    @Test
    void noTextForTheYoungPersonIsWrittenInTheCode() throws IOException {
        // Catalog texts speak to the young person ("je", "you"); a literal in the code that does so is a text
        // that should be in a catalog.
        Pattern speaksToThem = Pattern.compile("(?i)(^|[^\\p{L}])(je|jij|jouw|you|your)([^\\p{L}]|$)");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN_JAVA)) {
            // Left out: the demo, which seeds what a demo trust person typed (content, like any message), and the
            // command line in the root package, which speaks to the operator in English at a console.
            for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(MAIN_JAVA.resolve("nl/gehoord/demo")))
                    .filter(f -> !f.getParent().equals(MAIN_JAVA.resolve("nl/gehoord"))).toList()) {
                for (String literal : literals(Files.readString(file))) {
                    if (literal.contains(" ") && speaksToThem.matcher(literal).find()) {
                        found.add(MAIN_JAVA.relativize(file) + ": \"" + literal + "\"");
                    }
                }
            }
        }
        assertThat(found).as("user-facing text in code").isEmpty();
    }

    private static Set<String> stringLiterals() throws IOException {
        Set<String> all = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN_JAVA)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.addAll(literals(Files.readString(file)));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return all;
    }

    /** The string literals of a Java source, comments left out. */
    static List<String> literals(String source) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)^\\s*//.*$", " ")
                .replaceAll("(?s)\"\"\".*?\"\"\"", " ");
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"").matcher(code);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The arguments of an ICU pattern: their names, and for each plural argument its selectors. */
    record Args(Set<String> names, Map<String, Set<String>> plurals) {
        static Args of(String pattern) {
            MessagePattern parsed = new MessagePattern(MessagePattern.ApostropheMode.DOUBLE_REQUIRED)
                    .parse(pattern.replace("'", "''"));
            Set<String> names = new TreeSet<>();
            Map<String, Set<String>> plurals = new TreeMap<>();
            String currentPlural = null;
            int depth = 0;
            int pluralDepth = -1;
            for (int i = 0; i < parsed.countParts(); i++) {
                MessagePattern.Part part = parsed.getPart(i);
                switch (part.getType()) {
                    case ARG_START -> {
                        depth++;
                        MessagePattern.Part name = parsed.getPart(i + 1);
                        String argName = parsed.getSubstring(name);
                        names.add(argName);
                        if (part.getArgType() == MessagePattern.ArgType.PLURAL) {
                            currentPlural = argName;
                            pluralDepth = depth;
                            plurals.put(argName, new TreeSet<>());
                        }
                    }
                    case ARG_LIMIT -> {
                        if (depth == pluralDepth) {
                            currentPlural = null;
                            pluralDepth = -1;
                        }
                        depth--;
                    }
                    case ARG_SELECTOR -> {
                        if (currentPlural != null && depth == pluralDepth) {
                            plurals.get(currentPlural).add(parsed.getSubstring(part));
                        }
                    }
                    default -> {
                    }
                }
            }
            return new Args(names, plurals);
        }
    }
}
