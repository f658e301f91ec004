package nl.gehoord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import nl.gehoord.text.Language;
import nl.gehoord.text.Messages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The staff pages speak the staff member's language where they are written in it (Dutch and English, with the same
 * keys and the same placeholders in both files) and Dutch otherwise; what the young person will read stays in the
 * young person's language whoever looks at it.
 */
class WebWordsTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
    private static TestServer server;

    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    @BeforeAll
    static void start() {
        server = SHARED.server();
    }


    @Test
    void everyWrittenLanguageHasTheSameKeysAndPlaceholders() {
        Properties nl = Messages.load("web/words_nl.properties");
        assertThat(nl).hasSizeGreaterThan(300);
        for (Language language : Words.WRITTEN) {
            Properties other = Messages.load("web/words_" + language.tag() + ".properties");
            assertThat(new TreeSet<>(other.stringPropertyNames())).as(language.tag())
                    .isEqualTo(new TreeSet<>(nl.stringPropertyNames()));
            for (String key : nl.stringPropertyNames()) {
                assertThat(placeholders(other.getProperty(key))).as(language.tag() + " " + key)
                        .isEqualTo(placeholders(nl.getProperty(key)));
                assertThat(other.getProperty(key)).as(language.tag() + " " + key).isNotBlank();
            }
        }
    }

    private static Set<String> placeholders(String text) {
        return PLACEHOLDER.matcher(text).results().map(m -> m.group()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aStaffMemberReadsThePagesInTheirLanguageAndTheYoungPersonsWordsStayTheirs() {
        ApiClient phone = Journeys.newDevice(server.client());
        String caseId = Journeys.submitCase(phone, "Ik wil met iemand praten over mijn groep.");
        String cookie = WebFixture.login(server, "trust@demo.local", null);

        WebFixture.Page dutch = WebFixture.get(server, "/web/inbox", cookie);
        assertThat(dutch.body()).contains("<html lang=\"nl\">", "Mijn cases", "Uitloggen");

        ApiClient api = Journeys.staff(server.client(), "trust@demo.local");
        assertThat(api.put("/v1/staff/me", Map.of("available", true, "language", "en")).status()).isEqualTo(200);
        WebFixture.Page english = WebFixture.get(server, "/web/inbox", cookie);
        assertThat(english.body()).contains("<html lang=\"en\">", "My cases", "Log out", "On time")
                .doesNotContain("Uitloggen");
        WebFixture.Page casePage = WebFixture.get(server, "/web/cases/" + caseId, cookie);
        assertThat(casePage.body()).contains("Internal notes", "Only for staff", "Ik wil met iemand praten over mijn groep.");

        // The preview shows the young person's words (their app is Dutch), not the staff member's.
        WebFixture.Page preview = WebFixture.post(server, "/web/cases/" + caseId + "/preview", cookie,
                Map.of("_csrf", english.csrf(), "status", "in_conversation", "explanation", "We gaan praten."),
                "HX-Request", "true");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("This is what the young person reads", "We praten met je",
                "We gaan praten.");

        // A refusal in plain words, in English too.
        WebFixture.Page refused = WebFixture.post(server, "/web/cases/" + caseId + "/reply", cookie,
                Map.of("_csrf", english.csrf(), "text", ""));
        assertThat(refused.status()).isEqualTo(303);
        String back = WebFixture.get(server, refused.header("Location"), cookie).body();
        assertThat(back).contains("role=\"alert\"").contains("Text:");

        // A language the pages are not written in falls back to Dutch.
        assertThat(api.put("/v1/staff/me", Map.of("available", true, "language", "ar")).status()).isEqualTo(200);
        assertThat(WebFixture.get(server, "/web/inbox", cookie).body()).contains("<html lang=\"nl\">", "Mijn cases");
    }
}
