package nl.gehoord.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DangerPhrasesTest {
    private final DangerPhrases danger = DangerPhrases.standard();

    /** The test list: every one of these must be found. False negatives here are not allowed. */
    @ParameterizedTest
    @ValueSource(strings = {
        // Dutch, plain
        "Ik wil dood.",
        "ik wil niet meer leven",
        "Ik denk aan zelfmoord",
        "ik wil er een eind aan maken",
        "Soms snijd ik mezelf",
        "Ik wil mezelf iets aandoen",
        "Mijn stiefvader slaat me elke avond",
        "Hij slaat me",
        "ik word geslagen door de leiding",
        "Ik ben bang om terug te gaan naar de groep",
        "ik durf niet terug naar huis",
        "ik voel me niet veilig op de groep",
        "Hij heeft me verkracht",
        "een begeleider zit aan me",
        "ik word gechanteerd met naaktfoto's",
        "Hij dreigt met een mes",
        // Dutch, case, accents, spacing and punctuation
        "IK WIL DOOD!!!",
        "Ik   wil.....dood",
        "ik wil dóód",
        "zelf moord",
        "ZELF-MOORD",
        "suïcide",
        "z e l f m o o r d",
        "ikwildood",
        // Dutch, chat spelling and misspellings
        "k wil dood",
        "ik wil d00d",
        "ik wil doooood",
        "ik wil doot",
        "zelfmoort",
        "zelfmord",
        "selfmoord",
        "zelfmoor",
        "zelvmoord",
        "ik wil nie meer leve",
        "ik wil nt meer leven",
        "ik snij mezelf",
        "ik snijdt mezelf",
        "mezelf snyden",
        "mijzelf iets aandoen",
        "hij sloeg me en ik word mishandelt",
        "ik word mishandeld",
        "verkragt",
        "verkracht",
        "ik ben nie veilig",
        "ik b3n niet v3ilig",
        "misbruikt door een leider",
        // English, plain and chat
        "I want to kill myself",
        "i wanna die",
        "I want to die.",
        "i want 2 die",
        "Sometimes I cut myself",
        "I am suicidal",
        "suicidal thoughts",
        "su1c1de",
        "suicde",
        "sucide",
        "kms",
        "I don't want to live anymore",
        "i dont wanna live", // closest: no reason to live / dont want to live with one edit
        "my dad hits me",
        "He hits me when I am late",
        "she beats me",
        "I was raped",
        "he touched me",
        "I'm afraid to go back there",
        "i am scared to go home",
        "he threatened to kill me",
        "they are gonna kill me",
        "he has a gun",
        "I don't feel safe",
        "i'm not safe here",
        "unalive myself",
        // More ways young people say it
        "kzie het nie meer zitten",
        "ik wil me dood maken",
        "ik wil mezelf doodmaken",
        "ik slik al mijn pillen",
        "hij heeft me aangerand",
        "ik werd verkracht op de groep",
        "ze hebben me in elkaar geslagen",
        "ik ben doodsbang voor hem",
        "I want to end my life",
        "i wanna end it all",
        "I'm going to hurt myself tonight",
        "my stepdad touches me at night",
        "I'm scared to go back to the group home",
        "he forced me to have sex",
        "Mijn vriend dwingt me tot seks",
        "Er is een man die zegt dat ik seks moet hebben voor geld",
    })
    void findsDangerInEveryPhrasingOnTheTestList(String text) {
        assertThat(danger.find(List.of(text))).as(text).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Ik mag mijn telefoon niet houden van de groepsleiding.",
        "Ik krijg geen zakgeld en ze luisteren niet naar mij.",
        "Mijn voogd belt nooit terug.",
        "I am not allowed to see my friends on Saturday.",
        "The food at the group home is cold.",
        "Ik wil meer vrije tijd.",
    })
    void leavesOrdinaryComplaintsAlone(String text) {
        assertThat(danger.find(List.of(text))).as(text).isEmpty();
    }

    @Test
    void saysOnlyTheCategoryAndSkipsEmptyTexts() {
        assertThat(danger.find(java.util.Arrays.asList(null, "", "hij heeft me verkracht"))).contains("sexual");
        assertThat(danger.find(List.of("ik wil dood"))).contains("self_harm");
        assertThat(danger.find(List.of("hij slaat me"))).contains("violence");
        assertThat(danger.find(java.util.Arrays.asList((String) null))).isEmpty();
    }

    @Test
    void theListIsLoadedAndEveryCategoryIsKnown() {
        assertThat(danger.size()).isGreaterThan(150);
        assertThat(danger.phrases()).allSatisfy(p ->
                assertThat(p.category()).isIn("self_harm", "violence", "sexual"));
    }

    @Test
    void editDistanceSearchFindsAPatternWithOneMistakeInsideLongerText() {
        assertThat(DangerPhrases.withinEdits("gisterenselfmortgedacht", "selfmort", 0)).isTrue();
        assertThat(DangerPhrases.withinEdits("gisterenselfmrtgedacht", "selfmort", 1)).isTrue();
        assertThat(DangerPhrases.withinEdits("gisterenslfmrtgedacht", "selfmort", 1)).isFalse();
    }

    /** The bit-parallel search must answer exactly as the plain table does, for every phrase length and k. */
    @Test
    void bitParallelSearchAgreesWithTheTableOnRandomTexts() {
        Random random = new Random(20261123L);
        int agreedTrue = 0;
        for (int round = 0; round < 20_000; round++) {
            Search search = Search.random(random, round);
            String pattern = search.pattern();
            String text = search.text();
            int k = search.k();
            boolean table = DangerPhrases.withinEditsTable(text, pattern, k);
            assertThat(DangerPhrases.withinEditsBits(text, pattern, DangerPhrases.asciiMasks(pattern), k))
                    .as("text %s pattern %s k %d", text, pattern, k).isEqualTo(table);
            agreedTrue += table ? 1 : 0;
        }
        assertThat(agreedTrue).as("both answers were exercised").isBetween(2_000, 18_000);
    }

    /** The pieces only rule out texts that cannot match: never one the search itself would match. */
    @Test
    void thePieceFilterNeverRulesOutAMatch() {
        Random random = new Random(20261202L);
        int matched = 0;
        int ruledOut = 0;
        for (int round = 0; round < 20_000; round++) {
            Search search = Search.random(random, round);
            String pattern = search.pattern();
            String text = search.text();
            int k = search.k();
            boolean holds = DangerPhrases.holdsAPiece(text, DangerPhrases.pieces(pattern, k));
            if (DangerPhrases.withinEditsTable(text, pattern, k)) {
                assertThat(holds).as("text %s pattern %s k %d", text, pattern, k).isTrue();
                matched++;
            } else if (!holds) {
                ruledOut++;
            }
        }
        assertThat(matched).as("matches were exercised").isGreaterThan(2_000);
        assertThat(ruledOut).as("the filter rules out texts").isGreaterThan(2_000);
    }

    /**
     * A random pattern, a text (at random, or the pattern inside random letters with up to three mistakes) and a
     * number of mistakes allowed: now and then a long pattern, up to 64 letters.
     */
    private record Search(String pattern, String text, int k) {
        private static final String ALPHABET = "abdeiklmnorstuvwzé";

        static Search random(Random random, int round) {
            String pattern = randomText(random, ALPHABET, 1 + random.nextInt(round % 10 == 0 ? 64 : 16));
            String text = random.nextBoolean() ? randomText(random, ALPHABET, random.nextInt(60))
                    : mutate(random, ALPHABET, randomText(random, ALPHABET, random.nextInt(10)) + pattern
                            + randomText(random, ALPHABET, random.nextInt(10)));
            return new Search(pattern, text, random.nextInt(3));
        }
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static String mutate(Random random, String alphabet, String text) {
        StringBuilder out = new StringBuilder(text);
        for (int edits = random.nextInt(4); edits > 0 && out.length() > 0; edits--) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(3)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> out.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                default -> out.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return out.toString();
    }

    @Test
    void findsDangerAtTheEndOfTheLongestStory() {
        String story = "Ik woon op een groep en ik vind het er niet leuk. ".repeat(80) + "ik wil dood";
        assertThat(story.length()).isGreaterThan(3900);
        assertThat(danger.find(List.of(story))).contains("self_harm");
    }
}
