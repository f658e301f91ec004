package nl.gehoord.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Claiming is never silent: the phones already on a case get a neutral push when another phone claims it, every
 * phone on the case sees which phones follow it, and any of them can remove one.
 */
class CaseDevicesTest {
    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    private TestServer server;
    private ApiClient api;

    @BeforeEach
    void start() {
        server = SHARED.server();
        api = server.client();
    }

    private record Phone(ApiClient client, String deviceId) {
    }

    private Phone phone(String platform) {
        ApiResponse r = api.anonymous().post("/v1/devices", Map.of("platform", platform, "locale", "nl",
                "pushToken", "push-" + platform + "-" + System.nanoTime()));
        assertThat(r.status()).isEqualTo(201);
        return new Phone(api.as(r.text("deviceToken")), r.text("deviceId"));
    }

    private List<Map<String, Object>> linkedPushes(String caseId) {
        return server.app().database().read(h -> h.createQuery(
                "SELECT device_id, staff_id, event, message_key FROM push_outbox WHERE case_id = :c AND event = 'device_linked'")
                .bind("c", caseId).mapToMap().list());
    }

    private ApiResponse devices(Phone phone, String caseId) {
        return phone.client().get("/v1/cases/" + caseId + "/devices");
    }

    @Test
    void aSecondPhoneClaimingTellsTheFirstAndShowsUpInItsList() {
        Phone first = phone("android");
        ApiResponse created = Journeys.submit(first.client(), Journeys.complaint("Verhaal van de eerste telefoon"));
        String caseId = created.text("caseId");
        assertThat(linkedPushes(caseId)).isEmpty();

        server.clock().advance(java.time.Duration.ofMinutes(5));
        Phone second = phone("ios");
        assertThat(second.client().post("/v1/cases/claim", Map.of("caseCode", created.text("caseCode"))).status())
                .isEqualTo(200);
        List<Map<String, Object>> pushes = linkedPushes(caseId);
        assertThat(pushes).as("only the phone that was there hears of it").hasSize(1);
        assertThat(pushes.get(0)).containsEntry("device_id", first.deviceId()).containsEntry("staff_id", null)
                .containsEntry("message_key", "push.device_linked");
        assertThat(second.client().post("/v1/cases/claim", Map.of("caseCode", created.text("caseCode"))).status())
                .isEqualTo(200);
        assertThat(linkedPushes(caseId)).as("claiming again on the same phone is no news").hasSize(1);

        ApiResponse list = devices(first, caseId);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(first.deviceId()).doesNotContain(second.deviceId());
        var entries = list.json().path("devices");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).path("thisDevice").asBoolean()).isTrue();
        assertThat(entries.get(0).path("label").asText()).isEqualTo("Dit is jouw telefoon");
        assertThat(entries.get(1).path("thisDevice").asBoolean()).isFalse();
        assertThat(entries.get(1).path("platform").asText()).isEqualTo("ios");
        assertThat(entries.get(1).path("label").asText()).isEqualTo("Een telefoon van Apple");
        assertThat(devices(second, caseId).json().path("devices").get(1).path("thisDevice").asBoolean()).isTrue();
        assertThat(second.client().english().get("/v1/cases/" + caseId + "/devices").json().path("devices").get(0)
                .path("label").asText()).isEqualTo("An Android phone");
    }

    @Test
    void anyPhoneOnTheCaseCanRemoveAnotherAndTheCaseStaysClaimable() {
        Phone first = phone("android");
        ApiResponse created = Journeys.submit(first.client(), Journeys.complaint("Verhaal"));
        String caseId = created.text("caseId");
        String code = created.text("caseCode");
        server.clock().advance(java.time.Duration.ofMinutes(5));
        Phone stranger = phone("ios");
        stranger.client().post("/v1/cases/claim", Map.of("caseCode", code));
        Phone outsider = phone("android");
        String outsiderCase = Journeys.submitCase(outsider.client(), "Ander verhaal");

        String strangerLink = devices(first, caseId).json().path("devices").get(1).path("linkId").asText();
        assertThat(outsider.client().delete("/v1/cases/" + caseId + "/devices/" + strangerLink).status())
                .as("a phone not on the case").isEqualTo(404);
        assertThat(devices(outsider, caseId).status()).isEqualTo(404);
        assertThat(first.client().delete("/v1/cases/" + outsiderCase + "/devices/" + strangerLink).status())
                .as("a link of this case named on another").isEqualTo(404);
        assertThat(first.client().delete("/v1/cases/" + caseId + "/devices/" + "0".repeat(32)).status())
                .isEqualTo(404);

        assertThat(first.client().delete("/v1/cases/" + caseId + "/devices/" + strangerLink).status()).isEqualTo(204);
        assertThat(stranger.client().get("/v1/cases/" + caseId).status()).as("removed").isEqualTo(404);
        assertThat(devices(first, caseId).json().path("devices")).hasSize(1);

        // The last phone removes itself: the case is not erased and can be claimed again with its code.
        String ownLink = devices(first, caseId).json().path("devices").get(0).path("linkId").asText();
        assertThat(first.client().delete("/v1/cases/" + caseId + "/devices/" + ownLink).status()).isEqualTo(204);
        assertThat(first.client().get("/v1/cases/" + caseId).status()).isEqualTo(404);
        Map<String, Object> row = server.app().database().read(h -> h.createQuery(
                "SELECT erased_at, code_hmac, story_enc FROM cases WHERE id = :id").bind("id", caseId).mapToMap().one());
        assertThat(row.get("erased_at")).isNull();
        assertThat(row.get("story_enc")).isNotNull();
        Phone again = phone("android");
        assertThat(again.client().post("/v1/cases/claim", Map.of("caseCode", code)).status()).isEqualTo(200);
        assertThat(again.client().get("/v1/cases/" + caseId).status()).isEqualTo(200);

        // Erasure still takes every link and the code: nothing left to list or claim.
        assertThat(again.client().delete("/v1/cases/" + caseId).status()).isEqualTo(204);
        assertThat(devices(again, caseId).status()).isEqualTo(404);
        assertThat(phone("ios").client().post("/v1/cases/claim", Map.of("caseCode", code)).status()).isEqualTo(404);
    }
}
