package nl.gehoord.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.DatabaseState;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bad input to the inbox gets a clear 4xx problem, never a 5xx, and changes nothing. */
class InboxBadInputTest {
    private static TestServer server;
    private static ApiClient trust;
    private static ApiClient coordinator;
    private static String caseId;

    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    @BeforeEach
    void start() {
        server = SHARED.server();
        ApiClient api = server.client();
        caseId = Journeys.submitCase(Journeys.newDevice(api), "Een verhaal.");
        trust = Journeys.staff(api, "trust@demo.local");
        coordinator = Journeys.staff(api, "coordinator@demo.local");
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private void refused(ApiResponse response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("code")).isEqualTo(code);
        assertThat(response.body()).doesNotContain("Een verhaal");
    }

    @Test
    void refusedPlainlyAndNothingChanges() {
        String before = DatabaseState.fingerprint(server.app().database());
        String status = "/v1/inbox/" + caseId + "/status";
        refused(trust.post(status, body("status", "in_conversation")), 422, "validation_failed");
        refused(trust.post(status, body("status", "dreaming", "explanation", "Uitleg.")), 422, "validation_failed");
        refused(trust.post(status, body("status", "withdrawn", "explanation", "Uitleg.")), 409, "illegal_transition");
        refused(trust.post(status, body("status", "received", "explanation", "Uitleg.")), 409, "illegal_transition");
        refused(trust.post(status, body("status", "resolved", "explanation", "Uitleg.", "dueAt", "2027-01-01T10:00:00Z")),
                422, "validation_failed");
        refused(trust.post(status, body("status", "in_conversation", "explanation", "Uitleg.",
                "dueAt", "2020-01-01T10:00:00Z")), 422, "validation_failed");
        refused(trust.post(status, body("status", "in_conversation", "explanation", "x".repeat(1001))),
                422, "validation_failed");
        refused(trust.post(status, body("status", "in_conversation", "explanation", "Uitleg.", "dueAt", "morgen")),
                422, "validation_failed");
        refused(trust.post(status, body("status", "in_conversation", "explanation", "Uitleg.", "extra", 1)),
                422, "validation_failed");
        refused(trust.raw("POST", status, "{".getBytes(StandardCharsets.UTF_8), "application/json"), 400,
                "malformed_json");
        refused(trust.raw("POST", status, "a".getBytes(StandardCharsets.UTF_8), "text/plain"), 415,
                "unsupported_media_type");
        refused(trust.post("/v1/inbox/" + caseId + "/messages", body("text", "")), 422, "validation_failed");
        refused(trust.post("/v1/inbox/" + caseId + "/due-date", body("dueAt", "2027-01-01T10:00:00Z",
                "explanation", "Later.")), 409, "no_due_date_here");
        refused(trust.post("/v1/inbox/" + caseId + "/visit", body("visitAt", "2020-01-01T10:00:00Z")), 422,
                "validation_failed");
        refused(coordinator.post("/v1/inbox/" + caseId + "/assign", body("staffId", "staff-demo-council")), 422,
                "validation_failed");
        refused(coordinator.post("/v1/inbox/" + caseId + "/assign", body("staffId", "staff-demo-trust")), 409,
                "already_assigned");
        refused(trust.get("/v1/inbox?status=nonsense"), 422, "validation_failed");
        refused(trust.get("/v1/inbox?urgent=yes"), 422, "validation_failed");
        refused(trust.get("/v1/inbox?limit=0"), 422, "validation_failed");
        refused(trust.get("/v1/inbox?cursor=not-a-cursor"), 422, "validation_failed");
        refused(coordinator.get("/v1/queue?scope=everything"), 422, "validation_failed");
        refused(trust.get("/v1/inbox/not%20an%20id"), 404, "not_found");
        refused(trust.get("/v1/inbox/00000000-0000-4000-8000-000000000000"), 404, "not_found");
        refused(trust.put("/v1/staff/me", body("pushToken", "abc")), 422, "validation_failed");
        assertThat(DatabaseState.fingerprint(server.app().database())).isEqualTo(before);
    }
}
