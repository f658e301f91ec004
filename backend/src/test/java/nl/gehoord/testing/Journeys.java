package nl.gehoord.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Steps many tests share: register an app install, submit a case, log in as demo staff. */
public final class Journeys {
    private Journeys() {
    }

    /** Registers a new app install and returns a client that carries its token. */
    public static ApiClient newDevice(ApiClient client) {
        ApiResponse response = client.anonymous().post("/v1/devices", Map.of("platform", "android", "locale", "nl"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return client.as(response.text("deviceToken"));
    }

    /** A complete, valid complaint about freedom restrictions in a group home in Utrecht. */
    public static Map<String, Object> complaint(String story) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "complaint");
        body.put("answers", Map.of("topic", "freedom"));
        if (story != null) {
            body.put("story", story);
        }
        body.put("region", "utrecht");
        body.put("setting", "residential");
        body.put("ageBand", "13_15");
        body.put("about", Map.of("locationId", "loc-utr-linde"));
        body.put("contactPreference", "app_message");
        return body;
    }

    /** Submits a case and returns the created answer. */
    public static ApiResponse submit(ApiClient device, Map<String, Object> body) {
        ApiResponse response = device.header("Idempotency-Key", UUID.randomUUID().toString()).post("/v1/cases", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    public static String submitCase(ApiClient device, String story) {
        return submit(device, complaint(story)).text("caseId");
    }

    /** Logs in as a demo staff member and returns a client carrying the session. */
    public static ApiClient staff(ApiClient client, String email) {
        ApiResponse response = client.anonymous().post("/v1/staff/session",
                Map.of("email", email, "password", TestServer.DEMO_PASSWORD));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return client.as(response.text("token"));
    }

    /**
     * Invites a staff account as an admin and accepts the invitation with the demo password, as its owner would.
     * Returns the new account's id.
     */
    public static String invite(ApiClient admin, Map<String, Object> account) {
        ApiResponse invited = admin.post("/v1/admin/staff", account);
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        ApiResponse accepted = admin.anonymous().post("/v1/staff/invitations/accept",
                Map.of("token", invited.text("invitationToken"), "password", TestServer.DEMO_PASSWORD));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        return invited.text("staffId");
    }

    public static final List<String> OPEN_STATUSES = List.of("received", "assigned", "in_conversation",
            "formal_complaint");
}
