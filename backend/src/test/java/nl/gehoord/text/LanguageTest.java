package nl.gehoord.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LanguageTest {
    @Test
    void negotiatesByQualityWithFallbackToDutch() {
        assertThat(Language.negotiate(null)).isEqualTo(Language.NL);
        assertThat(Language.negotiate("en")).isEqualTo(Language.EN);
        assertThat(Language.negotiate("en-GB,en;q=0.9")).isEqualTo(Language.EN);
        assertThat(Language.negotiate("de-DE,en;q=0.5,nl;q=0.9")).isEqualTo(Language.NL);
        assertThat(Language.negotiate("ar,en;q=0.1")).isEqualTo(Language.AR);
        assertThat(Language.negotiate("ar-SY")).isEqualTo(Language.AR);
        assertThat(Language.negotiate("en;q=0.3, ti-ER;q=0.8, so;q=0.5")).isEqualTo(Language.TI);
        assertThat(Language.negotiate("fr, so;q=0.2")).isEqualTo(Language.SO);
        assertThat(Language.negotiate("uk-UA,ru;q=0.9")).isEqualTo(Language.UK);
        assertThat(Language.negotiate("ar;q=0, en")).as("q=0 means not this one").isEqualTo(Language.EN);
        assertThat(Language.negotiate("fr")).isEqualTo(Language.NL);
        assertThat(Language.negotiate(";;;q=abc")).isEqualTo(Language.NL);
        assertThat(Language.negotiate("x".repeat(500))).isEqualTo(Language.NL);
        assertThat(Language.ofTag("en_US")).isEqualTo(Language.EN);
        assertThat(Language.ofTag("ti_ER")).isEqualTo(Language.TI);
        assertThat(Language.isSpoken("so-SO")).isTrue();
        assertThat(Language.isSpoken("ru")).isFalse();
    }

    @Test
    void arabicIsRightToLeftAndEveryChainEndsInDutch() {
        assertThat(Language.AR.direction()).isEqualTo("rtl");
        for (Language language : Language.values()) {
            if (language != Language.AR) {
                assertThat(language.direction()).isEqualTo("ltr");
            }
            assertThat(language.chain()).first().isEqualTo(language);
            assertThat(language.chain()).last().isEqualTo(Language.NL);
        }
        assertThat(Language.TI.chain()).containsExactly(Language.TI, Language.EN, Language.NL);
    }

    @Test
    void catalogsFillIn() {
        Messages messages = new Messages();
        assertThat(messages.get(Language.NL, "created.next.answer", "dinsdag")).isEqualTo("Je krijgt antwoord voor dinsdag.");
        assertThat(messages.get(Language.EN, "status.closed")).isEqualTo("Closed");
        assertThat(messages.get(Language.AR, "created.next.answer", "الثلاثاء")).contains("الثلاثاء");
    }

    @Test
    void pluralsFollowEachLanguagesRules() {
        Messages messages = new Messages();
        assertThat(messages.get(Language.NL, "next.due_in_days", 0)).isEqualTo("Dat is vandaag.");
        assertThat(messages.get(Language.NL, "next.due_in_days", 1)).isEqualTo("Dat is morgen.");
        assertThat(messages.get(Language.NL, "next.due_in_days", 3)).isEqualTo("Dat is over 3 dagen.");
        assertThat(messages.get(Language.EN, "next.due_in_days", 5)).isEqualTo("That is in 5 days.");
        assertThat(messages.get(Language.UK, "next.due_in_days", 3)).isEqualTo("Це через 3 дні.");
        assertThat(messages.get(Language.UK, "next.due_in_days", 5)).isEqualTo("Це через 5 днів.");
        assertThat(messages.get(Language.UK, "next.due_in_days", 21)).isEqualTo("Це через 21 день.");
        assertThat(messages.get(Language.AR, "next.due_in_days", 2)).isEqualTo("الموعد بعد يومين.");
        assertThat(messages.get(Language.AR, "next.due_in_days", 11)).contains("يومًا");
    }

    @Test
    void datesAreWrittenTheWayEachLanguageWritesThemInAmsterdamTime() {
        // 13:00 UTC on a winter Wednesday is 14:00 in Amsterdam.
        Instant at = Instant.parse("2026-11-25T13:00:00Z");
        assertThat(Wording.when(Language.NL, at)).contains("woensdag").contains("25 november").contains("14:00");
        assertThat(Wording.when(Language.EN, at)).contains("Wednesday").contains("25 November").contains("14:00");
        assertThat(Wording.when(Language.UK, at)).contains("середа").contains("листопада").contains("14:00");
        assertThat(Wording.when(Language.AR, at)).contains("الأربعاء").contains("نوفمبر");
        assertThat(Wording.when(Language.TI, at)).contains("ረቡዕ");
        assertThat(Wording.when(Language.SO, at)).contains("Arbaco");
        // Summer time: 12:00 UTC in July is 14:00 in Amsterdam.
        assertThat(Wording.when(Language.NL, Instant.parse("2026-07-01T12:00:00Z"))).contains("14:00");
        for (Language language : Language.values()) {
            assertThat(Wording.when(language, at)).as(language + ": no AM/PM abbreviation")
                    .doesNotContainIgnoringCase("pm").doesNotContain("AM").doesNotContain("GD");
        }
    }

    @Test
    void anAnswerSaysWhichLanguageItIsInAndWhetherItWasChecked() {
        Catalog catalog = new Catalog("messages/messages_");
        Wording dutch = new Wording(Language.NL);
        dutch.say(catalog, "status.received");
        assertThat(dutch.info()).isEqualTo(new TextInfo("nl", "ltr", true, null));

        Wording arabic = new Wording(Language.AR);
        arabic.say(catalog, "status.received");
        assertThat(arabic.info()).isEqualTo(new TextInfo("ar", "rtl", false, null));
        assertThat(arabic.info().contentLanguage()).isEqualTo("ar");

        Wording english = new Wording(Language.EN);
        english.say(catalog, "status.received");
        assertThat(english.info().reviewed()).as("English is written with the source").isTrue();
    }

    @Test
    void aMissingTextFallsBackAlongTheChainAndSaysSo() {
        // The test catalog has a Tigrinya file without "only.dutch" and "only.english_and_dutch".
        Catalog catalog = new Catalog("textfixture/fallback_");
        Wording w = new Wording(Language.TI);
        assertThat(w.say(catalog, "everywhere")).isEqualTo("ሰላም");
        assertThat(w.info().fallbackLanguages()).isNull();
        assertThat(w.say(catalog, "only.english_and_dutch")).isEqualTo("Hello");
        assertThat(w.say(catalog, "only.dutch")).isEqualTo("Hallo");
        TextInfo info = w.info();
        assertThat(info.language()).isEqualTo("ti");
        assertThat(info.fallbackLanguages()).containsExactly("nl", "en");
        assertThat(info.reviewed()).as("a fallback is never a checked translation").isFalse();
        assertThat(info.contentLanguage()).isEqualTo("ti, nl, en");
    }
}
