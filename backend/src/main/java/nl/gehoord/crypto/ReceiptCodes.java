package nl.gehoord.crypto;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Case codes a child can write down and read aloud: 15 characters in three groups of five, from an
 * alphabet without look-alikes (of 0/O/Q/D, 1/I/L/7, 5/S, 8/B, 2/Z, 6/G and U/V at most one
 * is used), case-insensitive. 21 symbols ^ 15 = 2^65.9 possible codes.
 */
public final class ReceiptCodes {
    static final String ALPHABET = "346789ACEFHJKMNPRTWXY";
    static final int GROUPS = 3;
    static final int GROUP_LENGTH = 5;
    public static final double ENTROPY_BITS = GROUPS * GROUP_LENGTH * (Math.log(ALPHABET.length()) / Math.log(2));

    private final SecureRandom random;

    public ReceiptCodes(SecureRandom random) {
        this.random = random;
    }

    public String next() {
        StringBuilder code = new StringBuilder();
        for (int g = 0; g < GROUPS; g++) {
            if (g > 0) {
                code.append('-');
            }
            for (int i = 0; i < GROUP_LENGTH; i++) {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return code.toString();
    }

    /**
     * Brings typed input to the canonical form: upper case, groups separated by dashes. Spaces and dashes may
     * be anywhere or missing. Empty when the input cannot be a code at all.
     */
    public static Optional<String> normalise(String input) {
        if (input == null || input.length() > 64) {
            return Optional.empty();
        }
        StringBuilder plain = new StringBuilder();
        for (char c : input.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ' || c == '.') {
                continue;
            }
            if (ALPHABET.indexOf(c) < 0) {
                return Optional.empty();
            }
            plain.append(c);
        }
        if (plain.length() != GROUPS * GROUP_LENGTH) {
            return Optional.empty();
        }
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < plain.length(); i++) {
            if (i > 0 && i % GROUP_LENGTH == 0) {
                grouped.append('-');
            }
            grouped.append(plain.charAt(i));
        }
        return Optional.of(grouped.toString());
    }
}
