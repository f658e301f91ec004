package nl.gehoord.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReceiptCodesTest {
    @Test
    void codesHaveAtLeast64BitsAndNoLookAlikes() {
        assertThat(ReceiptCodes.ENTROPY_BITS).isGreaterThanOrEqualTo(64.0);
        // Of each group of characters that look alike, at most one may be used.
        for (String group : new String[] {"0OQD", "1IL7", "5S", "8B", "2Z", "UV", "6G"}) {
            long present = group.chars().filter(c -> ReceiptCodes.ALPHABET.indexOf(c) >= 0).count();
            assertThat(present).as("look-alikes %s", group).isLessThanOrEqualTo(1);
        }
        ReceiptCodes codes = new ReceiptCodes(new SecureRandom());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = codes.next();
            assertThat(code).matches("[" + ReceiptCodes.ALPHABET + "]{5}-[" + ReceiptCodes.ALPHABET + "]{5}-["
                    + ReceiptCodes.ALPHABET + "]{5}");
            seen.add(code);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void typedCodesAreForgivenForCaseSpacesAndDashes() {
        assertThat(ReceiptCodes.normalise("t7k7h-x8hm8-8m6pn")).contains("T7K7H-X8HM8-8M6PN");
        assertThat(ReceiptCodes.normalise("  T7K7H X8HM8 8M6PN ")).contains("T7K7H-X8HM8-8M6PN");
        assertThat(ReceiptCodes.normalise("T7K7HX8HM88M6PN")).contains("T7K7H-X8HM8-8M6PN");
        assertThat(ReceiptCodes.normalise("T7K7H-X8HM8-8M6P")).as("too short").isEmpty();
        assertThat(ReceiptCodes.normalise("T7K7H-X8HM8-8M6P0")).as("zero is not in the alphabet").isEmpty();
        assertThat(ReceiptCodes.normalise("' OR 1=1 --")).isEmpty();
        assertThat(ReceiptCodes.normalise(null)).isEmpty();
        assertThat(ReceiptCodes.normalise("A".repeat(1000))).isEmpty();
    }
}
