package nl.gehoord.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Second factor (RFC 6238), slowing repeated logins per account, expiry, and logout. */
class StaffLoginTest {
    private TestServer server;
    private ApiClient api;

    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    @BeforeEach
    void start() {
        server = SHARED.server();
        api = server.client();
    }


    private ApiResponse login(String email, String password, String totp) {
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "password", password));
        if (totp != null) {
            body.put("totp", totp);
        }
        return api.anonymous().post("/v1/staff/session", body);
    }

    @Test
    void rfc6238TestVector() {
        // RFC 6238 appendix B, SHA-1 secret "12345678901234567890", T = 59 s: 94287082 (8 digits) -> 287082.
        String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        assertThat(Totp.code(secret, 59 / 30)).isEqualTo("287082");
        assertThat(Totp.code(secret, 1111111109L / 30)).isEqualTo("081804");
    }

    @Test
    void withASecondFactorTheCodeIsNeeded() {
        ApiClient trust = Journeys.staff(api, "trust@demo.local");
        ApiResponse enrolment = trust.post("/v1/staff/me/totp", Map.of());
        assertThat(enrolment.status()).as(enrolment.toString()).isEqualTo(201);
        String secret = enrolment.text("secret");
        assertThat(trust.post("/v1/staff/me/totp", Map.of()).status()).isEqualTo(409);
        assertThat(trust.get("/v1/staff/me").json().path("totpEnabled").asBoolean()).isTrue();

        Totp totp = new Totp(server.clock());
        assertThat(login("trust@demo.local", TestServer.DEMO_PASSWORD, null).status()).isEqualTo(401);
        assertThat(login("trust@demo.local", TestServer.DEMO_PASSWORD, "000000").status()).isEqualTo(401);
        String code = totp.current(secret);
        assertThat(login("trust@demo.local", TestServer.DEMO_PASSWORD, code).status()).isEqualTo(201);
        assertThat(login("trust@demo.local", TestServer.DEMO_PASSWORD, code).status()).as("a code works once")
                .isEqualTo(401);
        server.clock().advance(Duration.ofSeconds(60));
        String previous = Totp.code(secret, (server.clock().millis() / 1000 / 30) - 1);
        assertThat(login("trust@demo.local", TestServer.DEMO_PASSWORD, previous).status()).as("one step of drift")
                .isEqualTo(201);
        assertThat(Totp.code(secret, 0)).hasSize(6);
        String sealed = server.app().database().read(h -> h.createQuery(
                "SELECT totp_secret_enc FROM staff WHERE id = 'staff-demo-trust'").mapTo(String.class).one());
        assertThat(sealed).doesNotContain(secret);
    }

    @Test
    void repeatedLoginsAreSlowedPerAccountAlikeForKnownAndUnknownEmails() {
        for (String email : new String[] {"trust@demo.local", "nobody@demo.local"}) {
            server.app().rateLimits().reset(); // the per-address limit (20) is not what this test is about
            int refused = 0;
            for (int i = 0; i < 11; i++) {
                ApiResponse r = login(email, "wrong-password-" + i, null);
                if (r.status() == 429) {
                    refused++;
                    assertThat(r.header("Retry-After")).isNotNull();
                } else {
                    assertThat(r.status()).isEqualTo(401);
                    assertThat(r.text("code")).isEqualTo("login_failed");
                }
            }
            assertThat(refused).as(email).isEqualTo(1);
        }
    }

    @Test
    void sessionsEndAfterIdleTimeAndOnLogout() {
        ApiClient trust = Journeys.staff(api, "trust@demo.local");
        assertThat(trust.get("/v1/staff/me").status()).isEqualTo(200);
        server.clock().advance(Duration.ofMinutes(31));
        assertThat(trust.get("/v1/staff/me").status()).isEqualTo(401);
        ApiClient again = Journeys.staff(api, "trust@demo.local");
        assertThat(again.delete("/v1/staff/session").status()).isEqualTo(204);
        assertThat(again.get("/v1/staff/me").status()).isEqualTo(401);
    }
}
