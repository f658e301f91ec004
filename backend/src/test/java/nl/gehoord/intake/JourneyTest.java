package nl.gehoord.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The young person's whole journey through real HTTP on a real SQLite file. */
class JourneyTest {
    private static TestServer server;
    private static ApiClient api;

    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    @BeforeAll
    static void start() {
        server = SHARED.server();
        api = server.client();
    }

    @Test
    void fromFirstOpenToErasure() {
        // Health first, like a load balancer would.
        assertThat(api.get("/health").status()).isEqualTo(200);
        assertThat(api.get("/ready").json().path("status").asText()).isEqualTo("ready");

        // The app registers and fetches the flow; a second fetch with the ETag is a 304.
        ApiClient phone = Journeys.newDevice(api);
        ApiResponse flow = phone.get("/v1/flow");
        assertThat(flow.status()).isEqualTo(200);
        assertThat(flow.json().path("kinds")).extracting(k -> k.path("id").asText())
                .containsExactlyInAnyOrder("complaint", "help", "question", "unsafe");
        String etag = flow.header("ETag");
        assertThat(phone.header("If-None-Match", etag).get("/v1/flow").status()).isEqualTo(304);
        assertThat(phone.english().header("If-None-Match", etag).get("/v1/flow").status())
                .as("another language is another representation").isEqualTo(200);
        int version = flow.json().path("version").asInt();

        // Submit, and repeat with the same key: one case, the same receipt.
        Map<String, Object> body = Journeys.complaint("Ik mag mijn moeder niet bellen van de groepsleiding.");
        body.put("flowVersion", version);
        ApiClient withKey = phone.header("Idempotency-Key", "journey-key-0001");
        ApiResponse created = withKey.post("/v1/cases", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String caseId = created.text("caseId");
        String code = created.text("caseCode");
        assertThat(code).matches("[346789ACEFHJKMNPRTWXY]{5}-[346789ACEFHJKMNPRTWXY]{5}-[346789ACEFHJKMNPRTWXY]{5}");
        // The demo's routing rule gives every case to the demo trust person at once.
        assertThat(created.text("status")).isEqualTo("assigned");
        assertThat(created.json().path("urgent").asBoolean()).isFalse();
        assertThat(created.json().path("nextSteps")).isNotEmpty();
        assertThat(created.json().has("helpContacts")).isFalse();

        ApiResponse repeat = withKey.post("/v1/cases", body);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.text("caseId")).isEqualTo(caseId);
        assertThat(repeat.text("caseCode")).isEqualTo(code);
        assertThat(phone.get("/v1/cases").json().path("cases")).hasSize(1);

        // Read the status and the plain timeline.
        ApiResponse detail = phone.get("/v1/cases/" + caseId);
        assertThat(detail.status()).isEqualTo(200);
        JsonNode timeline = detail.json().path("timeline");
        assertThat(timeline).hasSize(2);
        assertThat(timeline.get(0).path("type").asText()).isEqualTo("received");
        assertThat(timeline.get(0).path("title").asText()).isEqualTo("We hebben je bericht");
        assertThat(timeline.get(1).path("type").asText()).isEqualTo("assigned");
        assertThat(detail.json().path("nextStep").path("dueBy").asText()).isEqualTo("2026-11-25T09:00:00Z");
        assertThat(phone.english().get("/v1/cases/" + caseId).json().path("statusText").asText())
                .isEqualTo("You have a trust person");

        // Messages, with after= paging.
        ApiResponse first = phone.post("/v1/cases/" + caseId + "/messages", Map.of("text", "Wanneer hoor ik iets?"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().path("seq").asInt()).isEqualTo(1);
        assertThat(first.text("author")).isEqualTo("young_person");
        phone.post("/v1/cases/" + caseId + "/messages", Map.of("text", "Ik wacht nog."));
        JsonNode all = phone.get("/v1/cases/" + caseId + "/messages").json().path("messages");
        assertThat(all).extracting(m -> m.path("text").asText()).containsExactly("Wanneer hoor ik iets?", "Ik wacht nog.");
        JsonNode after = phone.get("/v1/cases/" + caseId + "/messages?after=1").json().path("messages");
        assertThat(after).extracting(m -> m.path("text").asText()).containsExactly("Ik wacht nog.");

        // A new phone claims the case with the code, typed sloppily.
        ApiClient newPhone = Journeys.newDevice(api);
        assertThat(newPhone.get("/v1/cases/" + caseId).status()).as("not yet linked").isEqualTo(404);
        String sloppy = code.toLowerCase().replace("-", " ");
        ApiResponse claimed = newPhone.post("/v1/cases/claim", Map.of("caseCode", sloppy));
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
        assertThat(claimed.text("caseId")).isEqualTo(caseId);
        assertThat(newPhone.get("/v1/cases/" + caseId + "/messages").json().path("messages")).hasSize(2);

        // Withdraw: the timeline says so in plain words; it cannot be withdrawn twice.
        ApiResponse withdrawn = newPhone.post("/v1/cases/" + caseId + "/withdraw", Map.of());
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.text("status")).isEqualTo("withdrawn");
        assertThat(withdrawn.json().path("timeline").get(2).path("type").asText()).isEqualTo("withdrawn");
        assertThat(newPhone.post("/v1/cases/" + caseId + "/withdraw", Map.of()).status()).isEqualTo(409);
        assertThat(phone.post("/v1/cases/" + caseId + "/messages", Map.of("text", "nog iets")).status()).isEqualTo(409);

        // Feedback once it is finished; only once.
        assertThat(phone.post("/v1/cases/" + caseId + "/feedback", Map.of("score", 4, "text", "Fijn dat ik kon stoppen.")).status())
                .isEqualTo(201);
        assertThat(phone.post("/v1/cases/" + caseId + "/feedback", Map.of("score", 5)).status()).isEqualTo(409);

        // Export holds everything we keep, in the young person's own words.
        ApiResponse export = phone.get("/v1/cases/" + caseId + "/export");
        assertThat(export.status()).isEqualTo(200);
        JsonNode data = export.json();
        assertThat(data.path("caseData").path("story").asText()).isEqualTo("Ik mag mijn moeder niet bellen van de groepsleiding.");
        assertThat(data.path("caseData").path("about").path("locationName").asText()).contains("De Linde");
        assertThat(data.path("messages")).hasSize(2);
        assertThat(data.path("feedback").path("score").asInt()).isEqualTo(4);
        assertThat(data.path("devices")).hasSize(2);

        // Erase: gone for both phones, the code no longer works, the statistics row keeps no content.
        assertThat(phone.delete("/v1/cases/" + caseId).status()).isEqualTo(204);
        assertThat(phone.get("/v1/cases/" + caseId).status()).isEqualTo(404);
        assertThat(newPhone.get("/v1/cases/" + caseId).status()).isEqualTo(404);
        assertThat(newPhone.get("/v1/cases").json().path("cases")).isEmpty();
        ApiClient third = Journeys.newDevice(api);
        assertThat(third.post("/v1/cases/claim", Map.of("caseCode", code)).status()).isEqualTo(404);
        Map<String, Object> row = server.app().database().read(h -> h.createQuery("SELECT * FROM cases WHERE id = :id")
                .bind("id", caseId).mapToMap().one());
        assertThat(row.get("story_enc")).isNull();
        assertThat(row.get("answers_enc")).isNull();
        assertThat(row.get("about_enc")).isNull();
        assertThat(row.get("code_hmac")).isNull();
        assertThat(row.get("erased_at")).isNotNull();
        assertThat(row.get("topic")).isEqualTo("freedom");
        int messages = server.app().database().read(h -> h.createQuery("SELECT COUNT(*) FROM case_messages WHERE case_id = :id")
                .bind("id", caseId).mapTo(Integer.class).one());
        assertThat(messages).isZero();
        assertThat(withKey.post("/v1/cases", body).status()).as("a retry after erasure makes no new case").isEqualTo(404);
        assertThat(phone.get("/v1/cases").json().path("cases")).isEmpty();
        String feedbackText = server.app().database().read(h -> h.createQuery("SELECT text_enc FROM case_feedback WHERE case_id = :id")
                .bind("id", caseId).mapTo(String.class).one());
        assertThat(feedbackText).isNull();
    }

