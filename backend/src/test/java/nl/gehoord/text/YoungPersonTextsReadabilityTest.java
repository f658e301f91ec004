package nl.gehoord.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessageFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.gehoord.text.Readability.Lang;
import nl.gehoord.text.Readability.Score;
import org.junit.jupiter.api.Test;

/**
 * The plain-language gate, for every text a young person reads (flow, messages, glossary, help contacts) in every
 * language:
 * <ul>
 *   <li>every sentence has at most {@value #MAX_WORDS_PER_SENTENCE} words (all six languages);</li>
 *   <li>Dutch has a Flesch-Douma and English a Flesch Reading Ease of at least {@value #MIN_EASE} per text;</li>
 *   <li>Dutch and English texts hold at most one formal word each, and every formal word
 *       ({@code readability/formal-words.properties}) is explained in the glossary;</li>
 *   <li>ready for text-to-speech: no abbreviation with dots, no "&amp;" or "/" between words, and an acronym
 *       only where its expansion stands in brackets or in the glossary term it explains.</li>
 * </ul>
 * Placeholders are filled in as the server does (a date in that language, or a number of days for each plural
 * form). Exempt, and listed in the report: the glossary terms themselves (the formal words being explained) and
 * the names of help services. The test prints (and writes to {@code target/readability-report.txt}) the hardest
 * texts per language.
 */
class YoungPersonTextsReadabilityTest {
    static final int MAX_WORDS_PER_SENTENCE = 12;
    static final double MIN_EASE = 60.0;
    static final Set<String> ACRONYMS = Set.of("OTS", "JJI", "IGJ", "RSJ");

    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?[0-9][0-9 ()/-]*");
    private static final Pattern DOTTED_ABBREVIATION = Pattern.compile(
            "(?i)(^|\\s)(bijv|bv|o\\.a|d\\.w\\.z|m\\.a\\.w|enz|etc|ca|nr|tel|evt|incl|e\\.g|i\\.e|vs|approx)\\.");
    private static final Pattern SLASH_OR_AMPERSAND = Pattern.compile("\\p{L}\\s*[/&]\\s*\\p{L}|&");
    private static final Pattern ACRONYM = Pattern.compile("\\b[A-Z]{2,5}\\b");
    private static final Instant SAMPLE_DATE = Instant.parse("2026-11-25T13:00:00Z");
    private static final int[] SAMPLE_COUNTS = {0, 1, 2, 3, 5, 11, 21, 100};

    /** One measured form of a text (a plural message has several). */
    record Measured(YoungPersonTexts.Text text, String filled, Score score) {
    }

    @Test
    void everyYoungPersonTextIsPlainLanguage() {
        List<YoungPersonTexts.Text> texts = YoungPersonTexts.all();
        assertThat(texts).as("texts found on the classpath").hasSizeGreaterThan(1000);
        Map<String, String> formalWords = formalWords();
        List<String> failures = new ArrayList<>();
        List<String> exempt = new ArrayList<>();
        Map<Language, List<Measured>> measured = new EnumMap<>(Language.class);
        for (YoungPersonTexts.Text text : texts) {
            String value = text.value() == null ? "" : text.value().strip();
            if (value.isEmpty()) {
                failures.add(describe(text, "is empty", null));
                continue;
            }
            if (isExempt(text)) {
                exempt.add(text.language().tag() + " " + text.key() + ": " + value);
                continue;
            }
            failures.addAll(speechProblems(text));
            for (String filled : filledIn(text)) {
                String prepared = prepared(filled);
                Lang lang = text.language() == Language.EN ? Lang.EN : Lang.NL;
                Score score = Readability.measure(prepared, lang);
                measured.computeIfAbsent(text.language(), l -> new ArrayList<>()).add(new Measured(text, filled, score));
                List<String> problems = new ArrayList<>();
                if (score.words() == 0) {
                    problems.add("has no words");
                }
                if (score.longestSentenceWords() > MAX_WORDS_PER_SENTENCE) {
                    problems.add("a sentence has " + score.longestSentenceWords() + " words (max "
                            + MAX_WORDS_PER_SENTENCE + ")");
                }
                if (hasEase(text.language()) && score.words() > 0 && score.ease() < MIN_EASE) {
                    problems.add(easeName(text.language()) + " " + format(score.ease()) + " (min " + format(MIN_EASE) + ")");
                }
                if (!problems.isEmpty()) {
                    failures.add(describe(text, String.join("; ", problems) + " in \"" + filled + "\"", score));
                }
            }
            if (hasEase(text.language())) {
                Set<String> formal = formalWordsIn(value, text.language(), formalWords);
                if (formal.size() > 1 && !text.key().startsWith("glossary.")) {
                    failures.add(describe(text, "has " + formal.size() + " formal words " + formal + " (max 1)", null));
                }
            }
        }
        writeReport(measured, exempt);
        assertThat(failures)
                .withFailMessage(() -> failures.size() + " of " + texts.size()
                        + " young-person texts are not plain enough:\n  " + String.join("\n  ", failures))
                .isEmpty();
    }

