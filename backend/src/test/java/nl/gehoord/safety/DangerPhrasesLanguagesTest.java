package nl.gehoord.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Urgent help in every language: each list ({@code safety/danger-phrases_<lang>.txt}) has a corpus
 * ({@code safety/corpus_<lang>.txt} in the test resources) of texts that must be found and texts that must not,
 * and the whole standard list (all languages together) is held to every corpus, so a phrase in one language
 * never fires on an ordinary complaint in another.
 */
class DangerPhrasesLanguagesTest {
    private final DangerPhrases all = DangerPhrases.standard();

    record Example(boolean danger, String text) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"ar", "uk", "ti", "so"})
    void everyCorpusIsFoundByItsOwnListAndByTheWholeList(String language) {
        DangerPhrases own = DangerPhrases.forLanguage(language);
        List<Example> corpus = corpus(language);
        assertThat(corpus.stream().filter(Example::danger).count()).as("positives").isGreaterThanOrEqualTo(20);
        assertThat(corpus.stream().filter(e -> !e.danger()).count()).as("negatives").isGreaterThanOrEqualTo(10);
        List<String> wrong = new ArrayList<>();
        for (Example example : corpus) {
            boolean byOwn = own.anyIn(List.of(example.text()));
            boolean byAll = all.anyIn(List.of(example.text()));
            if (example.danger() && !(byOwn && byAll)) {
                wrong.add("missed: " + example.text() + " (own list " + byOwn + ", all lists " + byAll + ")");
            }
            if (!example.danger() && byAll) {
                wrong.add("false alarm: " + example.text());
            }
        }
        assertThat(wrong).as(language + " corpus").isEmpty();
    }

    @Test
    void everyLanguageHasEveryCategory() {
        for (String language : DangerPhrases.LANGUAGES) {
            Set<String> categories = DangerPhrases.forLanguage(language).phrases().stream()
                    .map(DangerPhrases.Phrase::category).collect(Collectors.toSet());
            assertThat(categories).as(language).containsExactlyInAnyOrder("self_harm", "violence", "sexual");
        }
        assertThat(all.size()).isGreaterThan(400);
    }

    @Test
    void reviewMarksNameOnlyPhrasesOfTheirList() throws IOException {
        for (String language : DangerPhrases.LANGUAGES) {
            Properties reviewed = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/safety/reviewed_" + language + ".properties")) {
                assertThat(in).as("safety/reviewed_" + language + ".properties").isNotNull();
                reviewed.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            Set<String> phrases = DangerPhrases.forLanguage(language).phrases().stream()
                    .map(DangerPhrases.Phrase::words).collect(Collectors.toSet());
            for (String key : reviewed.stringPropertyNames()) {
                assertThat(phrases).as(language + " reviewed phrase " + key).contains(TextNormaliser.words(key));
            }
        }
    }

    @Test
    void arabicLosesVowelMarksAndTatweelAndItsLetterFormsMeet() {
        assertThat(TextNormaliser.words("أُرِيدُ أَنْ أَمُوتَ")).isEqualTo(TextNormaliser.words("اريد ان اموت"));
        assertThat(TextNormaliser.words("امــــوت")).isEqualTo(TextNormaliser.words("اموت"));
        assertThat(TextNormaliser.words("إنتحار")).isEqualTo(TextNormaliser.words("انتحار"));
        assertThat(TextNormaliser.words("آمان")).isEqualTo(TextNormaliser.words("امان"));
        assertThat(TextNormaliser.words("الحياة")).isEqualTo(TextNormaliser.words("الحياه"));
        assertThat(TextNormaliser.words("على")).isEqualTo(TextNormaliser.words("علي"));
        assertThat(TextNormaliser.words("مؤذي")).isEqualTo(TextNormaliser.words("موذي"));
        assertThat(TextNormaliser.words("ﻻ")).isEqualTo(TextNormaliser.words("لا"));
    }

    @Test
    void cyrillicFoldsUkrainianAndRussianSpellings() {
        assertThat(TextNormaliser.words("б'є")).isEqualTo(TextNormaliser.words("бє"));
        assertThat(TextNormaliser.words("б’ють")).isEqualTo(TextNormaliser.words("бьют"));
        assertThat(TextNormaliser.words("зґвалтували")).isEqualTo(TextNormaliser.words("згвалтували"));
        assertThat(TextNormaliser.words("бьёт")).isEqualTo(TextNormaliser.words("бет"));
        assertThat(TextNormaliser.words("ВБИТИ")).isEqualTo(TextNormaliser.words("вбыти"));
        assertThat(TextNormaliser.words("суїцид")).isEqualTo(TextNormaliser.words("суицид"));
    }

    @Test
    void geezFoldsTheRowsWritersMixUpAndSplitsOnEthiopicPunctuation() {
        assertThat(TextNormaliser.words("ሓገዝ")).isEqualTo(TextNormaliser.words("ሃገዝ")).isEqualTo(TextNormaliser.words("ኃገዝ"));
        assertThat(TextNormaliser.words("ዐሚጹኒ")).isEqualTo(TextNormaliser.words("ኣሚጹኒ"));
        assertThat(TextNormaliser.words("ፀሓይ")).isEqualTo(TextNormaliser.words("ጸሃይ"));
        assertThat(TextNormaliser.words("ክሞት፡እደሊ።")).isEqualTo("ክሞት እደሊ");
    }

    @Test
    void shortWordsInOtherScriptsNeverMatchInsideOtherWordsOrWithAMistake() {
        // "мене б'є" (he beats me) folds to "мене бе": neither "мене берегли" nor "мене не" may match.
        assertThat(all.anyIn(List.of("мене берегли"))).isFalse();
        assertThat(all.anyIn(List.of("мене не чують"))).isFalse();
        assertThat(all.anyIn(List.of("мене б'є"))).isTrue();
        // A glued phrase still matches from a word start, not from the middle of a word.
        assertThat(all.anyIn(List.of("хочупомерти"))).isTrue();
        assertThat(all.anyIn(List.of("нехочупомерти"))).as("starts inside a word").isFalse();
        // Arabic: "and he hits me" written as one word.
        assertThat(all.anyIn(List.of("وبيضربني"))).isTrue();
    }

    @Test
    void anchoredSearchAnswersLikeTheTableForOneMistake() {
        assertThat(DangerPhrases.prefixWithinEdits("بدياموت", 0, "بدياموت", 1)).isTrue();
        assertThat(DangerPhrases.prefixWithinEdits("بديموت", 0, "بدياموت", 1)).isTrue();
        assertThat(DangerPhrases.prefixWithinEdits("بدياكون", 0, "بدياموت", 1)).isFalse();
        assertThat(DangerPhrases.prefixWithinEdits("xبدياموت", 0, "بدياموت", 1)).isTrue();
        assertThat(DangerPhrases.prefixWithinEdits("xxبدياموت", 0, "بدياموت", 1)).isFalse();
    }

    static List<Example> corpus(String language) {
        List<Example> out = new ArrayList<>();
        String resource = "/safety/corpus_" + language + ".txt";
        try (InputStream in = DangerPhrasesLanguagesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("+ ") || line.startsWith("- ")) {
                    out.add(new Example(line.charAt(0) == '+', line.substring(2).strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