    @Test
    void urgentCasesGetHelpNumbersAndAFourHourPromise() {
        ApiClient phone = Journeys.newDevice(api);
        Map<String, Object> body = Journeys.complaint(null);
        body.put("answers", Map.of("topic", "physical_violence", "safety", "afraid_to_go_back"));
        ApiResponse created = Journeys.submit(phone, body);
        assertThat(created.json().path("urgent").asBoolean()).isTrue();
        assertThat(created.json().path("helpContacts")).extracting(c -> c.path("phone").asText()).contains("112");
        assertThat(created.text("firstResponseDueBy")).isEqualTo("2026-11-23T13:00:00Z");

        Map<String, Object> unsafe = Journeys.complaint(null);
        unsafe.put("kind", "unsafe");
        unsafe.put("answers", Map.of("safety", "safe_now"));
        assertThat(Journeys.submit(phone, unsafe).json().path("urgent").asBoolean()).isTrue();
    }

    @Test
    void aDeviceNeverSeesAnotherDevicesCase() {
        ApiClient mine = Journeys.newDevice(api);
        ApiClient other = Journeys.newDevice(api);
        String caseId = Journeys.submitCase(mine, "Alleen voor mij.");
        for (String path : new String[] {"", "/messages", "/export"}) {
            ApiResponse response = other.get("/v1/cases/" + caseId + path);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body()).doesNotContain("Alleen voor mij");
        }
        assertThat(other.post("/v1/cases/" + caseId + "/messages", Map.of("text", "hoi")).status()).isEqualTo(404);
        assertThat(other.post("/v1/cases/" + caseId + "/withdraw", Map.of()).status()).isEqualTo(404);
        assertThat(other.delete("/v1/cases/" + caseId).status()).isEqualTo(404);
        assertThat(other.get("/v1/cases").json().path("cases")).isEmpty();
        assertThat(mine.get("/v1/cases/" + caseId).status()).isEqualTo(200);
    }

    @Test
    void theSameKeyWithADifferentStoryIsRefused() {
        ApiClient phone = Journeys.newDevice(api).header("Idempotency-Key", "same-key-different-body");
        assertThat(phone.post("/v1/cases", Journeys.complaint("Eerste versie.")).status()).isEqualTo(201);
        ApiResponse second = phone.post("/v1/cases", Journeys.complaint("Tweede versie."));
        assertThat(second.status()).isEqualTo(422);
        assertThat(second.json().path("errors").get(0).path("code").asText()).isEqualTo("idempotency_key_reused");
    }

    @Test
    void deviceSettingsAndRemoval() {
        ApiClient phone = Journeys.newDevice(api);
        ApiResponse updated = phone.put("/v1/devices/me", Map.of("discreet", true, "locale", "en",
                "pushToken", "fcm-token:abc_123", "quietHours", Map.of("start", "22:00", "end", "07:00")));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("discreet").asBoolean()).isTrue();
        assertThat(updated.json().path("pushEnabled").asBoolean()).isTrue();
        assertThat(updated.json().path("quietHours").path("start").asText()).isEqualTo("22:00");
        ApiResponse kept = phone.put("/v1/devices/me", Map.of("locale", "nl"));
        assertThat(kept.json().path("pushEnabled").asBoolean()).as("left out: unchanged").isTrue();
        ApiResponse cleared = phone.put("/v1/devices/me", Map.of("remove", List.of("pushToken", "quietHours")));
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        assertThat(cleared.json().path("pushEnabled").asBoolean()).as("pushes turned off").isFalse();
        assertThat(cleared.json().has("quietHours")).isFalse();
        assertThat(cleared.json().path("discreet").asBoolean()).isTrue();
        String caseId = Journeys.submitCase(phone, "Mijn telefoon gaat weg.");
        assertThat(phone.delete("/v1/devices/me").status()).isEqualTo(204);
        assertThat(phone.get("/v1/cases").status()).as("the token is gone").isEqualTo(401);
        int remaining = server.app().database().read(h -> h.createQuery("SELECT COUNT(*) FROM cases WHERE id = :id")
                .bind("id", caseId).mapTo(Integer.class).one());
        assertThat(remaining).as("the case stays, to be claimed").isEqualTo(1);
    }

    @Test
    void publicInformationInBothLanguages() {
        ApiResponse help = api.get("/v1/help-contacts");
        assertThat(help.json().path("contacts")).extracting(c -> c.path("phone").asText())
                .contains("112", "0800-0432", "0800-2000", "0800-0188");
        ApiResponse glossary = api.english().get("/v1/glossary");
        assertThat(glossary.header("Content-Language")).isEqualTo("en");
        assertThat(glossary.json().path("entries")).isNotEmpty();
        ApiResponse regions = api.get("/v1/regions");
        assertThat(regions.json().path("regions")).extracting(r -> r.path("code").asText()).contains("utrecht");
    }
}