    @Test
    void everyFormalWordIsExplainedInTheGlossary() {
        Set<String> glossaryIds = new TreeSet<>();
        YoungPersonTexts.json("content/glossary.json").forEach(e -> glossaryIds.add(e.path("id").asText()));
        Map<String, String> formal = formalWords();
        assertThat(formal).as("formal words listed").hasSizeGreaterThan(10);
        formal.forEach((word, id) -> assertThat(glossaryIds).as("glossary entry for formal word " + word).contains(id));
    }

    @Test
    void theGateSeesWhatItIsFor() {
        YoungPersonTexts.Text text = new YoungPersonTexts.Text("test", "x", Language.NL,
                "Je kunt bijv. bellen en/of mailen met de RSJ.");
        assertThat(speechProblems(text)).hasSize(3);
        assertThat(filledIn(new YoungPersonTexts.Text("test", "y", Language.AR,
                "{0, plural, =0 {اليوم.} zero {# يوم.} one {يوم.} two {يومين.} few {# أيام.} many {# يومًا.} other {# يوم.}}")))
                .contains("يومين.", "اليوم.");
        assertThat(Readability.measure(prepared("ሕጂ ኣብ ሓደጋ ዲኹም? 112 ደውሉ።"), Lang.NL).sentences()).isEqualTo(2);
        assertThat(formalWordsIn("De klachtencommissie en de jeugdbeschermer.", Language.NL, formalWords())).hasSize(2);
    }

    // ------------------------------------------------------------------ rules

    static boolean isExempt(YoungPersonTexts.Text text) {
        return text.key().matches("glossary\\.[a-z_]+\\.term") || text.key().matches("help\\.[a-z_]+\\.name")
                || text.key().matches("language\\.name\\.[a-z]+")
                || PHONE_NUMBER.matcher(text.value().strip()).matches();
    }

    /** Text-to-speech: what a speech engine would spell out or read wrongly. */
    static List<String> speechProblems(YoungPersonTexts.Text text) {
        List<String> problems = new ArrayList<>();
        String value = text.value();
        if (DOTTED_ABBREVIATION.matcher(value).find()) {
            problems.add(describe(text, "has an abbreviation a speech engine would spell out", null));
        }
        if (SLASH_OR_AMPERSAND.matcher(value.replaceAll("\\{[^}]*}", "")).find()) {
            problems.add(describe(text, "has \"/\" or \"&\" between words; write the words", null));
        }
        Matcher acronyms = ACRONYM.matcher(value);
        while (acronyms.find()) {
            String acronym = acronyms.group();
            boolean explainedHere = value.contains("(" + acronym + ")") || value.matches(".*\\(.*" + acronym + ".*\\).*");
            boolean glossaryOfIt = text.key().startsWith("glossary.") && termOf(text).contains(acronym);
            if (!ACRONYMS.contains(acronym) || !(explainedHere || glossaryOfIt)) {
                problems.add(describe(text, "uses the acronym " + acronym + " without its expansion", null));
            }
        }
        return problems;
    }

    private static String termOf(YoungPersonTexts.Text text) {
        String termKey = text.key().replaceFirst("\\.explanation$", ".term");
        for (YoungPersonTexts.Text other : YoungPersonTexts.all()) {
            if (other.language() == text.language() && other.key().equals(termKey)) {
                return other.value();
            }
        }
        return "";
    }

