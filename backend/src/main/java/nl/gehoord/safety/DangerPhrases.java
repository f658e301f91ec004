package nl.gehoord.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds words of danger and self-harm in what a young person typed, from the maintained lists: Dutch and English
 * in {@code safety/danger-phrases.txt}, Arabic (also in Latin letters, "Arabizi"), Ukrainian (with Russian
 * spellings), Tigrinya and Somali in {@code safety/danger-phrases_<lang>.txt}. Both sides are folded by
 * {@link TextNormaliser}. A Latin-script phrase matches as whole words, inside the text with spaces removed (six
 * letters or more), or with one typing mistake (six letters or more) or two (fourteen or more). In Arabic,
 * Cyrillic and Ge'ez a letter carries more of a word (Arabic writes no short vowels, a Ge'ez letter is a whole
 * syllable), so a short word there would match far too much: those phrases match only from the start of a word
 * (after a joined "and", "so", "with" or "to" in Arabic), glued to the next words from five Arabic, six Cyrillic
 * or four Ge'ez letters, and with one mistake only from seven, six and six. Returns only the category, never the
 * words, so nothing of the text can travel further.
 */
public final class DangerPhrases {
    /** Compact phrases at least this long may match inside words and across missing spaces. */
    static final int MIN_COMPACT = 6;
    /** Compact phrases at least this long may match with one typing mistake (with two from 14 letters). */
    static final int MIN_FUZZY = 6;
    private static final String RESOURCE = "/safety/danger-phrases.txt";
    /** The lists in other languages, each with its own corpus in the tests. */
    static final List<String> LANGUAGES = List.of("ar", "uk", "ti", "so");
    private static volatile DangerPhrases standard;

    /** The writing system of a phrase; each has its own limits for glued and mistyped matches. */
    enum Script {
        LATIN(MIN_COMPACT, MIN_FUZZY, 14, 5),
        ARABIC(5, 7, Integer.MAX_VALUE, 3),
        CYRILLIC(6, 6, 14, 4),
        GEEZ(4, 6, Integer.MAX_VALUE, 3);

        final int minCompact;
        final int minFuzzy;
        final int minTwoMistakes;
        /** An anchored phrase with a shorter word is never matched with a mistake: "мене бе" is not "мене не". */
        final int minWordForFuzzy;

        Script(int minCompact, int minFuzzy, int minTwoMistakes, int minWordForFuzzy) {
            this.minCompact = minCompact;
            this.minFuzzy = minFuzzy;
            this.minTwoMistakes = minTwoMistakes;
            this.minWordForFuzzy = minWordForFuzzy;
        }

        static Script of(char c) {
            if (c >= '\u0600' && c <= '\u06ff') {
                return ARABIC;
            }
            if (c >= '\u0400' && c <= '\u04ff') {
                return CYRILLIC;
            }
            if (c >= '\u1200' && c <= '\u139f') {
                return GEEZ;
            }
            return LATIN;
        }

        static Script of(String folded) {
            for (int i = 0; i < folded.length(); i++) {
                Script script = of(folded.charAt(i));
                if (script != LATIN) {
                    return script;
                }
            }
            return LATIN;
        }
    }

    /**
     * {@code anchored}: matched only from the start of a word. True for every phrase outside Latin script and for
     * the Latin phrases of the other languages' lists (Somali, Arabizi), so their short words never fire inside
     * Dutch or English ones.
     */
    record Phrase(String category, String words, String compact, Script script, boolean anchored,
                  int shortestWord, int lastWord) {
        Phrase(String category, String words, String compact, Script script, boolean anchored) {
            this(category, words, compact, script, anchored, shortest(words), words.length() - words.lastIndexOf(' ') - 1);
        }

        private static int shortest(String words) {
            int shortest = Integer.MAX_VALUE;
            for (String word : words.split(" ")) {
                shortest = Math.min(shortest, word.length());
            }
            return shortest;
        }

        Phrase(String category, String words, String compact) {
            this(category, words, compact, Script.of(compact), Script.of(compact) != Script.LATIN);
        }

        Phrase anchoredCopy() {
            return new Phrase(category, words, compact, script, true);
        }
    }

    private final List<Phrase> phrases;
    /** The phrases with what the search needs of each, made once (the list is fixed). */
    private final List<Searched> searched;

