package nl.gehoord.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import nl.gehoord.text.Readability.Lang;
import nl.gehoord.text.Readability.Score;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadabilityTest {

    @Nested
    class DutchSyllables {

        @ParameterizedTest(name = "{0} has {1} syllables")
        @CsvSource({
                "kat, 1",
                "huis, 1",
                "meisje, 2",
                "praten, 2",
                "veilig, 2",
                "één, 1",
                "cliënt, 2",
                "ruïne, 3",
                "nieuw, 1",
                "leeuw, 1",
                "eeuwig, 2",
                "moeilijk, 2",
                "mooie, 2",
                "draaien, 2",
                "hooi, 1",
                "hoi, 1",
                "situatie, 4",
                "informatie, 4",
                "regio, 3",
                "pleeggezin, 3",
                "gezinshuis, 3",
                "jeugdbeschermer, 4",
                "vertrouwenspersoon, 5",
                "klachtencommissie, 5",
                "ondertoezichtstelling, 6",
                "vrijheidsbeperkende, 6",
                "Kindertelefoon, 5",
                "foto's, 2"
        })
        void countsVowelGroups(String word, int expected) {
            assertThat(Readability.syllables(word, Lang.NL)).isEqualTo(expected);
        }

        @Test
        void treatsLongVowelsAndDiphthongsAsOneGroup() {
            for (String word : new String[] {"rij", "rei", "rauw", "hou", "lui", "boek", "neus", "lief",
                    "maan", "been", "boom", "muur", "moei", "kraai", "kooi"}) {
                assertThat(Readability.syllables(word, Lang.NL)).as(word).isEqualTo(1);
            }
        }

        @Test
        void countsNumbersAndPhoneNumbersAsOneSyllable() {
            assertThat(Readability.syllables("112", Lang.NL)).isEqualTo(1);
            assertThat(Readability.syllables("0800-0432", Lang.NL)).isEqualTo(1);
            assertThat(Readability.syllables("24/7", Lang.NL)).isEqualTo(1);
        }

        @Test
        void readsAcronymsLetterByLetter() {
            assertThat(Readability.syllables("OTS", Lang.NL)).isEqualTo(3);
            assertThat(Readability.syllables("JJI", Lang.NL)).isEqualTo(3);
        }
    }

    @Nested
    class EnglishSyllables {

        @ParameterizedTest(name = "{0} has {1} syllables")
        @CsvSource({
                "the, 1",
                "cat, 1",
                "make, 1",
                "there, 1",
                "free, 1",
                "agree, 2",
                "people, 2",
                "table, 2",
                "little, 2",
                "whole, 1",
                "violence, 3",
                "information, 4",
                "question, 2",
                "social, 2",
                "being, 2",
                "makes, 1",
                "places, 2",
                "rules, 1",
                "asked, 1",
                "wanted, 2",
                "used, 1",
                "someone, 2",
                "something, 2",
                "safety, 2",
                "safely, 2",
                "careful, 2",
                "trying, 2",
                "saying, 2",
                "beyond, 2",
                "young, 1",
                "family, 3",
                "idea, 3",
                "complaint, 2",
                "anonymous, 4"
        })
        void usesTheUsualHeuristic(String word, int expected) {
            assertThat(Readability.syllables(word, Lang.EN)).isEqualTo(expected);
        }

        @Test
        void neverCountsLessThanOne() {
            assertThat(Readability.syllables("she", Lang.EN)).isEqualTo(1);
            assertThat(Readability.syllables("rhythm", Lang.EN)).isGreaterThanOrEqualTo(1);
            assertThat(Readability.syllables("hmm", Lang.EN)).isEqualTo(1);
        }

        @Test
        void countsNumbersAsOneSyllable() {
            assertThat(Readability.syllables("0800-0113", Lang.EN)).isEqualTo(1);
            assertThat(Readability.syllables("18", Lang.EN)).isEqualTo(1);
        }
    }

    @Nested
    class Sentences {

        @Test
        void splitsOnEndPunctuation() {
            assertThat(Readability.sentences("Ik ben veilig. Ik ben bang! Wat nu?"))
                    .containsExactly("Ik ben veilig.", "Ik ben bang!", "Wat nu?");
        }

        @Test
        void aTextWithoutEndPunctuationIsOneSentence() {
            assertThat(Readability.sentences("Ik wil met iemand praten")).containsExactly("Ik wil met iemand praten");
        }

        @Test
        void doesNotSplitInsideNumbersOrPhoneNumbers() {
            assertThat(Readability.sentences("Bel 0800-0432. Dat is gratis."))
                    .containsExactly("Bel 0800-0432.", "Dat is gratis.");
            assertThat(Readability.sentences("AKJ kreeg 20.387 vragen. Dat is veel."))
                    .containsExactly("AKJ kreeg 20.387 vragen.", "Dat is veel.");
            assertThat(Readability.sentences("Het kost 2.50 euro")).hasSize(1);
        }

        @Test
        void doesNotSplitAfterAbbreviations() {
            assertThat(Readability.sentences("Kies bijv. een plek. Daarna ga je verder."))
                    .containsExactly("Kies bijv. een plek.", "Daarna ga je verder.");
            assertThat(Readability.sentences("Pick a place, e.g. your room. Then go on."))
                    .containsExactly("Pick a place, e.g. your room.", "Then go on.");
            assertThat(Readability.sentences("Je mag o.a. bellen. Of mailen.")).hasSize(2);
        }

        @Test
        void splitsOnLineBreaks() {
            assertThat(Readability.sentences("Bel me\nvanavond\r\nna acht uur"))
                    .containsExactly("Bel me", "vanavond", "na acht uur");
        }

        @Test
        void keepsRunsOfPunctuationAndClosingQuotesTogether() {
            assertThat(Readability.sentences("Echt?! Ja...")).containsExactly("Echt?!", "Ja...");
            assertThat(Readability.sentences("Hij zei: \"Stop.\" Toen ging hij weg."))
                    .containsExactly("Hij zei: \"Stop.\"", "Toen ging hij weg.");
        }

        @Test
        void ignoresEmptyPieces() {
            assertThat(Readability.sentences("")).isEmpty();
            assertThat(Readability.sentences(null)).isEmpty();
            assertThat(Readability.sentences("  \n\n . ! ")).isEmpty();
            assertThat(Readability.sentences("Ja.\n\nNee.")).containsExactly("Ja.", "Nee.");
        }
    }

    @Nested
    class Measure {

        @Test
        void fleschDoumaForASimpleDutchSentence() {
            Score score = Readability.measure("De kat zit op de mat.", Lang.NL);
            assertThat(score.sentences()).isEqualTo(1);
            assertThat(score.words()).isEqualTo(6);
            assertThat(score.syllables()).isEqualTo(6);
            assertThat(score.longestSentenceWords()).isEqualTo(6);
            // 206.84 - 0.93 * 6 - 77 * 1
            assertThat(score.ease()).isCloseTo(124.26, within(0.001));
        }

        @Test
        void fleschReadingEaseForASimpleEnglishSentence() {
            Score score = Readability.measure("The cat sat on the mat.", Lang.EN);
            assertThat(score.words()).isEqualTo(6);
            assertThat(score.syllables()).isEqualTo(6);
            // 206.835 - 1.015 * 6 - 84.6 * 1
            assertThat(score.ease()).isCloseTo(116.145, within(0.001));
        }

        @Test
        void usesAveragesOverTheWholeText() {
            // ik(1) wil(1) kla-gen(2) o-ver(2) mijn(1) jeugd-be-scher-mer(4) = 11 syllables, 6 words
            // Ik(1) ben(1) bang(1) = 3 syllables, 3 words
            Score score = Readability.measure("Ik wil klagen over mijn jeugdbeschermer. Ik ben bang.", Lang.NL);
            assertThat(score.sentences()).isEqualTo(2);
            assertThat(score.words()).isEqualTo(9);
            assertThat(score.syllables()).isEqualTo(14);
            assertThat(score.longestSentenceWords()).isEqualTo(6);
            double expected = 206.84 - 0.93 * (9 / 2.0) - 77 * (14 / 9.0);
            assertThat(score.ease()).isCloseTo(expected, within(0.001));
        }

        @Test
        void longFormalWordsScoreLow() {
            assertThat(Readability.measure("Ondertoezichtstelling.", Lang.NL).ease())
                    .isCloseTo(206.84 - 0.93 - 77 * 6, within(0.001));
            assertThat(Readability.measure("Information.", Lang.EN).ease())
                    .isCloseTo(206.835 - 1.015 - 84.6 * 4, within(0.001));
        }

        @Test
        void plainTextScoresHigherThanFormalText() {
            double plain = Readability.measure("Je mag altijd met iemand praten. Dat is gratis.", Lang.NL).ease();
            double formal = Readability.measure(
                    "De vertrouwenspersoon ondersteunt jeugdigen bij de klachtenprocedure.", Lang.NL).ease();
            assertThat(plain).isGreaterThan(60);
            assertThat(formal).isLessThan(60);
        }

        @Test
        void countsPhoneNumbersAsOneShortWord() {
            Score score = Readability.measure("Bel 0800-0432.", Lang.NL);
            assertThat(score.words()).isEqualTo(2);
            assertThat(score.syllables()).isEqualTo(2);
        }

        @Test
        void punctuationOnItsOwnIsNotAWord() {
            Score score = Readability.measure("Bel 112 – nu!", Lang.NL);
            assertThat(score.words()).isEqualTo(3);
        }

        @Test
        void findsTheLongestSentence() {
            Score score = Readability.measure("Ja. Ik wil met iemand praten. Nu.", Lang.NL);
            assertThat(score.sentences()).isEqualTo(3);
            assertThat(score.longestSentenceWords()).isEqualTo(5);
        }

        @Test
        void anEmptyTextHasNoWordsAndEaseZero() {
            Score score = Readability.measure("  ", Lang.EN);
            assertThat(score).isEqualTo(new Score(0, 0, 0, 0, 0.0));
        }
    }
}
