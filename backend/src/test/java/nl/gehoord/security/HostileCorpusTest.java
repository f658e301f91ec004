package nl.gehoord.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.gehoord.config.RateLimitSettings;
import nl.gehoord.demo.DemoData;
import nl.gehoord.http.Role;
import nl.gehoord.http.Route;
import nl.gehoord.security.HostileCorpus.Hostile;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.DatabaseState;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.OtherOrganisation;
import nl.gehoord.testing.SpecValidator;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the hostile-input corpus (HostileCorpus: generated from every route, plus hand-written requests) after a
 * full journey. Every answer must be a 4xx problem+json that the contract describes and that echoes nothing
 * back, the database must be exactly as before, and the logs of the whole run must hold none of the secrets or
 * texts that were sent.
 */
class HostileCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Room for the corpus from one address; the limits themselves are tested in RateLimitTest. */
    static final Map<String, String> ROOMY = new HashMap<>();

    static {
        for (String name : RateLimitSettings.DEFAULTS.keySet()) {
            ROOMY.put(RateLimitSettings.variable(name), "1000000/1h");
        }
    }

    private static TestServer server;
    private static RawHttp raw;
    private static final String RUN = Long.toHexString(System.nanoTime());
    private static final String MARK = "Vijandig" + RUN;
    /** Everything secret or typed that was sent; none of it may come back in a refusal or reach the logs. */
    private static final List<String> SENT = new ArrayList<>();
    private static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);
    private static String ownCase;
    private static String otherDevicesCase;
    private static String loggedOutStaffToken;
    private static OtherOrganisation other;

    @BeforeAll
    static void fullJourneyFirst() {
        server = TestServer.start(ROOMY);
        raw = new RawHttp(server.app().port());
        ApiClient api = server.client();
        String pushToken = "push" + RUN + "token";
        ApiResponse registered = api.post("/v1/devices", Map.of("platform", "android", "locale", "nl",
                "pushToken", pushToken));
        String deviceToken = registered.text("deviceToken");
        ApiClient phone = api.as(deviceToken);
        Map<String, Object> body = Journeys.complaint("Verhaal" + RUN + " de leiding pakte mijn telefoon af");
        body.put("about", Map.of("locationId", "loc-utr-linde", "text", "Over" + RUN + " groep"));
        body.put("contact", Map.of("name", "Naam" + RUN, "phone", "06 9876 5432", "bestTime", "Tijd" + RUN));
        String idempotencyKey = "sleutel-" + RUN;
        ApiResponse created = phone.header("Idempotency-Key", idempotencyKey).post("/v1/cases", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        ownCase = created.text("caseId");
        String code = created.text("caseCode");
        assertThat(phone.post("/v1/cases/" + ownCase + "/messages", Map.of("text", "Bericht" + RUN)).status())
                .isEqualTo(201);
        String secondToken = api.post("/v1/devices", Map.of("platform", "ios", "locale", "en")).text("deviceToken");
        ApiClient secondPhone = api.as(secondToken);
        assertThat(secondPhone.post("/v1/cases/claim", Map.of("caseCode", code.toLowerCase())).status()).isEqualTo(200);
        assertThat(secondPhone.get("/v1/cases/" + ownCase).status()).isEqualTo(200);
        String otherToken = api.post("/v1/devices", Map.of("platform", "web", "locale", "nl")).text("deviceToken");
        otherDevicesCase = Journeys.submitCase(api.as(otherToken), "Ander" + RUN + " verhaal");
        String feedbackCase = Journeys.submitCase(phone, "Derde" + RUN + " verhaal");
        assertThat(phone.post("/v1/cases/" + feedbackCase + "/withdraw", Map.of()).status()).isEqualTo(200);
        assertThat(phone.post("/v1/cases/" + feedbackCase + "/feedback", Map.of("score", 4, "text", "Mening" + RUN))
                .status()).isEqualTo(201);
        assertThat(phone.get("/v1/cases/" + ownCase + "/export").status()).isEqualTo(200);

        TOKENS.put(Role.DEVICE, deviceToken);
        Map<Role, String> emails = Map.of(Role.TRUST_PERSON, "trust@demo.local", Role.COORDINATOR,
                "coordinator@demo.local", Role.COUNCIL, "council@demo.local", Role.ADMIN, "admin@demo.local");
        emails.forEach((role, email) -> {
            ApiResponse session = api.post("/v1/staff/session", Map.of("email", email, "password",
                    TestServer.DEMO_PASSWORD));
            assertThat(session.status()).as(session.toString()).isEqualTo(201);
            TOKENS.put(role, session.text("token"));
        });
        ApiResponse extra = api.post("/v1/staff/session", Map.of("email", "trust@demo.local", "password",
                TestServer.DEMO_PASSWORD));
        loggedOutStaffToken = extra.text("token");
        assertThat(api.as(loggedOutStaffToken).delete("/v1/staff/session").status()).isEqualTo(204);

        other = OtherOrganisation.create(server);

        SENT.addAll(List.of(deviceToken, secondToken, otherToken, pushToken, code, code.replace("-", ""),
                "Verhaal" + RUN, "Over" + RUN, "Naam" + RUN, "06 9876 5432", "Tijd" + RUN, "Bericht" + RUN,
                "Ander" + RUN, "Derde" + RUN, "Mening" + RUN, idempotencyKey, TestServer.DEMO_PASSWORD,
                loggedOutStaffToken, "trust@demo.local", "admin@demo.local", MARK));
        SENT.addAll(TOKENS.values());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyHostileRequestGetsAPlainRefusalAndChangesNothingAndTheLogsHoldNoSecret() throws IOException {
        HostileCorpus hostile = new HostileCorpus(MARK, RUN, TOKENS, loggedOutStaffToken, ownCase, otherDevicesCase,
                new SpecBodies(SpecValidator.specPath()));
        SpecBodies specBodies = new SpecBodies(SpecValidator.specPath());
        List<Route> routes = server.app().routes();
        List<Hostile> corpus = new ArrayList<>(hostile.generated(routes));
        corpus.addAll(hostile.handWritten());
        corpus.addAll(new FramingCorpus(ownCase, TOKENS.get(Role.DEVICE), MARK).all());
        corpus.addAll(new EncodingCorpus(hostile, MARK).all(routes));
        corpus.addAll(new HeaderCorpus(hostile, MARK, ownCase).all(routes));
        corpus.addAll(new OtherPartyCorpus(hostile, specBodies, otherDevicesCase, Map.of(
                "caseId", other.caseId, "replyId", other.replyId, "organisationId", OtherOrganisation.ID,
                "staffId", OtherOrganisation.TRUST_PERSON, "teamId", OtherOrganisation.TEAM,
                "ruleId", OtherOrganisation.RULE, "locationId", OtherOrganisation.LOCATION), Map.of(
                "caseId", ownCase, "replyId", "canned-demo-hello", "organisationId", DemoData.ORGANISATION_ID,
                "staffId", "staff-demo-trust", "ruleId", "rule-demo-default", "locationId", "loc-utr-linde"))
                .all(routes));
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(2000);

        String before = DatabaseState.fingerprint(server.app().database());
        int logMark = LogScan.lineCount();
        List<String> problems = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (Hostile h : corpus) {
            RawHttp.Answer answer = h.socketBytes() != null ? raw.socket(h.socketBytes())
                    : raw.send(h.method(), h.path(), h.headers(), h.body());
            statuses.merge(answer.status(), 1, Integer::sum);
            String problem;
            if (h.plain() != null) {
                RawHttp.Answer plain = raw.send(h.method(), h.path(), h.plain().headers(), h.plain().body());
                problem = answer.status() != plain.status() ? "answered " + answer.status() + " where the plain "
                        + "request gets " + plain.status() : answer.status() < 400 ? null : judge(h, answer);
            } else {
                problem = judge(h, answer);
            }
            if (problem != null) {
                problems.add(h.name() + " -> " + problem);
            }
        }
        System.out.printf("hostile corpus: %d requests, answers by status %s%n", corpus.size(), statuses);
        assertThat(problems).as("refusals that break the rules").isEmpty();
        assertThat(DatabaseState.fingerprint(server.app().database())).as("database checksum").isEqualTo(before);

        // The server still works for the real user.
        ApiResponse still = server.client().as(TOKENS.get(Role.DEVICE)).get("/v1/cases/" + ownCase);
        assertThat(still.status()).isEqualTo(200);

        LogScan.assertLogsHoldNone(SENT);
        LogScan.assertNoErrorsSince(logMark);
    }

    /** Null when the answer keeps every rule; otherwise what is wrong. */
    private static String judge(Hostile h, RawHttp.Answer a) {
        if (h.expected() != null && h.expected() < 400) {
            return a.status() == h.expected() ? null : "expected " + h.expected() + " but got " + a.status();
        }
        boolean versionRefused = a.status() == 505 && h.expected() != null && h.expected() == 505
                && a.body().contains("\"code\":\"http_version_not_supported\"");
        if (a.status() >= 500 && !versionRefused) {
            return "server error " + a.status() + " " + a.body();
        }
        if (a.status() < 400) {
            return "accepted with " + a.status() + " " + a.body();
        }
        if (h.expected() != null && a.status() != h.expected()) {
            return "expected " + h.expected() + " but got " + a.status() + " " + a.body();
        }
        if (a.status() == 413 && !"close".equalsIgnoreCase(a.header("Connection"))) {
            return "413 without Connection: close, so a client would reuse a connection the server drops";
        }
        String type = a.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return "content type " + type + " with " + a.status() + " " + a.headers() + " " + a.body();
        }
        try {
            JsonNode body = JSON.readTree(a.body());
            if (body.path("status").asInt() != a.status() || body.path("code").asText().isEmpty()
                    || body.path("title").asText().isEmpty() || body.path("detail").asText().isEmpty()
                    || !body.path("type").asText().startsWith("urn:gehoord:problem:")) {
                return "not a complete problem: " + a.body();
            }
        } catch (IOException e) {
            return "body is not JSON: " + a.body();
        }
        String lower = a.body().toLowerCase();
        for (String leak : List.of("exception", "sqlite", "select ", "jdbc", "at nl.", "at org.", "jetty", "<script")) {
            if (lower.contains(leak)) {
                return "leaks '" + leak + "': " + a.body();
            }
        }
        // The one thing a refusal may repeat is the name of an unknown JSON field (letters, digits and a few
        // signs only, at most 80 characters: see http/Bodies), so the app's developer can find it.
        String withoutFieldNames = a.body().replaceAll("\\{\"field\":\"[A-Za-z0-9_.\\[\\]?-]{1,80}\",\"code\":\"unknown_field\"",
                "{\"code\":\"unknown_field\"");
        if (h.socketBytes() == null) {
            String contract = againstContract(h, a);
            if (contract != null) {
                return contract;
            }
        }
        for (String secret : SENT) {
            if (withoutFieldNames.contains(secret) || a.headers().values().stream().anyMatch(v -> v.contains(secret))) {
                return "echoes something that was sent: " + a.body();
            }
        }
        return null;
    }

    /**
     * Where the request's path is one of the contract's, the refusal must be one the contract describes too.
     * Paths that match no path of the contract (tricks that never reach a route) are judged by the rules above.
     */
    private static String againstContract(Hostile h, RawHttp.Answer a) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        a.headers().forEach((k, v) -> headers.put(k, List.of(v)));
        ApiResponse response = new ApiResponse(a.status(), java.net.http.HttpHeaders.of(headers, (k, v) -> true),
                a.body());
        try {
            SpecValidator.check(h.method(), h.path(), response);
            return null;
        } catch (AssertionError e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("No API path found") || message.contains("does not allow")
                    && message.contains("validation.request.operation.notAllowed")) {
                return null;
            }
            return "breaks the contract: " + message;
        }
    }

}
