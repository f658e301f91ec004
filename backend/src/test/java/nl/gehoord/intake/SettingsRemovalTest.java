package nl.gehoord.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.DatabaseState;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Settings updates remove a value only when {@code remove} names it, for app installs and staff alike; the forms a
 * generated client cannot send ({@code null}) or that look like a value ({@code ""}) are refused and change nothing.
 */
class SettingsRemovalTest {
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
    void anAppInstallRemovesOneSettingAndKeepsTheOthers() {
        ApiClient phone = Journeys.newDevice(api);
        assertThat(phone.put("/v1/devices/me", Map.of("pushToken", "fcm:tok-1", "discreet", true,
                "quietHours", Map.of("start", "22:00", "end", "07:00"))).status()).isEqualTo(200);

        ApiResponse noPush = phone.put("/v1/devices/me", Map.of("remove", List.of("pushToken")));
        assertThat(noPush.status()).as(noPush.toString()).isEqualTo(200);
        assertThat(noPush.json().path("pushEnabled").asBoolean()).isFalse();
        assertThat(noPush.json().path("quietHours").path("start").asText()).as("not named: kept").isEqualTo("22:00");
        assertThat(noPush.json().path("discreet").asBoolean()).isTrue();

        ApiResponse noQuiet = phone.put("/v1/devices/me", Map.of("pushToken", "fcm:tok-2", "remove",
                List.of("quietHours")));
        assertThat(noQuiet.json().path("pushEnabled").asBoolean()).as("set and another removed at once").isTrue();
        assertThat(noQuiet.json().has("quietHours")).isFalse();
        assertThat(phone.get("/v1/devices/me").json().has("quietHours")).isFalse();
    }

    @Test
    void anAppInstallRefusesNullEmptyAndContradictionsAndKeepsEverything() {
        ApiClient phone = Journeys.newDevice(api);
        assertThat(phone.put("/v1/devices/me", Map.of("pushToken", "fcm:tok-1",
                "quietHours", Map.of("start", "22:00", "end", "07:00"))).status()).isEqualTo(200);
        String before = DatabaseState.fingerprint(server.app().database());

        refused(phone.put("/v1/devices/me", "{\"pushToken\":null}"), "pushToken", "wrong_type");
        refused(phone.put("/v1/devices/me", "{\"quietHours\":null}"), "quietHours", "wrong_type");
        refused(phone.put("/v1/devices/me", "{\"locale\":null}"), "locale", "wrong_type");
        refused(phone.put("/v1/devices/me", "{\"language\":null}"), "language", "wrong_type");
        refused(phone.put("/v1/devices/me", Map.of("language", "ti", "remove", List.of("language"))), "remove",
                "invalid_value");
        refused(phone.put("/v1/devices/me", "{\"pushToken\":\"\"}"), "pushToken", "invalid_value");
        refused(phone.put("/v1/devices/me", "{\"remove\":null}"), "remove", "wrong_type");
        refused(phone.put("/v1/devices/me", "{\"remove\":[null]}"), "remove[0]", "wrong_type");
        refused(phone.put("/v1/devices/me", "{\"remove\":\"pushToken\"}"), "remove", "wrong_type");
        refused(phone.put("/v1/devices/me", Map.of("remove", List.of("locale"))), "remove", "unknown_option");
        refused(phone.put("/v1/devices/me", Map.of("remove", List.of("pushToken", "pushToken"))), "remove",
                "invalid_value");
        refused(phone.put("/v1/devices/me", Map.of("pushToken", "fcm:tok-2", "remove", List.of("pushToken"))),
                "remove", "invalid_value");

        assertThat(DatabaseState.fingerprint(server.app().database())).isEqualTo(before);
        ApiResponse now = phone.get("/v1/devices/me");
        assertThat(now.json().path("pushEnabled").asBoolean()).isTrue();
        assertThat(now.json().path("quietHours").path("end").asText()).isEqualTo("07:00");
    }

    @Test
    void aStaffMemberRemovesThePushTokenTheSameWay() {
        ApiClient trust = Journeys.staff(api, "trust@demo.local");
        assertThat(trust.put("/v1/staff/me", Map.of("available", true, "pushToken", "fcm-staff-1")).status())
                .isEqualTo(200);
        assertThat(trust.get("/v1/staff/me").json().path("pushTokenSet").asBoolean()).isTrue();
        String before = DatabaseState.fingerprint(server.app().database());

        refused(trust.put("/v1/staff/me", "{\"available\":true,\"pushToken\":\"\"}"), "pushToken", "invalid_value");
        refused(trust.put("/v1/staff/me", "{\"available\":true,\"pushToken\":null}"), "pushToken", "wrong_type");
        refused(trust.put("/v1/staff/me", "{\"available\":true,\"language\":null}"), "language", "wrong_type");
        refused(trust.put("/v1/staff/me", Map.of("available", true, "remove", List.of("quietHours"))), "remove",
                "unknown_option");
        refused(trust.put("/v1/staff/me", Map.of("available", true, "pushToken", "fcm-staff-2",
                "remove", List.of("pushToken"))), "remove", "invalid_value");
        assertThat(DatabaseState.fingerprint(server.app().database())).isEqualTo(before);

        ApiResponse removed = trust.put("/v1/staff/me", Map.of("available", true, "remove", List.of("pushToken")));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.json().path("pushTokenSet").asBoolean()).isFalse();
        String sealed = server.app().database().read(h -> h.createQuery(
                "SELECT push_token_enc FROM staff WHERE email = 'trust@demo.local'").mapTo(String.class).one());
        assertThat(sealed).as("really gone").isNull();
    }

    private static void refused(ApiResponse response, String field, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").get(0).path("field").asText()).as(response.toString())
                .isEqualTo(field);
        assertThat(response.json().path("errors").get(0).path("code").asText()).as(response.toString())
                .isEqualTo(code);
    }
}
