package nl.gehoord.safety;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds text so that the many ways a young person may type a phrase look alike: case, accents, chat spelling
 * (digits for letters), punctuation, doubled letters, and Dutch and English sound-alike spellings. The same
 * folding is applied to the phrase list, so the two meet in the middle. It deliberately over-matches: a false
 * alarm costs a trust person a minute, a missed one can cost far more.
 */
public final class TextNormaliser {
    private TextNormaliser() {
    }

    /** Words separated by single spaces, each folded. */
    public static String words(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        s = s.toLowerCase(Locale.ROOT);
        // Chat shorthand that stands for a whole word: "i want 2 die", "u r", "n8".
        s = s.replaceAll("(?<![\\p{L}0-9])2(?![\\p{L}0-9])", " to ").replaceAll("(?<![\\p{L}0-9])4(?![\\p{L}0-9])", " for ");
        StringBuilder mapped = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            mapped.append(switch (c) {
                case '0' -> 'o';
                case '1', '!', '|' -> 'i';
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7', '+' -> 't';
                case '8' -> 'b';
                case '\u00df' -> 's';
                default -> Character.isLetter(c) ? c : ' ';
            });
        }
        StringBuilder out = new StringBuilder();
        for (String word : mapped.toString().trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(foldWord(word));
        }
        return out.toString();
    }

    /** The folded words without spaces, so "zelf moord", "zelfmoord" and "z e l f m o o r d" are one. */
    public static String compact(String text) {
        return words(text).replace(" ", "");
    }

    static String foldWord(String word) {
        String w = word;
        // Sound-alikes that young people mix up in writing (Dutch first, English second).
        w = w.replace("ij", "y").replace("ei", "y").replace("ie", "i").replace("ck", "k").replace("ph", "f")
                .replace("ou", "au").replace("ch", "g").replace("c", "k").replace("z", "s").replace("v", "f").replace("q", "k")
                .replace("dt", "t");
        if (w.endsWith("d")) {
            w = w.substring(0, w.length() - 1) + "t";
        }
        // Stretched words ("doooood", "pleeeease") and doubled letters ("dood", "dod") fold to one letter.
        StringBuilder collapsed = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            if (i == 0 || w.charAt(i) != w.charAt(i - 1)) {
                collapsed.append(w.charAt(i));
            }
        }
        return collapsed.toString();
    }
}
