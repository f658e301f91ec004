package nl.gehoord.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every answer with text says which language it is in, which way it runs and whether a native speaker checked
 * it, over real HTTP: the flow, glossary, help numbers, cases, problems, for each of the six languages.
 */
class LanguagesJourneyTest {
    private static TestServer server;
    private static ApiClient api;
    private static final Messages MESSAGES = new Messages();

    @RegisterExtension
    static final SharedServer SHARED = new SharedServer(Map.of("GEHOORD_RATE_LIMIT_CASE_DEVICE", "1000/1h"));

    @BeforeAll
    static void start() {
        server = SHARED.server();
        api = server.client();
    }

    @ParameterizedTest
    @CsvSource({"nl, nl, ltr, true", "en-GB, en, ltr, true", "ar-SY, ar, rtl, false", "uk, uk, ltr, false",
        "ti-ER, ti, ltr, false", "so, so, ltr, false", "'fr, so;q=0.4, ar;q=0.6', ar, rtl, false", "de, nl, ltr, true"})
    void theFlowGlossaryAndHelpNumbersComeInTheAskedLanguage(String accept, String language, String direction,
                                                            boolean reviewed) {
        ApiClient client = api.header("Accept-Language", accept);
        for (String path : new String[] {"/v1/flow", "/v1/glossary", "/v1/help-contacts"}) {
            ApiResponse response = client.get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.header("Content-Language")).as(path).isEqualTo(language);
            JsonNode json = response.json();
            assertThat(json.path("language").asText()).as(path).isEqualTo(language);
            assertThat(json.path("direction").asText()).as(path).isEqualTo(direction);
            assertThat(json.path("reviewed").asBoolean()).as(path).isEqualTo(reviewed);
            assertThat(json.has("fallbackLanguages")).as(path + ": every text exists").isFalse();
        }
        Language lang = Language.ofTag(language);
        JsonNode flow = client.get("/v1/flow").json();
        assertThat(flow.path("kinds").get(0).path("title").asText())
                .isEqualTo(new FlowCatalogTexts().text(lang, "kind.complaint.title"));
        assertThat(flow.path("route")).hasSize(7);
        assertThat(client.get("/v1/help-contacts").json().path("contacts").toString()).contains("112", "0800-0113");
    }

    @Test
    void eachLanguageHasItsOwnFlowVersion() {
        String nl = api.get("/v1/flow").header("ETag");
        String ar = api.header("Accept-Language", "ar").get("/v1/flow").header("ETag");
        assertThat(ar).isNotEqualTo(nl).contains("-ar-");
        assertThat(api.header("Accept-Language", "ar").header("If-None-Match", ar).get("/v1/flow").status())
                .isEqualTo(304);
    }

    @Test
    void theLanguagePickedInTheAppWinsOverAcceptLanguageAndCanBeCleared() {
        ApiClient phone = Journeys.newDevice(api).header("Accept-Language", "en");
        ApiResponse picked = phone.put("/v1/devices/me", Map.of("language", "ti-ER"));
        assertThat(picked.status()).as(picked.toString()).isEqualTo(200);
        assertThat(picked.json().path("language").asText()).isEqualTo("ti");

        ApiResponse created = Journeys.submit(phone, Journeys.complaint("Ik mag niet bellen."));
        assertThat(created.header("Content-Language")).isEqualTo("ti");
        String status = created.text("status");
        assertThat(created.json().path("statusText").asText()).isEqualTo(MESSAGES.get(Language.TI, "status." + status));
        assertThat(created.json().path("reviewed").asBoolean()).isFalse();
        String caseId = created.text("caseId");

        JsonNode detail = phone.get("/v1/cases/" + caseId).json();
        assertThat(detail.path("language").asText()).isEqualTo("ti");
        assertThat(detail.path("nextStep").path("choices").asText())
                .isEqualTo(MESSAGES.get(Language.TI, "choices." + status));
        assertThat(detail.path("nextStep").path("dueIn").asText()).contains("ድሕሪ").as("a due date in days");

        ApiResponse problem = phone.get("/v1/cases/00000000-0000-0000-0000-000000000000");
        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.header("Content-Language")).isEqualTo("ti");
        assertThat(problem.json().path("detail").asText()).isEqualTo(MESSAGES.get(Language.TI, "problem.not_found.detail"));

        ApiResponse cleared = phone.put("/v1/devices/me", "{\"remove\":[\"language\"]}");
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        assertThat(cleared.json().has("language")).isFalse();
        assertThat(phone.get("/v1/cases").header("Content-Language")).isEqualTo("en");
    }

    @Test
    void anUnknownLanguageIsAPlainFieldProblem() {
        ApiClient phone = Journeys.newDevice(api);
        ApiResponse refused = phone.put("/v1/devices/me", Map.of("language", "klingon"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("language");
        assertThat(refused.json().path("errors").get(0).path("code").asText()).isEqualTo("unknown_option");
        assertThat(api.anonymous().post("/v1/devices", Map.of("platform", "ios", "locale", "ar_SY")).status())
                .isEqualTo(201);
    }

    @Test
    void problemsAreRightToLeftInArabic() {
        ApiClient phone = Journeys.newDevice(api).header("Accept-Language", "ar");
        Map<String, Object> body = Journeys.complaint(null);
        body.put("answers", Map.of("topic", "pizza"));
        ApiResponse refused = phone.header("Idempotency-Key", "arabic-problem-1").post("/v1/cases", body);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("Content-Language")).isEqualTo("ar");
        JsonNode json = refused.json();
        assertThat(json.path("direction").asText()).isEqualTo("rtl");
        assertThat(json.path("reviewed").asBoolean()).isFalse();
        assertThat(json.path("errors").get(0).path("message").asText())
                .isEqualTo(MESSAGES.get(Language.AR, "field.unknown_option"));
    }

    @Test
    void theExportHasHeadingsInTheLanguageAndAnArabicStoryOfDangerIsUrgent() {
        ApiClient phone = Journeys.newDevice(api).header("Accept-Language", "uk");
        ApiResponse created = Journeys.submit(phone, Journeys.complaint("المشرف يضربني كل يوم"));
        assertThat(created.json().path("urgent").asBoolean()).isTrue();
        assertThat(created.json().path("helpContacts").get(0).path("description").asText())
                .isEqualTo(new nl.gehoord.intake.ContentCatalog().helpContacts(Language.UK).get(0).description());
        ApiResponse export = phone.get("/v1/cases/" + created.text("caseId") + "/export");
        assertThat(export.header("Content-Language")).isEqualTo("uk");
        assertThat(export.json().path("headings").path("title").asText())
                .isEqualTo(MESSAGES.get(Language.UK, "export.heading.title"));
    }

    @Test
    void staffChooseTheLanguageOfTheirPushes() {
        ApiClient trust = Journeys.staff(api, "trust@demo.local");
        assertThat(trust.get("/v1/staff/me").json().path("language").asText()).isEqualTo("nl");
        ApiResponse changed = trust.put("/v1/staff/me", Map.of("available", true, "language", "en"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("language").asText()).isEqualTo("en");
        ApiResponse refused = trust.put("/v1/staff/me", Map.of("available", true, "language", "xx"));
        assertThat(refused.status()).isEqualTo(422);
        trust.put("/v1/staff/me", Map.of("available", true, "language", "nl"));
    }

    /** The flow's own texts, read the way the server reads them. */
    private static final class FlowCatalogTexts {
        private final Catalog catalog = new Catalog("flow/texts_");

        String text(Language language, String key) {
            return new Wording(language).say(catalog, key);
        }
    }
}
