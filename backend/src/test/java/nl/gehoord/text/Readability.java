package nl.gehoord.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Readability measure for texts that young people read.
 *
 * <ul>
 *   <li>Dutch: Flesch-Douma = 206.84 - 0.93 x (words per sentence) - 77 x (syllables per word).</li>
 *   <li>English: Flesch Reading Ease = 206.835 - 1.015 x (words per sentence) - 84.6 x (syllables per word).</li>
 * </ul>
 *
 * <p>Syllables are counted with a heuristic, not a dictionary. A number or phone number
 * ("0800-0432", "113", "24/7") counts as one word of one syllable; an acronym of two to four
 * capitals ("OTS", "IGJ") is read letter by letter, one syllable a letter. Sentences end at
 * {@code . ! ?} (or an ellipsis) followed by white space or the end of the text, and at every
 * line break. A dot inside a number ("20.387") or at the end of a known abbreviation
 * ("bijv.", "e.g.") does not end a sentence. A text without end punctuation is one sentence.
 *
 * <p>Pure logic, no I/O, thread-safe.
 */
public final class Readability {

    public enum Lang { NL, EN }

    /**
     * @param sentences            number of sentences that contain at least one word
     * @param words                number of words
     * @param syllables            number of syllables (heuristic)
     * @param longestSentenceWords words in the longest sentence
     * @param ease                 Flesch-Douma (NL) or Flesch Reading Ease (EN); 0 for a text without words
     */
    public record Score(int sentences, int words, int syllables, int longestSentenceWords, double ease) {}

    /** Abbreviations whose final dot does not end a sentence (lower case, with the dot). */
    private static final Set<String> ABBREVIATIONS = Set.of(
            // Dutch
            "bijv.", "bv.", "bijvoorbeeld.", "o.a.", "d.w.z.", "m.a.w.", "enz.", "etc.", "ca.", "nr.",
            "tel.", "evt.", "incl.", "excl.", "max.", "min.", "mr.", "mevr.", "dhr.", "drs.", "dr.",
            "ir.", "prof.", "jl.", "resp.", "z.o.z.", "i.p.v.", "a.u.b.", "t.a.v.", "p.", "blz.", "art.",
            // English
            "e.g.", "i.e.", "vs.", "mrs.", "ms.", "no.", "approx.", "st.", "jr.", "sr.");

    /**
     * Dutch vowel groups that are one syllable, longest first so that "oei" wins over "oe".
     * "eeuw" and "ieuw" include the w: it belongs to the sound ("leeuw", "nieuw").
     */
    private static final String[] NL_GROUPS = {
            "eeuw", "ieuw",
            "oei", "aai", "ooi",
            "ij", "ei", "au", "ou", "ui", "oe", "eu", "ie", "aa", "ee", "oo", "uu",
            "ai", "oi"};

    /** Endings after which a preceding "e" is silent when it closes a vowel-consonant-e stem. */
    private static final String[] EN_SUFFIXES_AFTER_SILENT_E = {
            "thing", "things", "times", "where", "body", "ful", "fully", "ty", "ment", "ments",
            "ness", "less", "work", "day", "days"};

    private Readability() {
    }

    /** Measures a whole text: sentence count, words, syllables, longest sentence and the ease score. */
    public static Score measure(String text, Lang lang) {
        List<String> sentences = sentences(text);
        int sentenceCount = 0;
        int words = 0;
        int syllables = 0;
        int longest = 0;
        for (String sentence : sentences) {
            List<String> sentenceWords = words(sentence);
            if (sentenceWords.isEmpty()) {
                continue;
            }
            sentenceCount++;
            words += sentenceWords.size();
            longest = Math.max(longest, sentenceWords.size());
            for (String word : sentenceWords) {
                syllables += syllables(word, lang);
            }
        }
        double ease = 0.0;
        if (words > 0) {
            double wordsPerSentence = (double) words / sentenceCount;
            double syllablesPerWord = (double) syllables / words;
            ease = switch (lang) {
                case NL -> 206.84 - 0.93 * wordsPerSentence - 77.0 * syllablesPerWord;
                case EN -> 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord;
            };
        }
        return new Score(sentenceCount, words, syllables, longest, ease);
    }

