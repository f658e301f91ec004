package nl.gehoord.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTest {
    @Test
    void negotiatesWithFallbackToDutch() {
        assertThat(Language.negotiate(null)).isEqualTo(Language.NL);
        assertThat(Language.negotiate("en")).isEqualTo(Language.EN);
        assertThat(Language.negotiate("en-GB,en;q=0.9")).isEqualTo(Language.EN);
        assertThat(Language.negotiate("de-DE,en;q=0.5,nl;q=0.9")).isEqualTo(Language.NL);
        assertThat(Language.negotiate("ar,en;q=0.1")).isEqualTo(Language.EN);
        assertThat(Language.negotiate("fr")).isEqualTo(Language.NL);
        assertThat(Language.negotiate(";;;q=abc")).isEqualTo(Language.NL);
        assertThat(Language.negotiate("x".repeat(500))).isEqualTo(Language.NL);
        assertThat(Language.ofTag("en_US")).isEqualTo(Language.EN);
    }

    @Test
    void catalogsHaveTheSameKeysAndFillIn() {
        Messages messages = new Messages();
        assertThat(messages.get(Language.NL, "created.next.answer", "dinsdag")).isEqualTo("Je krijgt antwoord voor dinsdag.");
        assertThat(messages.get(Language.EN, "status.closed")).isEqualTo("Closed");
    }
}
