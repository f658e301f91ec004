package nl.gehoord.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.gehoord.crypto.SecretHasher;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Staff accounts by invitation (an admin never knows or sets a password), resets, the owner's password change,
 * their list of sessions, ending one, and logging out everywhere.
 */
class StaffAccountsTest {
    private static TestServer server;
    private static ApiClient api;
    private static ApiClient admin;
    private static int counter;

    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    @BeforeAll
    static void start() {
        server = SHARED.server();
        api = server.client();
    }

    @BeforeEach
    void fresh() {
        server.app().rateLimits().reset();
        server.app().loginThrottle().reset();
        admin = Journeys.staff(api, "admin@demo.local");
    }

    private static ApiResponse invite(String email, String role) {
        ApiResponse r = admin.post("/v1/admin/staff", Map.of("email", email, "displayName", "Nieuw", "role", role));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r;
    }

    private static ApiResponse accept(String token, String password) {
        return api.anonymous().post("/v1/staff/invitations/accept", Map.of("token", token, "password", password));
    }

    private static ApiResponse login(String email, String password) {
        return api.anonymous().post("/v1/staff/session", Map.of("email", email, "password", password));
    }

    private static String email() {
        return "person" + (++counter) + "@demo.local";
    }

    @Test
    void anAdminCanNoLongerSetAPassword() {
        String email = email();
        ApiResponse r = admin.post("/v1/admin/staff", Map.of("email", email, "displayName", "Nieuw",
                "role", "coordinator", "password", "a-password-the-admin-knows"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("errors").get(0).path("code").asText()).isEqualTo("unknown_field");
        assertThat(login(email, "a-password-the-admin-knows").status()).isEqualTo(401);
        java.util.Optional<StaffDao.StaffRow> none = server.app().database()
                .read(h -> h.attach(StaffDao.class).byEmail(email));
        assertThat(none).isEmpty();
    }

    @Test
    void theInvitedPersonSetsTheirOwnPasswordOnceWithATokenKeptOnlyAsAHash() throws IOException {
        String email = email();
        ApiResponse invited = invite(email, "coordinator");
        String token = invited.text("invitationToken");
        String staffId = invited.text("staffId");
        assertThat(invited.json().path("invitationPending").asBoolean()).isTrue();
        assertThat(server.app().database().read(h -> h.attach(StaffDao.class).byId(staffId)).orElseThrow()
                .passwordHash()).isEqualTo(Passwords.NONE);
        String tokenHash = server.app().database().read(h -> h.createQuery(
                "SELECT token_hash FROM staff_invitations WHERE staff_id = :s").bind("s", staffId)
                .mapTo(String.class).one());
        assertThat(tokenHash).isEqualTo(SecretHasher.sha256(token));
        assertThat(databaseBytesContain(token)).as("the token itself is nowhere on disk").isFalse();
        assertThat(login(email, "anything-at-all-here").status()).as("no password before accepting").isEqualTo(401);

        assertThat(accept(token, "too-short").status()).isEqualTo(422);
        ApiResponse accepted = accept(token, "my-very-own-password");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        assertThat(api.as(accepted.text("token")).get("/v1/staff/me").json().path("email").asText()).isEqualTo(email);
        ApiResponse again = accept(token, "someone-elses-password");
        assertThat(again.status()).as("single use").isEqualTo(404);
        assertThat(again.text("code")).isEqualTo("invitation_invalid");
        assertThat(login(email, "someone-elses-password").status()).isEqualTo(401);
        assertThat(login(email, "my-very-own-password").status()).isEqualTo(201);
        assertThat(admin.get("/v1/admin/staff").json().path("staff").findParents("staffId").stream()
                .filter(n -> n.path("staffId").asText().equals(staffId)).findFirst().orElseThrow()
                .path("invitationPending").asBoolean()).isFalse();

        // The audit log shows who invited whom, and the acceptance.
        List<Map<String, Object>> entries = server.app().database().read(h -> h.createQuery(
                "SELECT actor_id, action FROM audit_log WHERE target_id = :s ORDER BY seq").bind("s", staffId)
                .mapToMap().list());
        assertThat(entries).containsSubsequence(Map.of("actor_id", "staff-demo-admin", "action", "admin.staff.invite"),
                Map.of("actor_id", staffId, "action", "staff.invitation.accept"));
    }

    @Test
    void anInvitationExpires() {
        String token = invite(email(), "council").text("invitationToken");
        server.clock().advance(StaffAccounts.INVITATION_VALID.plusMinutes(1));
        assertThat(accept(token, "my-very-own-password").status()).isEqualTo(404);
        assertThat(accept("gi_" + "x".repeat(43), "my-very-own-password").status()).isEqualTo(404);
        server.app().retention().run(server.clock().instant());
        int left = server.app().database().read(h -> h.createQuery(
                "SELECT COUNT(*) FROM staff_invitations WHERE token_hash = :h").bind("h", SecretHasher.sha256(token))
                .mapTo(Integer.class).one());
        assertThat(left).as("the retention job removes expired invitations").isZero();
        assertThat(accept("not-a-token", "my-very-own-password").status()).isEqualTo(404);
    }

    @Test
    void aResetIsANewInvitationThatEndsTheOldPasswordAndSessions() {
        String email = email();
        ApiResponse invited = invite(email, "trust_person");
        String staffId = invited.text("staffId");
        ApiClient person = api.as(accept(invited.text("invitationToken"), "first-own-password").text("token"));
        String knownDevice = login(email, "first-own-password").text("knownDeviceToken");
        String unusedOld = admin.post("/v1/admin/staff/" + staffId + "/invitation", Map.of()).text("invitationToken");

        ApiResponse reset = admin.post("/v1/admin/staff/" + staffId + "/invitation", Map.of());
        assertThat(reset.status()).isEqualTo(201);
        assertThat(reset.json().path("invitationPending").asBoolean()).isTrue();
        assertThat(person.get("/v1/staff/me").status()).as("sessions ended").isEqualTo(401);
        assertThat(login(email, "first-own-password").status()).as("old password ended").isEqualTo(401);
        assertThat(accept(unusedOld, "second-own-password").status()).as("earlier invitation ended").isEqualTo(404);
        int devices = server.app().database().read(h -> h.createQuery(
                "SELECT COUNT(*) FROM staff_login_devices WHERE token_hash = :h")
                .bind("h", SecretHasher.sha256(knownDevice)).mapTo(Integer.class).one());
        assertThat(devices).isZero();
        assertThat(accept(reset.text("invitationToken"), "second-own-password").status()).isEqualTo(201);
        assertThat(login(email, "second-own-password").status()).isEqualTo(201);
        List<String> resetters = server.app().database().read(h -> h.createQuery(
                "SELECT actor_id FROM audit_log WHERE action = 'admin.staff.reinvite' AND target_id = :s")
                .bind("s", staffId).mapTo(String.class).list());
        assertThat(resetters).contains("staff-demo-admin");
    }

    @Test
    void aResetKeepsTheSecondFactorWhichTheAcceptanceThenNeeds() {
        String email = email();
        ApiResponse invited = invite(email, "coordinator");
        String staffId = invited.text("staffId");
        ApiClient person = api.as(accept(invited.text("invitationToken"), "first-own-password").text("token"));
        String secret = person.post("/v1/staff/me/totp", Map.of()).text("secret");
        Totp totp = new Totp(server.clock());
        assertThat(person.post("/v1/staff/me/totp/confirm", Map.of("password", "first-own-password",
                "code", totp.current(secret))).status()).isEqualTo(200);

        String token = admin.post("/v1/admin/staff/" + staffId + "/invitation", Map.of()).text("invitationToken");
        ApiResponse noCode = accept(token, "second-own-password");
        assertThat(noCode.status()).isEqualTo(422);
        assertThat(noCode.json().path("errors").get(0).path("field").asText()).isEqualTo("totp");
        server.clock().advance(Duration.ofSeconds(30));
        ApiResponse withCode = api.anonymous().post("/v1/staff/invitations/accept", Map.of("token", token,
                "password", "second-own-password", "totp", totp.current(secret)));
        assertThat(withCode.status()).as(withCode.toString()).isEqualTo(201);
    }

    @Test
    void theOwnerSeesTheirSessionsAndEndsOneOrAll() {
        String email = email();
        String staffId = Journeys.invite(admin, Map.of("email", email, "displayName", "Nieuw", "role", "council"));
        ApiResponse laptop = api.anonymous().header("User-Agent",
                "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")
                .post("/v1/staff/session", Map.of("email", email, "password", TestServer.DEMO_PASSWORD));
        ApiResponse phone = api.anonymous().header("User-Agent",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Safari/604.1")
                .post("/v1/staff/session", Map.of("email", email, "password", TestServer.DEMO_PASSWORD));
        ApiClient onLaptop = api.as(laptop.text("token"));
        ApiClient onPhone = api.as(phone.text("token"));

        ApiResponse list = onLaptop.get("/v1/staff/sessions");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(laptop.text("token")).doesNotContain(phone.text("token"))
                .doesNotContain("Gecko").doesNotContain("17_5");
        var sessions = list.json().path("sessions");
        assertThat(sessions.findValuesAsText("client")).contains("Firefox on Linux", "Safari on iOS");
        var current = sessions.findParents("current").stream().filter(n -> n.path("current").asBoolean()).toList();
        assertThat(current).hasSize(1);
        assertThat(current.get(0).path("client").asText()).isEqualTo("Firefox on Linux");
        String phoneSession = sessions.findParents("current").stream()
                .filter(n -> n.path("client").asText().equals("Safari on iOS")).findFirst().orElseThrow()
                .path("sessionId").asText();

        // Another account's session is not found; the own other session ends.
        assertThat(admin.delete("/v1/staff/sessions/" + phoneSession).status()).isEqualTo(404);
        assertThat(onPhone.get("/v1/staff/me").status()).isEqualTo(200);
        assertThat(onLaptop.delete("/v1/staff/sessions/" + phoneSession).status()).isEqualTo(204);
        assertThat(onPhone.get("/v1/staff/me").status()).isEqualTo(401);
        assertThat(onLaptop.get("/v1/staff/sessions").json().path("sessions").findValuesAsText("client"))
                .doesNotContain("Safari on iOS").contains("Firefox on Linux");

        ApiClient third = Journeys.staff(api, email);
        assertThat(onLaptop.delete("/v1/staff/sessions").status()).isEqualTo(204);
        assertThat(onLaptop.get("/v1/staff/me").status()).as("this session too").isEqualTo(401);
        assertThat(third.get("/v1/staff/me").status()).isEqualTo(401);
        assertThat(admin.get("/v1/staff/me").status()).as("other accounts keep theirs").isEqualTo(200);
        assertThat(staffId).isNotBlank();
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsTheOtherSessions() {
        String email = email();
        Journeys.invite(admin, Map.of("email", email, "displayName", "Nieuw", "role", "trust_person"));
        ApiClient here = Journeys.staff(api, email);
        ApiClient elsewhere = Journeys.staff(api, email);

        ApiResponse wrong = here.put("/v1/staff/me/password", Map.of("currentPassword", "not-my-password",
                "newPassword", "a-brand-new-password"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().path("errors").get(0).path("code").asText()).isEqualTo("wrong_password");
        ApiResponse tooShort = here.put("/v1/staff/me/password", Map.of("currentPassword", TestServer.DEMO_PASSWORD,
                "newPassword", "short"));
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.json().path("errors").get(0).path("field").asText()).isEqualTo("newPassword");
        assertThat(elsewhere.get("/v1/staff/me").status()).as("nothing changed yet").isEqualTo(200);

        assertThat(here.put("/v1/staff/me/password", Map.of("currentPassword", TestServer.DEMO_PASSWORD,
                "newPassword", "a-brand-new-password")).status()).isEqualTo(204);
        assertThat(here.get("/v1/staff/me").status()).as("this session stays").isEqualTo(200);
        assertThat(elsewhere.get("/v1/staff/me").status()).as("the others end").isEqualTo(401);
        assertThat(login(email, TestServer.DEMO_PASSWORD).status()).isEqualTo(401);
        assertThat(login(email, "a-brand-new-password").status()).isEqualTo(201);

        // Guessing the current password through a stolen session is slowed like a log-in.
        int refused = 0;
        for (int i = 0; i < LoginThrottle.ACCOUNT.free() + 2; i++) {
            int status = here.put("/v1/staff/me/password", Map.of("currentPassword", "guess-" + i,
                    "newPassword", "a-thief-password-1")).status();
            refused += status == 429 ? 1 : 0;
        }
        assertThat(refused).isPositive();
    }

    private static boolean databaseBytesContain(String secret) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.list(server.dataDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                outer:
                for (int i = 0; i + needle.length <= bytes.length; i++) {
                    for (int j = 0; j < needle.length; j++) {
                        if (bytes[i + j] != needle[j]) {
                            continue outer;
                        }
                    }
                    return true;
                }
            }
        }
        return false;
    }
}