    /**
     * Splits a text into sentences (trimmed, each with at least one letter or digit).
     * A sentence ends at a run of {@code . ! ? …} followed by white space or the end of the text
     * (closing quotes or brackets may come in between), and at every line break.
     */
    public static List<String> sentences(String text) {
        List<String> result = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return result;
        }
        int n = text.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                addSentence(result, text.substring(start, i));
                i++;
                start = i;
                continue;
            }
            if (isEndPunctuation(c)) {
                int end = i;
                while (end < n && isEndPunctuation(text.charAt(end))) {
                    end++;
                }
                int after = end;
                while (after < n && isClosing(text.charAt(after))) {
                    after++;
                }
                boolean atBoundary = after >= n || Character.isWhitespace(text.charAt(after));
                boolean singleDot = end - i == 1 && c == '.';
                if (atBoundary && !(singleDot && isAbbreviationBefore(text, start, i))) {
                    addSentence(result, text.substring(start, after));
                    start = after;
                }
                i = after;
                continue;
            }
            i++;
        }
        addSentence(result, text.substring(start));
        return result;
    }

    /**
     * Counts the syllables of one word with a heuristic. Numbers and phone numbers
     * (a word without letters) are one syllable. Every word has at least one syllable.
     */
    public static int syllables(String word, Lang lang) {
        if (word == null) {
            return 0;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        boolean hasLetter = false;
        boolean hasDigit = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetter(c)) {
                hasLetter = true;
            } else if (Character.isDigit(c)) {
                hasDigit = true;
            }
        }
        if (!hasLetter) {
            return hasDigit ? 1 : 0;
        }
        if (isAcronym(word)) {
            // "OTS", "IGJ", "RSJ" are read letter by letter: one syllable a letter
            return word.length();
        }
        int count = switch (lang) {
            case NL -> dutchSyllables(lower);
            case EN -> englishSyllables(lower);
        };
        return Math.max(1, count);
    }

    /** Two to four capital letters and nothing else, like "OTS" or "IGJ". */
    private static boolean isAcronym(String word) {
        if (word.length() < 2 || word.length() > 4) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- words

    /** The words of a sentence: tokens between white space that contain a letter or a digit. */
    static List<String> words(String sentence) {
        List<String> result = new ArrayList<>();
        for (String token : sentence.trim().split("\\s+")) {
            String word = stripEdges(token);
            if (!word.isEmpty()) {
                result.add(word);
            }
        }
        return result;
    }

    private static String stripEdges(String token) {
        int from = 0;
        int to = token.length();
        while (from < to && !Character.isLetterOrDigit(token.charAt(from))) {
            from++;
        }
        while (to > from && !Character.isLetterOrDigit(token.charAt(to - 1))) {
            to--;
        }
        return token.substring(from, to);
    }

    // ---------------------------------------------------------------- sentences

    private static void addSentence(List<String> result, String candidate) {
        String trimmed = candidate.strip();
        for (int i = 0; i < trimmed.length(); i++) {
            if (Character.isLetterOrDigit(trimmed.charAt(i))) {
                result.add(trimmed);
                return;
            }
        }
    }

    private static boolean isEndPunctuation(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…';
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '”' || c == '’' || c == '»';
    }

    /** True when the dot at {@code dot} closes an abbreviation such as "bijv." or "o.a.". */
    private static boolean isAbbreviationBefore(String text, int sentenceStart, int dot) {
        int from = dot;
        while (from > sentenceStart && !Character.isWhitespace(text.charAt(from - 1))) {
            from--;
        }
        String token = text.substring(from, dot + 1).toLowerCase(Locale.ROOT);
        while (!token.isEmpty() && (token.charAt(0) == '(' || token.charAt(0) == '"' || token.charAt(0) == '\'')) {
            token = token.substring(1);
        }
        if (ABBREVIATIONS.contains(token)) {
            return true;
        }
        // letter-dot-letter-dot forms like "o.a." or "d.w.z." that are not in the list
        return token.matches("(\\p{L}\\.){2,}");
    }

    // ---------------------------------------------------------------- Dutch

    private static int dutchSyllables(String lower) {
        int count = 0;
        int i = 0;
        int n = lower.length();
        while (i < n) {
            char c = lower.charAt(i);
            if (!isDutchVowel(c)) {
                i++;
                continue;
            }
            if (hasDiaeresis(c)) {
                // ë, ï, ü, ö, ä start a new syllable on their own ("cliënt", "ruïne")
                count++;
                i++;
                continue;
            }
            int matched = 1;
            for (String group : NL_GROUPS) {
                if (lower.startsWith(group, i) || plain(lower, i, group.length()).equals(group)) {
                    matched = group.length();
                    break;
                }
            }
            count++;
            i += matched;
        }
        return count;
    }

    /** The substring from {@code i} with acute and grave accents removed ("één" -> "een"), diaereses kept. */
    private static String plain(String lower, int i, int length) {
        if (i + length > lower.length()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(length);
        for (int k = i; k < i + length; k++) {
            char c = lower.charAt(k);
            if (hasDiaeresis(c)) {
                return "";
            }
            sb.append(baseLetter(c));
        }
        return sb.toString();
    }

    private static boolean isDutchVowel(char c) {
        char base = baseLetter(c);
        return base == 'a' || base == 'e' || base == 'i' || base == 'o' || base == 'u' || base == 'y';
    }

    private static boolean hasDiaeresis(char c) {
        return c == 'ä' || c == 'ë' || c == 'ï' || c == 'ö' || c == 'ü' || c == 'ÿ';
    }

    private static char baseLetter(char c) {
        if (c < 128) {
            return c;
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        return decomposed.isEmpty() ? c : decomposed.charAt(0);
    }

    // ---------------------------------------------------------------- English

    private static int englishSyllables(String lower) {
        StringBuilder letters = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = baseLetter(lower.charAt(i));
            if (c >= 'a' && c <= 'z') {
                letters.append(c);
            }
        }
        String w = letters.toString();
        int n = w.length();
        if (n == 0) {
            return 1;
        }
        if (n <= 3) {
            // "the", "she", "you", "are", "why": one vowel sound
            return 1;
        }

        int count = 0;
        boolean previousVowel = false;
        for (int i = 0; i < n; i++) {
            boolean vowel = isEnglishVowel(w, i);
            // a vowel y before another vowel is its own syllable: "trying", "everyone"
            boolean afterVowelY = previousVowel && w.charAt(i - 1) == 'y';
            if (vowel && (!previousVowel || afterVowelY)) {
                count++;
            }
            previousVowel = vowel;
        }

        // silent final e: "make", "place", "violence" (but not "be", "free", "table")
        if (w.endsWith("e") && !isEnglishVowel(w, n - 2)) {
            boolean consonantLe = w.endsWith("le") && n >= 3 && !isEnglishVowel(w, n - 3);
            if (!consonantLe) {
                count--;
            }
        }
        // "-es" and "-ed" endings that add no syllable: "makes", "lives", "asked", "used"
        if (w.endsWith("es") && n >= 4 && !isEnglishVowel(w, n - 3)) {
            String stem = w.substring(0, n - 2);
            boolean sibilant = stem.endsWith("s") || stem.endsWith("x") || stem.endsWith("z")
                    || stem.endsWith("ch") || stem.endsWith("sh") || stem.endsWith("c") || stem.endsWith("g");
            boolean consonantLes = stem.endsWith("l") && stem.length() >= 2 && !isEnglishVowel(stem, stem.length() - 2);
            if (!sibilant && !consonantLes) {
                count--;
            }
        }
        if (w.endsWith("ed") && n >= 4 && !isEnglishVowel(w, n - 3)) {
            char before = w.charAt(n - 3);
            if (before != 't' && before != 'd') {
                count--;
            }
        }
        // "-ely" after a consonant: the e is silent ("safely", "lonely")
        if (w.endsWith("ely") && n >= 5 && !isEnglishVowel(w, n - 4)) {
            count--;
        }
        // silent e before a suffix: "something", "safety", "careful", "statement"
        for (String suffix : EN_SUFFIXES_AFTER_SILENT_E) {
            int e = n - suffix.length() - 1;
            if (e >= 2 && w.endsWith(suffix) && w.charAt(e) == 'e'
                    && !isEnglishVowel(w, e - 1) && isEnglishVowel(w, e - 2) && !isEnglishVowel(w, e - 3)) {
                count--;
                break;
            }
        }
        // vowel pairs that are two syllables: "violence", "being", "create", "idea"
        for (int i = 0; i + 1 < n; i++) {
            String pair = w.substring(i, i + 2);
            boolean afterSoftening = i > 0 && "tcsxg".indexOf(w.charAt(i - 1)) >= 0;
            if ((pair.equals("io") || pair.equals("ia")) && !afterSoftening && i > 0) {
                count++;
            } else if (pair.equals("ei") && w.startsWith("ing", i + 1)) {
                count++;
            } else if (pair.equals("ea") && i + 2 == n) {
                count++;
            }
        }
        return Math.max(1, count);
    }

    /** a e i o u are vowels; y is a vowel unless it starts the word or follows a vowel ("you", "say", "beyond"). */
    private static boolean isEnglishVowel(String w, int i) {
        if (i < 0 || i >= w.length()) {
            return false;
        }
        char c = w.charAt(i);
        if (isPlainVowel(c)) {
            return true;
        }
        return c == 'y' && i > 0 && !isPlainVowel(w.charAt(i - 1));
    }

    private static boolean isPlainVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }
}
