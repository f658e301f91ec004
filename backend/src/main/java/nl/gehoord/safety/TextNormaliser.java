package nl.gehoord.safety;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds text so that the many ways a young person may type a phrase look alike: case, accents, chat spelling
 * (digits for letters), punctuation, doubled letters, and Dutch and English sound-alike spellings. The same
 * folding is applied to the phrase list, so the two meet in the middle. It deliberately over-matches: a false
 * alarm costs a trust person a minute, a missed one can cost far more.
 *
 * <p>Other scripts: Arabic loses its vowel marks (tashkeel) and the stretching tatweel, and the letters people
 * write either way meet (alef with or without hamza or madda, alef maqsura and ya, ta marbuta and ha, hamza on
 * waw or ya). Cyrillic folds Ukrainian and Russian spellings together (і ї и ы й, є э е, ґ г, no soft or hard
 * sign, no apostrophe). Ge'ez folds the rows Tigrinya writers mix up (ሀ ሐ ኀ, ሰ ሠ, አ ዐ, ጸ ፀ) and ኣ with አ.
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
            char c = foldScript(s.charAt(i));
            if (c == DROP || (isApostrophe(c) && i > 0 && isCyrillic(s.charAt(i - 1)))) {
                continue;
            }
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

    /** A character that is left out altogether (tatweel, a lone hamza, soft and hard signs). */
    private static final char DROP = '\u0000';

    /** One character of Arabic, Cyrillic or Ge'ez in its folded form (after accents and marks are gone). */
    static char foldScript(char c) {
        if (c >= '\u0600' && c <= '\u06ff') {
            return switch (c) {
                case '\u0640', '\u0621' -> DROP;                 // tatweel, hamza on the line
                case '\u0671', '\u0672', '\u0673', '\u0675' -> '\u0627'; // alef forms -> alef
                case '\u0649', '\u06cc', '\u06d2' -> '\u064a';   // alef maqsura, Farsi ya -> ya
                case '\u0629' -> '\u0647';                        // ta marbuta -> ha
                case '\u06a9' -> '\u0643';                        // Farsi kaf -> kaf
                case '\u0624' -> '\u0648';                        // waw with hamza -> waw
                case '\u0626' -> '\u064a';                        // ya with hamza -> ya
                default -> c >= '\u0660' && c <= '\u0669' ? (char) ('0' + (c - '\u0660'))
                        : c >= '\u06f0' && c <= '\u06f9' ? (char) ('0' + (c - '\u06f0')) : c;
            };
        }
        if (c >= '\u0400' && c <= '\u04ff') {
            return switch (c) {
                case '\u0456', '\u0457', '\u044b', '\u0439' -> '\u0438'; // і ї ы й -> и
                case '\u0454', '\u044d', '\u0451' -> '\u0435';           // є э ё -> е
                case '\u0491' -> '\u0433';                                // ґ -> г
                case '\u044a', '\u044c' -> DROP;                          // hard and soft sign
                default -> c;
            };
        }
        if (c >= '\u1200' && c <= '\u135a') {
            int row = (c - 0x1200) & ~7;
            int order = (c - 0x1200) & 7;
            int folded = switch (row) {
                case 0x10, 0x80 -> 0x00;   // ሐ, ኀ -> ሀ
                case 0x20 -> 0x30;         // ሠ -> ሰ
                case 0xd0 -> 0xa0;         // ዐ -> አ
                case 0x140 -> 0x138;       // ፀ -> ጸ
                default -> row;
            };
            if (folded == 0xa0 && order == 3) {
                order = 0;                 // ኣ and አ: the vowel Tigrinya writers swap most
            }
            return (char) (0x1200 + folded + order);
        }
        return c;
    }

    private static boolean isCyrillic(char c) {
        return c >= '\u0400' && c <= '\u04ff';
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u02bc' || c == '`';
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
