package nl.gehoord.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Log-in: the second factor (RFC 6238) and its confirmed enrolment, recovery codes and growing lock-out; failed
 * log-ins slowed per account and per address without letting a stranger lock the owner out; rehashing; expiry.
 */
class StaffLoginTest {
    private static final String OWNER_ADDRESS = "198.51.100.2";
    private static final String STRANGER_ADDRESS = "203.0.113.7";
    private TestServer server;
    private ApiClient api;

    @RegisterExtension
    static final SharedServer SHARED = new SharedServer(Map.of("GEHOORD_TRUSTED_PROXIES", "127.0.0.1"));

    @BeforeEach
    void start() {
        server = SHARED.server();
        api = server.client();
    }


    private ApiResponse login(String address, Map<String, Object> fields) {
        return api.anonymous().header("X-Forwarded-For", address).post("/v1/staff/session", fields);
    }

    private ApiResponse login(String email, String password, String totp) {
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "password", password));
        if (totp != null) {
            body.put("totp", totp);
        }
        return login(OWNER_ADDRESS, body);
    }

    private String enrol(ApiClient staff) {
        ApiResponse started = staff.post("/v1/staff/me/totp", Map.of());
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String secret = started.text("secret");
        ApiResponse confirmed = staff.post("/v1/staff/me/totp/confirm", Map.of("password", TestServer.DEMO_PASSWORD,
                "code", new Totp(server.clock()).current(secret)));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        return secret;
    }

    @Test
    void rfc6238TestVector() {
        // RFC 6238 appendix B, SHA-1 secret "12345678901234567890", T = 59 s: 94287082 (8 digits) -> 287082.
        String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        assertThat(Totp.code(secret, 59 / 30)).isEqualTo("287082");
        assertThat(Totp.code(secret, 1111111109L / 30)).isEqualTo("081804");
    }

    @Test
    void theSecondFactorIsOnOnlyOnceThePasswordAndAFirstCodeConfirmIt() {
        ApiClient trust = Journeys.staff(api, "trust@demo.local");
        ApiResponse started = trust.post("/v1/staff/me/totp", Map.of());
        assertThat(started.status()).isEqualTo(201);
        String secret = started.text("secret");
        Totp totp = new Totp(server.clock());
        assertThat(trust.get("/v1/staff/me").json().path("totpEnabled").asBoolean()).as("not on yet").isFalse();
        assertThat(login("trust@demo.local", TestServer.DEMO_PASSWORD, null).status()).isEqualTo(201);

        // A stolen session alone cannot turn it on: the password is needed, and a code of the new secret.
        ApiResponse wrongPassword = trust.post("/v1/staff/me/totp/confirm", Map.of("password", "not-the-password",
                "code", totp.current(secret)));
        assertThat(wrongPassword.status()).isEqualTo(422);
        assertThat(wrongPassword.json().path("errors").get(0).path("code").asText()).isEqualTo("wrong_password");
        ApiResponse wrongCode = trust.post("/v1/staff/me/totp/confirm", Map.of("password", TestServer.DEMO_PASSWORD,
                "code", "000000".equals(totp.current(secret)) ? "111111" : "000000"));
        assertThat(wrongCode.status()).isEqualTo(422);
        assertThat(wrongCode.json().path("errors").get(0).path("field").asText()).isEqualTo("code");
        assertThat(trust.get("/v1/staff/me").json().path("totpEnabled").asBoolean()).isFalse();

        ApiResponse confirmed = trust.post("/v1/staff/me/totp/confirm", Map.of("password", TestServer.DEMO_PASSWORD,
                "code", totp.current(secret)));
        assertThat(confirmed.status()).isEqualTo(200);
        List<String> recovery = new ArrayList<>();
        confirmed.json().path("recoveryCodes").forEach(n -> recovery.add(n.asText()));
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
        assertThat(trust.get("/v1/staff/me").json().path("totpEnabled").asBoolean()).isTrue();
        assertThat(trust.post("/v1/staff/me/totp", Map.of()).status()).isEqualTo(409);

        assertThat(login("trust@demo.local", TestServer.DEMO_PASSWORD, null).status()).isEqualTo(401);
        server.clock().advance(Duration.ofSeconds(30));
        String code = totp.current(secret);
        assertThat(login("trust@demo.local", TestServer.DEMO_PASSWORD, code).status()).isEqualTo(201);
        assertThat(login("trust@demo.local", TestServer.DEMO_PASSWORD, code).status()).as("a code works once")
                .isEqualTo(401);
        server.clock().advance(Duration.ofSeconds(60));
        String previous = Totp.code(secret, (server.clock().millis() / 1000 / 30) - 1);
        assertThat(login("trust@demo.local", TestServer.DEMO_PASSWORD, previous).status()).as("one step of drift")
                .isEqualTo(201);

        // A recovery code instead of a code: typed any way, once.
        Map<String, Object> withRecovery = Map.of("email", "trust@demo.local", "password", TestServer.DEMO_PASSWORD,
                "recoveryCode", recovery.get(0).toLowerCase().replace("-", " "));
        assertThat(login(OWNER_ADDRESS, withRecovery).status()).isEqualTo(201);
        assertThat(login(OWNER_ADDRESS, withRecovery).status()).as("a recovery code works once").isEqualTo(401);

        Map<String, Object> stored = server.app().database().read(h -> h.createQuery(
                "SELECT totp_secret_enc, totp_pending_enc FROM staff WHERE id = 'staff-demo-trust'").mapToMap().one());
        assertThat(String.valueOf(stored.get("totp_secret_enc"))).doesNotContain(secret);
        assertThat(stored.get("totp_pending_enc")).isNull();
        List<String> hashes = server.app().database().read(h -> h.createQuery(
                "SELECT code_hmac FROM staff_recovery_codes WHERE staff_id = 'staff-demo-trust'").mapTo(String.class)
                .list());
        assertThat(hashes).hasSize(9);
        recovery.forEach(r -> assertThat(String.join(",", hashes)).doesNotContain(r).doesNotContain(r.replace("-", "")));
    }

    @Test
    void guessingCodesLocksTheSecondFactorForATimeThatDoubles() {
        String secret = enrol(Journeys.staff(api, "trust@demo.local"));
        Totp totp = new Totp(server.clock());
        server.clock().advance(Duration.ofSeconds(30));
        String wrong = "000000".equals(totp.current(secret)) ? "111111" : "000000";
        assertThat(login("trust@demo.local", TestServer.DEMO_PASSWORD, null).status()).as("no code is no guess")
                .isEqualTo(401);
        for (int i = 0; i < SecondFactors.FREE_FAILURES; i++) {
            assertThat(login("trust@demo.local", TestServer.DEMO_PASSWORD, wrong).status()).isEqualTo(401);
        }
        long[] expectedSeconds = {60, 120, 240, 480};
        for (long seconds : expectedSeconds) {
            assertThat(login("trust@demo.local", TestServer.DEMO_PASSWORD, wrong).status()).isEqualTo(401);
            ApiResponse locked = login("trust@demo.local", TestServer.DEMO_PASSWORD, totp.current(secret));
            assertThat(locked.status()).as("locked even for the right code").isEqualTo(429);
            assertThat(Long.parseLong(locked.header("Retry-After"))).isEqualTo(seconds);
            assertThat(login("trust@demo.local", "a-wrong-password", wrong).status())
                    .as("without the password the lock is not even reached").isEqualTo(401);
            server.clock().advance(Duration.ofSeconds(seconds));
        }
        assertThat(login("trust@demo.local", TestServer.DEMO_PASSWORD, totp.current(secret)).status()).isEqualTo(201);
        assertThat(SecondFactors.lockMillis(100)).as("at most a day").isEqualTo(Duration.ofHours(24).toMillis());
    }

    @Test
    void aStrangerIsSlowedDownButCannotLockTheOwnerOut() {
        ApiResponse first = login(OWNER_ADDRESS, Map.of("email", "trust@demo.local", "password",
                TestServer.DEMO_PASSWORD));
        assertThat(first.status()).isEqualTo(201);
        String knownDevice = first.text("knownDeviceToken");
        assertThat(knownDevice).startsWith("gk_");

        Map<String, Object> guess = Map.of("email", "trust@demo.local", "password", "guess-guess-guess");
        List<Integer> stranger = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            stranger.add(login(STRANGER_ADDRESS, guess).status());
        }
        assertThat(stranger.subList(0, LoginThrottle.ACCOUNT.free() + 1)).containsOnly(401);
        assertThat(stranger).as("slowed down after the free tries").contains(429);
        assertThat(stranger.stream().filter(s -> s == 401).count()).isEqualTo(LoginThrottle.ACCOUNT.free() + 1);

        // The owner on their own device still gets in, and gets a new device token each time.
        ApiResponse owner = login(OWNER_ADDRESS, Map.of("email", "trust@demo.local", "password",
                TestServer.DEMO_PASSWORD, "knownDevice", knownDevice));
        assertThat(owner.status()).as(owner.toString()).isEqualTo(201);
        assertThat(owner.text("knownDeviceToken")).isNotEqualTo(knownDevice);
        assertThat(login(OWNER_ADDRESS, Map.of("email", "trust@demo.local", "password", TestServer.DEMO_PASSWORD,
                "knownDevice", knownDevice)).status()).as("a device token is replaced at use").isEqualTo(429);
        // Someone else's device token does not open the throttle either.
        String adminDevice = login(OWNER_ADDRESS, Map.of("email", "admin@demo.local", "password",
                TestServer.DEMO_PASSWORD)).text("knownDeviceToken");
        assertThat(login(OWNER_ADDRESS, Map.of("email", "trust@demo.local", "password", TestServer.DEMO_PASSWORD,
                "knownDevice", adminDevice)).status()).isEqualTo(429);

        // The window waited out, a right password from a new device works again and clears the account.
        server.clock().advance(Duration.ofHours(1));
        assertThat(login("trust@demo.local", TestServer.DEMO_PASSWORD, null).status()).isEqualTo(201);
        assertThat(login(STRANGER_ADDRESS, guess).status()).isEqualTo(401);
    }

    @Test
    void refusalWindowsDoublePerAccountAndPerAddress() {
        Map<String, Object> guess = Map.of("email", "coordinator@demo.local", "password", "guess-guess-guess");
        for (int i = 0; i < LoginThrottle.ACCOUNT.free(); i++) {
            assertThat(login(STRANGER_ADDRESS, guess).status()).isEqualTo(401);
        }
        for (long seconds : new long[] {2, 4, 8, 16}) {
            assertThat(login(STRANGER_ADDRESS, guess).status()).isEqualTo(401);
            ApiResponse refused = login(STRANGER_ADDRESS, guess);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(Long.parseLong(refused.header("Retry-After"))).isEqualTo(seconds);
            server.clock().advance(Duration.ofSeconds(seconds));
        }
        // One address trying many accounts: slowed after its free failures whatever the account.
        server.app().loginThrottle().reset();
        server.app().rateLimits().reset(); // the per-address rate (30 in 15 minutes) is not what this part is about
        for (int i = 0; i < LoginThrottle.ADDRESS.free(); i++) {
            assertThat(login(STRANGER_ADDRESS, Map.of("email", "user" + i + "@demo.local", "password", "x"))
                    .status()).isEqualTo(401);
        }
        assertThat(login(STRANGER_ADDRESS, Map.of("email", "another@demo.local", "password", "x")).status())
                .isEqualTo(401);
        ApiResponse refused = login(STRANGER_ADDRESS, Map.of("email", "trust@demo.local", "password",
                TestServer.DEMO_PASSWORD));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(login(OWNER_ADDRESS, Map.of("email", "trust@demo.local", "password", TestServer.DEMO_PASSWORD))
                .status()).as("another address is not held back").isEqualTo(201);
    }

    @Test
    void knownAndUnknownEmailsAreSlowedAlike() {
        List<List<Integer>> answers = new ArrayList<>();
        for (String email : new String[] {"trust@demo.local", "nobody@demo.local"}) {
            server.app().loginThrottle().reset();
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ApiResponse r = login(STRANGER_ADDRESS, Map.of("email", email, "password", "wrong-password-" + i));
                statuses.add(r.status());
                if (r.status() == 401) {
                    assertThat(r.text("code")).isEqualTo("login_failed");
                } else {
                    assertThat(r.header("Retry-After")).isNotNull();
                }
            }
            answers.add(statuses);
        }
        assertThat(answers.get(0)).isEqualTo(answers.get(1)).contains(429);
    }

    @Test
    void aPasswordHashedWithWeakerParametersIsRehashedAtLogIn() {
        String weak = Password.hash(TestServer.DEMO_PASSWORD).addRandomSalt(16)
                .with(Argon2Function.getInstance(4_096, 1, 1, 32, Argon2.ID)).getResult();
        server.app().database().writeVoid(h -> h.attach(StaffDao.class).setPassword("staff-demo-council", weak));
        assertThat(Passwords.needsRehash(weak)).isTrue();

        assertThat(login("council@demo.local", TestServer.DEMO_PASSWORD, null).status()).isEqualTo(201);
        String stored = server.app().database().read(h -> h.attach(StaffDao.class).byId("staff-demo-council"))
                .orElseThrow().passwordHash();
        assertThat(stored).isNotEqualTo(weak);
        assertThat(Argon2Function.getInstanceFromHash(stored).getMemory()).isEqualTo(19_456);
        assertThat(Passwords.needsRehash(stored)).isFalse();
        assertThat(login("council@demo.local", TestServer.DEMO_PASSWORD, null).status()).isEqualTo(201);
        assertThat(login("council@demo.local", "not-the-password", null).status()).isEqualTo(401);
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
