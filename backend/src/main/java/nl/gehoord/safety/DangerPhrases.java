package nl.gehoord.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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

    DangerPhrases(List<Phrase> phrases) {
        this.phrases = List.copyOf(phrases);
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

    static boolean matches(Phrase phrase, String spaced, String compact) {
        if (spaced.contains(" " + phrase.words() + " ")) {
            return true;
        }
        int length = phrase.compact().length();
        if (length >= MIN_COMPACT && compact.contains(phrase.compact())) {
            return true;
        }
        if (length >= MIN_FUZZY) {
            return withinEdits(compact, phrase.compact(), length >= 14 ? 2 : 1);
        }
        return false;
    }

    /** True when {@code pattern} occurs somewhere in {@code text} with at most {@code k} edits (Sellers). */
    static boolean withinEdits(String text, String pattern, int k) {
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
