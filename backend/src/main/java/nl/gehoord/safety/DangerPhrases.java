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
 * Finds words of danger and self-harm in what a young person typed, in Dutch and English, from the maintained
 * list in {@code safety/danger-phrases.txt}. Both sides are folded by {@link TextNormaliser}; a phrase matches
 * as whole words, inside the text with spaces removed (six letters or more), or with one typing mistake (six
 * letters or more) or two (fourteen or more). Returns only the category, never the words, so nothing of the
 * text can travel further.
 */
public final class DangerPhrases {
    /** Compact phrases at least this long may match inside words and across missing spaces. */
    static final int MIN_COMPACT = 6;
    /** Compact phrases at least this long may match with one typing mistake (with two from 14 letters). */
    static final int MIN_FUZZY = 6;
    private static final String RESOURCE = "/safety/danger-phrases.txt";
    private static volatile DangerPhrases standard;

    record Phrase(String category, String words, String compact) {
    }

    private final List<Phrase> phrases;
    /** Per compact phrase, the bit masks of the fuzzy search (built once; the list is fixed). */
    private final Map<String, long[]> masks = new HashMap<>();

    DangerPhrases(List<Phrase> phrases) {
        this.phrases = List.copyOf(phrases);
        for (Phrase phrase : this.phrases) {
            if (phrase.compact().length() <= Long.SIZE) {
                masks.computeIfAbsent(phrase.compact(), DangerPhrases::asciiMasks);
            }
        }
    }

    /** The list shipped with Gehoord, read once. */
    public static DangerPhrases standard() {
        if (standard == null) {
            synchronized (DangerPhrases.class) {
                if (standard == null) {
                    standard = load(DangerPhrases.class.getResourceAsStream(RESOURCE));
                }
            }
        }
        return standard;
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
            for (Phrase phrase : phrases) {
                if (matches(phrase, spaced, compact)) {
                    return Optional.of(phrase.category());
                }
            }
        }
        return Optional.empty();
    }

    public boolean anyIn(Collection<String> texts) {
        return find(texts).isPresent();
    }

    boolean matches(Phrase phrase, String spaced, String compact) {
        if (spaced.contains(" " + phrase.words() + " ")) {
            return true;
        }
        int length = phrase.compact().length();
        if (length >= MIN_COMPACT && compact.contains(phrase.compact())) {
            return true;
        }
        if (length >= MIN_FUZZY) {
            int k = length >= 14 ? 2 : 1;
            long[] ascii = masks.get(phrase.compact());
            return ascii == null ? withinEdits(compact, phrase.compact(), k)
                    : withinEditsBits(compact, phrase.compact(), ascii, k);
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