    /**
     * A phrase as the search uses it: its words between spaces, as they stand in a spaced text; the pieces of which
     * at least one stands unchanged in any text it matches ({@link #pieces}); and, for a phrase of at most 64
     * letters, the bit masks of the typo search (shared by phrases spelled alike).
     */
    private record Searched(Phrase phrase, String spacedWords, String[] pieces, long[] ascii) {
    }

    DangerPhrases(List<Phrase> phrases) {
        this.phrases = List.copyOf(phrases);
        Map<String, long[]> masks = new HashMap<>();
        this.searched = this.phrases.stream().map(phrase -> new Searched(phrase, " " + phrase.words() + " ",
                pieces(phrase.compact(), phrase.anchored() ? anchoredMistakes(phrase) : mistakes(phrase)),
                phrase.compact().length() <= Long.SIZE
                        ? masks.computeIfAbsent(phrase.compact(), DangerPhrases::asciiMasks) : null)).toList();
    }

    /**
     * The pattern cut into {@code mistakes + 1} pieces. Each mistake (a letter changed, left out or added) touches
     * at most one piece, so a text within that many mistakes of the pattern holds at least one piece unchanged:
     * a text holding none cannot match, and most phrases are ruled out with a few plain searches.
     */
    static String[] pieces(String pattern, int mistakes) {
        if (mistakes >= pattern.length()) {
            return new String[] {""}; // every letter may be the mistaken one: anything matches
        }
        int parts = mistakes + 1;
        String[] out = new String[parts];
        for (int i = 0; i < parts; i++) {
            out[i] = pattern.substring(i * pattern.length() / parts, (i + 1) * pattern.length() / parts);
        }
        return out;
    }

    static boolean holdsAPiece(String compact, String[] pieces) {
        for (String piece : pieces) {
            if (compact.contains(piece)) {
                return true;
            }
        }
        return false;
    }

    /** How many typing mistakes a Latin phrase matched anywhere may carry. */
    private static int mistakes(Phrase phrase) {
        int length = phrase.compact().length();
        return length < MIN_FUZZY ? 0 : length >= 14 ? 2 : 1;
    }

    /** How many typing mistakes a phrase matched from the start of a word may carry. */
    private static int anchoredMistakes(Phrase phrase) {
        Script script = phrase.script();
        int length = phrase.compact().length();
        return phrase.shortestWord() < script.minWordForFuzzy ? 0
                : length >= script.minTwoMistakes ? 2 : length >= script.minFuzzy ? 1 : 0;
    }

    /** The lists shipped with Gehoord, every language, read once. */
    public static DangerPhrases standard() {
        if (standard == null) {
            synchronized (DangerPhrases.class) {
                if (standard == null) {
                    List<Phrase> all = new ArrayList<>(load(DangerPhrases.class.getResourceAsStream(RESOURCE)).phrases);
                    for (String language : LANGUAGES) {
                        all.addAll(forLanguage(language).phrases);
                    }
                    standard = new DangerPhrases(all);
                }
            }
        }
        return standard;
    }

    /** One language's own list ({@code safety/danger-phrases_<lang>.txt}). */
    static DangerPhrases forLanguage(String language) {
        DangerPhrases list = load(DangerPhrases.class.getResourceAsStream("/safety/danger-phrases_" + language + ".txt"));
        return new DangerPhrases(list.phrases.stream().map(Phrase::anchoredCopy).toList());
    }