    /** The text as the server writes it: a date in that language for {0}, each plural form for a count. */
    static List<String> filledIn(YoungPersonTexts.Text text) {
        String value = text.value();
        if (!value.contains("{")) {
            return List.of(value);
        }
        MessageFormat format = new MessageFormat(value.replace("'", "''"), text.language().locale());
        Set<String> forms = new LinkedHashSet<>();
        if (value.matches("(?s).*\\{\\s*0\\s*,\\s*plural.*")) {
            for (int count : SAMPLE_COUNTS) {
                forms.add(format.format(new Object[] {count}));
            }
        } else {
            forms.add(format.format(new Object[] {Wording.when(text.language(), SAMPLE_DATE)}));
        }
        return List.copyOf(forms);
    }

    /** Sentence marks of Arabic and Ge'ez read as the Latin ones, and the Ethiopic word space as a space. */
    static String prepared(String text) {
        return text.replace('؟', '?').replace('،', ',').replace('؛', ';')
                .replace("።", ". ").replace('፧', '?').replace('፡', ' ').replace('፣', ',').replace('፤', ';')
                .replace("«", "").replace("»", "");
    }

    static Map<String, String> formalWords() {
        Properties p = YoungPersonTexts.properties(YoungPersonTexts.resource("readability/formal-words.properties"));
        Map<String, String> out = new java.util.TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k).strip()));
        return out;
    }

    /** The distinct formal words (by glossary entry) in a Dutch or English text. */
    static Set<String> formalWordsIn(String value, Language language, Map<String, String> formalWords) {
        String lower = value.toLowerCase(Locale.ROOT);
        Set<String> found = new TreeSet<>();
        formalWords.forEach((word, id) -> {
            String[] parts = word.split("\\.", 2);
            if (parts[0].equals(language.tag()) && lower.contains(parts[1].replace('_', ' '))) {
                found.add(id);
            }
        });
        return found;
    }

    private static boolean hasEase(Language language) {
        return language == Language.NL || language == Language.EN;
    }

    // ------------------------------------------------------------------ report

    private static void writeReport(Map<Language, List<Measured>> measured, List<String> exempt) {
        StringBuilder out = new StringBuilder("Readability report (hardest texts per language)\n");
        for (Language language : Language.values()) {
            List<Measured> all = measured.getOrDefault(language, List.of());
            if (all.isEmpty()) {
                continue;
            }
            double words = all.stream().mapToInt(m -> m.score().words()).sum();
            double sentences = all.stream().mapToInt(m -> m.score().sentences()).sum();
            int longest = all.stream().mapToInt(m -> m.score().longestSentenceWords()).max().orElse(0);
            out.append(String.format(Locale.ROOT, "%n%s: %d texts measured, %.1f words a sentence on average, longest "
                    + "sentence %d words", language.tag(), all.size(), words / sentences, longest));
            if (hasEase(language)) {
                double mean = all.stream().mapToDouble(m -> m.score().ease()).average().orElse(0);
                double min = all.stream().mapToDouble(m -> m.score().ease()).min().orElse(0);
                out.append(String.format(Locale.ROOT, ", %s mean %.1f, lowest %.1f%n", easeName(language), mean, min));
                all.stream().sorted(Comparator.comparingDouble(m -> m.score().ease())).limit(5)
                        .forEach(m -> out.append(String.format(Locale.ROOT, "  %5.1f  %s: %s%n", m.score().ease(),
                                m.text().key(), m.filled())));
            } else {
                out.append('\n');
                all.stream().sorted(Comparator.comparingInt((Measured m) -> m.score().longestSentenceWords())
                                .reversed()).limit(5)
                        .forEach(m -> out.append(String.format(Locale.ROOT, "  %2d words  %s: %s%n",
                                m.score().longestSentenceWords(), m.text().key(), m.filled())));
            }
        }
        out.append("\nExempt (glossary terms and service names, and texts that are only a phone number): ")
                .append(exempt.size()).append('\n');
        exempt.forEach(e -> out.append("  ").append(e).append('\n'));
        System.out.println(out);
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/readability-report.txt"), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(YoungPersonTexts.Text text, String problem, Score score) {
        String figures = score == null ? "" : String.format(Locale.ROOT,
                " [sentences=%d, words=%d, syllables=%d, longest sentence=%d words, ease=%s]",
                score.sentences(), score.words(), score.syllables(), score.longestSentenceWords(), format(score.ease()));
        return text.source() + " " + text.key() + " (" + text.language().tag() + "): " + problem
                + "\n      \"" + text.value() + "\"" + figures;
    }

    private static String easeName(Language language) {
        return language == Language.NL ? "Flesch-Douma" : "Flesch Reading Ease";
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
