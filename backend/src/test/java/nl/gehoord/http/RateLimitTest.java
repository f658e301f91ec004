package nl.gehoord.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nl.gehoord.config.RateLimitSettings;
import nl.gehoord.config.RateRule;
import nl.gehoord.testing.SpecValidator;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The rate-limit policy through real HTTP: per device, per address, per account and for everyone together. */
class RateLimitTest {
    /**
     * One server for the tests whose tight limits touch different actions (claims per device, cases and messages
     * per device, accepted invitations per address), with every bucket emptied before each test.
     */
    @RegisterExtension
    static final SharedServer TIGHT = new SharedServer(Map.of("GEHOORD_RATE_LIMIT_CLAIM_DEVICE", "3/1h",
            "GEHOORD_RATE_LIMIT_CASE_DEVICE", "2/1h", "GEHOORD_RATE_LIMIT_MESSAGE_DEVICE", "2/1h",
            "GEHOORD_RATE_LIMIT_INVITATION_ADDRESS", "2/1h"));

    private static ApiResponse claim(ApiClient device) {
        return device.post("/v1/cases/claim", Map.of("caseCode", "AAAAA-AAAAA-AAAAA"));
    }

    private static void assertRateLimited(ApiResponse response, long retryAfterAtLeast, long retryAfterAtMost) {
        assertThat(response.status()).as(response.toString()).isEqualTo(429);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("code")).isEqualTo("rate_limited");
        assertThat(response.text("detail")).isNotBlank();
        long retryAfter = Long.parseLong(response.header("Retry-After"));
        assertThat(retryAfter).isBetween(retryAfterAtLeast, retryAfterAtMost);
    }

    @Test
    void theLimitedRoutesAreDeclaredOnTheRouteAndEachHasItsLimitsAndTheDocumentedNumbers() throws Exception {
        try (TestServer server = TestServer.start()) {
            Map<String, Limited> limited = new TreeMap<>();
            server.app().routes().forEach(r -> r.limit().ifPresent(l -> limited.put(r.method() + " " + r.path(), l)));
            assertThat(limited).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "POST /v1/devices", Limited.REGISTER,
                    "POST /v1/cases", Limited.CASE,
                    "POST /v1/cases/{caseId}/messages", Limited.MESSAGE,
                    "POST /v1/cases/claim", Limited.CLAIM,
                    "POST /v1/staff/session", Limited.LOGIN,
                    "POST /v1/staff/invitations/accept", Limited.INVITATION));
            // The staff pages' log-in counts against the same limits as the API's.
            Map<String, Limited> limitedPages = new TreeMap<>();
            server.app().pageRoutes().forEach(r -> r.limit().ifPresent(l -> limitedPages.put(r.method() + " " + r.path(), l)));
            assertThat(limitedPages).containsExactlyInAnyOrderEntriesOf(Map.of("POST /web/login", Limited.LOGIN));
            for (Limited action : Limited.values()) {
                assertThat(server.settings().rateLimits().keySet()).anyMatch(n -> n.startsWith(action.action() + "."));
            }
            // What the contract says at each limited operation is what the code does by default.
            JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(SpecValidator.specPath().toFile()).path("paths");
            for (var route : limited.entrySet()) {
                String[] methodAndPath = route.getKey().split(" ");
                String description = paths.path(methodAndPath[1]).path(methodAndPath[0].toLowerCase(Locale.ROOT))
                        .path("description").asText();
                Map<String, RateRule> documented = RateLimitDocs.inSpec(route.getValue().action(), description);
                assertThat(documented).as(route.getKey() + " documents its limits").isNotEmpty();
                assertThat(RateLimitSettings.DEFAULTS).as(route.getKey()).containsAllEntriesOf(documented);
            }
            // docs/security.md lists every default.
            Path security = SpecValidator.specPath().getParent().resolveSibling("docs").resolve("security.md");
            assertThat(RateLimitDocs.inSecurityTable(Files.readString(security)))
                    .containsExactlyInAnyOrderEntriesOf(RateLimitSettings.DEFAULTS);
        }
    }

    @Test
    void claimAttemptsAreLimitedPerDeviceWithRetryAfterAndComeBackAfterTheWait() {
        TestServer server = TIGHT.server();
        ApiClient device = Journeys.newDevice(server.client());
        for (int i = 0; i < 3; i++) {
            assertThat(claim(device).status()).isEqualTo(404);
        }
        ApiResponse refused = claim(device.english());
        assertRateLimited(refused, 1190, 1200);
        assertThat(refused.text("title")).isEqualTo("Please wait");
        // Another device is not affected.
        assertThat(claim(Journeys.newDevice(server.client())).status()).isEqualTo(404);

        server.clock().advance(Duration.ofMinutes(20));
        assertThat(claim(device).status()).isEqualTo(404);
        assertThat(claim(device).status()).isEqualTo(429);
    }

    @Test
    void claimAttemptsAreLimitedForEveryoneTogether() {
        try (TestServer server = TestServer.start(Map.of("GEHOORD_RATE_LIMIT_CLAIM_GLOBAL", "4/1h"))) {
            for (int i = 0; i < 4; i++) {
                assertThat(claim(Journeys.newDevice(server.client())).status()).isEqualTo(404);
            }
            assertRateLimited(claim(Journeys.newDevice(server.client())), 1, 900);
        }
    }

    @Test
    void caseCreationAndMessagesAreLimitedPerDevice() {
        TestServer server = TIGHT.server();
        ApiClient device = Journeys.newDevice(server.client());
        String caseId = Journeys.submitCase(device, "Eerste.");
        Journeys.submitCase(device, "Tweede.");
        assertRateLimited(device.header("Idempotency-Key", "third-case-key").post("/v1/cases",
                Journeys.complaint("Derde.")), 1, 1800);
        assertThat(device.post("/v1/cases/" + caseId + "/messages", Map.of("text", "een")).status()).isEqualTo(201);
        assertThat(device.post("/v1/cases/" + caseId + "/messages", Map.of("text", "twee")).status()).isEqualTo(201);
        assertRateLimited(device.post("/v1/cases/" + caseId + "/messages", Map.of("text", "drie")), 1, 1800);
        int stored = server.app().database().read(h -> h.createQuery("SELECT COUNT(*) FROM cases")
                .mapTo(Integer.class).one());
        assertThat(stored).isEqualTo(2);
    }

    @Test
    void registrationIsLimitedPerAddressAndForwardedForCountsOnlyFromATrustedProxy() {
        Map<String, String> env = new HashMap<>(Map.of("GEHOORD_RATE_LIMIT_REGISTER_ADDRESS", "2/1h"));
        Map<String, Object> body = Map.of("platform", "android", "locale", "nl");
        try (TestServer server = TestServer.start(env)) {
            // No trusted proxy: the header is the client's own claim and is ignored.
            ApiClient client = server.client();
            assertThat(client.header("X-Forwarded-For", "203.0.113.1").post("/v1/devices", body).status()).isEqualTo(201);
            assertThat(client.header("X-Forwarded-For", "203.0.113.2").post("/v1/devices", body).status()).isEqualTo(201);
            assertRateLimited(client.header("X-Forwarded-For", "203.0.113.3").post("/v1/devices", body), 1, 1800);
        }
        env.put("GEHOORD_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8");
        try (TestServer server = TestServer.start(env)) {
            ApiClient viaProxy = server.client().header("X-Forwarded-For", "203.0.113.5, 10.1.2.3");
            assertThat(viaProxy.post("/v1/devices", body).status()).isEqualTo(201);
            assertThat(viaProxy.post("/v1/devices", body).status()).isEqualTo(201);
            assertRateLimited(viaProxy.post("/v1/devices", body), 1, 1800);
            // Another young person behind the same proxy has their own allowance.
            assertThat(server.client().header("X-Forwarded-For", "203.0.113.6").post("/v1/devices", body).status())
                    .isEqualTo(201);
        }
    }

    @Test
    void acceptingInvitationsIsLimitedPerAddress() {
        TestServer server = TIGHT.server();
        ApiClient client = server.client();
        Map<String, Object> guess = Map.of("token", "gi_" + "a".repeat(43), "password", "a-long-enough-password");
        assertThat(client.post("/v1/staff/invitations/accept", guess).status()).isEqualTo(404);
        assertThat(client.post("/v1/staff/invitations/accept", guess).status()).isEqualTo(404);
        assertRateLimited(client.post("/v1/staff/invitations/accept", guess), 1, 1800);
        assertThat(client.header("X-Forwarded-For", "203.0.113.9").post("/v1/staff/invitations/accept", guess)
                .status()).as("the forwarded header is not trusted without a proxy").isEqualTo(429);
    }
}