    /**
     * Reads a list: lines {@code category: phrase}; blank lines and lines starting with # are skipped.
     */
    static DangerPhrases load(InputStream in) {
        Objects.requireNonNull(in, "the danger phrase list " + RESOURCE + " is missing");
        List<Phrase> out = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalStateException("danger phrase line without a category: " + line);
                }
                String category = line.substring(0, colon).strip();
                String words = TextNormaliser.words(line.substring(colon + 1));
                if (!words.isEmpty()) {
                    out.add(new Phrase(category, words, words.replace(" ", "")));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the danger phrase list", e);
        }
        return new DangerPhrases(out);
    }

    List<Phrase> phrases() {
        return phrases;
    }

    public int size() {
        return phrases.size();
    }

    /** The category of the first phrase found in any of the texts (nulls are skipped), if any. */
    public Optional<String> find(Collection<String> texts) {
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            String spaced = " " + TextNormaliser.words(text) + " ";
            String compact = spaced.replace(" ", "");
            Folded folded = null;
            for (Searched candidate : searched) {
                if (!holdsAPiece(compact, candidate.pieces())) {
                    continue;
                }
                Phrase phrase = candidate.phrase();
                if (!phrase.anchored()) {
                    if (matches(candidate, spaced, compact)) {
                        return Optional.of(phrase.category());
                    }
                    continue;
                }
                if (folded == null) {
                    folded = Folded.of(spaced);
                }
                if (folded.scripts().contains(phrase.script())
                        && matchesFromWordStart(phrase, candidate.spacedWords(), spaced, folded)) {
                    return Optional.of(phrase.category());
                }
            }
        }
        return Optional.empty();
    }

    public boolean anyIn(Collection<String> texts) {
        return find(texts).isPresent();
    }

    private static boolean matches(Searched candidate, String spaced, String compact) {
        Phrase phrase = candidate.phrase();
        if (spaced.contains(candidate.spacedWords())) {
            return true;
        }
        int length = phrase.compact().length();
        if (length >= MIN_COMPACT && compact.contains(phrase.compact())) {
            return true;
        }
        if (length >= MIN_FUZZY) {
            int k = mistakes(phrase);
            long[] ascii = candidate.ascii();
            return ascii == null ? withinEdits(compact, phrase.compact(), k)
                    : withinEditsBits(compact, phrase.compact(), ascii, k);
        }
        return false;
    }

    /** A folded text without spaces, where each of its words starts in it, and which scripts it uses. */
    record Folded(String compact, int[] wordStarts, boolean[] wordEnds, java.util.Set<Script> scripts) {
        static Folded of(String spaced) {
            StringBuilder compact = new StringBuilder(spaced.length());
            List<Integer> starts = new ArrayList<>();
            List<Integer> ends = new ArrayList<>();
            java.util.Set<Script> scripts = java.util.EnumSet.noneOf(Script.class);
            boolean newWord = true;
            for (int i = 0; i < spaced.length(); i++) {
                char c = spaced.charAt(i);
                if (c == ' ') {
                    if (!newWord) {
                        ends.add(compact.length());
                    }
                    newWord = true;
                    continue;
                }
                Script script = Script.of(c);
                scripts.add(script);
                if (newWord) {
                    starts.add(compact.length());
                    // Arabic joins "and", "so", "with" and "to" to the next word: a phrase may start after them.
                    if (script == Script.ARABIC && "\u0648\u0641\u0628\u0644".indexOf(c) >= 0) {
                        starts.add(compact.length() + 1);
                    }
                    newWord = false;
                }
                compact.append(c);
            }
            boolean[] wordEnds = new boolean[compact.length() + 1];
            ends.forEach(e -> wordEnds[e] = true);
            wordEnds[compact.length()] = true;
            return new Folded(compact.toString(), starts.stream().mapToInt(Integer::intValue).toArray(), wordEnds,
                    scripts);
        }
    }

    /** Arabic, Cyrillic and Ge'ez: whole words, or glued or mistyped but always from the start of a word. */
    private static boolean matchesFromWordStart(Phrase phrase, String spacedWords, String spaced, Folded text) {
        if (spaced.contains(spacedWords)) {
            return true;
        }
        String pattern = phrase.compact();
        Script script = phrase.script();
        int length = pattern.length();
        boolean glued = length >= script.minCompact;
        int k = anchoredMistakes(phrase);
        if (!glued && k == 0) {
            return false;
        }
        // A long last word is a stem that may go on ("самогубств-ом"); a short one must end where a word ends.
        boolean[] ends = phrase.lastWord() >= script.minCompact ? null : text.wordEnds();
        int[][] rows = k > 0 ? new int[2][length + 1] : null;
        String compact = text.compact();
        char first = pattern.charAt(0);
        char second = length > 1 ? pattern.charAt(1) : first;
        for (int start : text.wordStarts()) {
            // Within one edit a match begins with one of the phrase's first two letters: most words skip here.
            char c0 = compact.charAt(start);
            char c1 = start + 1 < compact.length() ? compact.charAt(start + 1) : '\u0000';
            if (k < 2 && c0 != first && c0 != second && c1 != first && c1 != second) {
                continue;
            }
            if (glued && compact.startsWith(pattern, start) && (ends == null || ends[start + length])) {
                return true;
            }
            if (k > 0 && prefixWithinEdits(compact, start, pattern, k, ends, rows)) {
                return true;
            }
        }
        return false;
    }

    static boolean prefixWithinEdits(String text, int from, String pattern, int k) {
        return prefixWithinEdits(text, from, pattern, k, null, new int[2][pattern.length() + 1]);
    }

    /**
     * True when some text starting exactly at {@code from} (and, given {@code ends}, ending where a word ends) is
     * within {@code k} edits of {@code pattern}.
     */
    static boolean prefixWithinEdits(String text, int from, String pattern, int k, boolean[] ends, int[][] rows) {
        int m = pattern.length();
        int end = Math.min(text.length(), from + m + k);
        if (end - from < m - k) {
            return false;
        }
        int[] previous = rows[0];
        int[] current = rows[1];
        for (int i = 0; i <= m; i++) {
            previous[i] = i;
        }
        if (previous[m] <= k) {
            return true;
        }
        for (int j = from; j < end; j++) {
            current[0] = j - from + 1;
            int best = current[0];
            for (int i = 1; i <= m; i++) {
                int cost = pattern.charAt(i - 1) == text.charAt(j) ? 0 : 1;
                current[i] = Math.min(Math.min(previous[i - 1] + cost, previous[i] + 1), current[i - 1] + 1);
                best = Math.min(best, current[i]);
            }
            if (current[m] <= k && (ends == null || ends[j + 1])) {
                return true;
            }
            if (best > k) {
                return false;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return false;
    }

    /** True when {@code pattern} occurs somewhere in {@code text} with at most {@code k} edits (Sellers). */
    static boolean withinEdits(String text, String pattern, int k) {
        if (pattern.length() <= Long.SIZE) {
            return withinEditsBits(text, pattern, asciiMasks(pattern), k);
        }
        return withinEditsTable(text, pattern, k);
    }

    /** For each ASCII character, the positions in {@code pattern} where it stands, as bits. */
    static long[] asciiMasks(String pattern) {
        long[] masks = new long[128];
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c < 128) {
                masks[c] |= 1L << i;
            }
        }
        return masks;
    }

    /**
     * The same search as {@link #withinEditsTable}, computed a whole column at a time in the bits of a long
     * (Myers, 1999): the danger check runs on every text a young person sends, so it is kept cheap.
     */
    static boolean withinEditsBits(String text, String pattern, long[] ascii, int k) {
        int m = pattern.length();
        long high = 1L << (m - 1);
        long pv = -1L;
        long mv = 0L;
        int score = m;
        for (int j = 0; j < text.length(); j++) {
            char t = text.charAt(j);
            long eq = t < 128 ? ascii[t] : nonAsciiMask(pattern, t);
            long xv = eq | mv;
            long xh = (((eq & pv) + pv) ^ pv) | eq;
            long ph = mv | ~(xh | pv);
            long mh = pv & xh;
            if ((ph & high) != 0) {
                score++;
            } else if ((mh & high) != 0) {
                score--;
            }
            ph <<= 1;
            mh <<= 1;
            pv = mh | ~(xv | ph);
            mv = ph & xv;
            if (score <= k) {
                return true;
            }
        }
        return false;
    }

    private static long nonAsciiMask(String pattern, char t) {
        long mask = 0L;
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == t) {
                mask |= 1L << i;
            }
        }
        return mask;
    }

    /** The dynamic-programming table, one column per text character; for patterns longer than 64 characters. */
    static boolean withinEditsTable(String text, String pattern, int k) {
        int m = pattern.length();
        int[] column = new int[m + 1];
        for (int i = 0; i <= m; i++) {
            column[i] = i;
        }
        for (int j = 0; j < text.length(); j++) {
            char t = text.charAt(j);
            int diagonal = 0;
            column[0] = 0;
            for (int i = 1; i <= m; i++) {
                int above = column[i];
                int cost = pattern.charAt(i - 1) == t ? 0 : 1;
                column[i] = Math.min(Math.min(diagonal + cost, above + 1), column[i - 1] + 1);
                diagonal = above;
            }
            if (column[m] <= k) {
                return true;
            }
        }
        return false;
    }
}
