package nl.gehoord.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.gehoord.http.Role;
import nl.gehoord.http.Route;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.DatabaseState;
import nl.gehoord.testing.SpecValidator;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input corpus. Generated from the server's own route list (so every route, including ones added
 * later, is covered): no and bad credentials, wrong roles, path tricks in every path parameter, hostile bodies
 * for every route that takes one; plus hand-written requests at the HTTP level (overlong headers and URIs,
 * broken encodings, smuggling attempts, hostile Origin, X-Forwarded-For and Accept-Language). Every answer must
 * be a 4xx problem+json that echoes nothing back, the database must be exactly as before, and the logs of the
 * whole run (a full journey first, then the corpus) must hold none of the secrets or texts that were sent.
 */
class HostileCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z0-9_]+)}");
    /** Room for the corpus from one address; the limits themselves are tested in RateLimitTest. */
    static final Map<String, String> ROOMY = new HashMap<>();

    static {
        for (String name : nl.gehoord.config.RateLimitSettings.DEFAULTS.keySet()) {
            ROOMY.put(nl.gehoord.config.RateLimitSettings.variable(name), "1000000/1h");
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

    private record Hostile(String name, String method, String path, Map<String, String> headers, byte[] body,
                           byte[] socketBytes, Integer expected) {
    }

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
        List<Hostile> corpus = new ArrayList<>(generated(server.app().routes()));
        corpus.addAll(handWritten());
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);

        String before = DatabaseState.fingerprint(server.app().database());
        List<String> problems = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (Hostile h : corpus) {
            RawHttp.Answer answer = h.socketBytes() != null ? raw.socket(h.socketBytes())
                    : raw.send(h.method(), h.path(), h.headers(), h.body());
            statuses.merge(answer.status(), 1, Integer::sum);
            String problem = judge(h, answer);
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

        assertLogsHoldNone(SENT);
    }

    /** Null when the answer keeps every rule; otherwise what is wrong. */
    private static String judge(Hostile h, RawHttp.Answer a) {
        if (a.status() >= 500) {
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

    // ---- the generated part: every route ----

    private static List<Hostile> generated(List<Route> routes) {
        List<Hostile> out = new ArrayList<>();
        for (Route route : routes) {
            String method = route.method().name();
            String notFound = fill(route.path(), null, null);
            if (!route.isPublic()) {
                for (Map.Entry<String, String> bad : badCredentials().entrySet()) {
                    out.add(new Hostile(method + " " + route.path() + " with " + bad.getKey(), method, notFound,
                            bad.getValue() == null ? Map.of() : Map.of("Authorization", bad.getValue()),
                            null, null, 401));
                }
                for (Role role : List.of(Role.DEVICE, Role.TRUST_PERSON, Role.COORDINATOR, Role.COUNCIL, Role.ADMIN)) {
                    if (!route.roles().contains(role)) {
                        out.add(new Hostile(method + " " + route.path() + " as " + role, method, notFound,
                                auth(role), null, null, 403));
                    }
                }
            }
            Map<String, String> allowed = route.isPublic() ? Map.of() : auth(firstAllowed(route));
            Matcher params = PARAM.matcher(route.path());
            while (params.find()) {
                String param = params.group(1);
                for (String trick : pathTricks(param, route)) {
                    String path = fill(route.path(), param, trick);
                    String name = method + " " + route.path() + " with " + param + "=" + abbreviate(trick);
                    if (isValidUri(path)) {
                        out.add(new Hostile(name, method, path, allowed, null, null, null));
                    } else {
                        out.add(new Hostile(name, method, path, allowed, null, requestLine(method, path, allowed), null));
                    }
                }
            }
            if (route.method() == HandlerType.POST || route.method() == HandlerType.PUT
                    || route.method() == HandlerType.PATCH) {
                for (Map.Entry<String, byte[]> body : hostileBodies().entrySet()) {
                    Map<String, String> headers = new LinkedHashMap<>(allowed);
                    headers.put("Content-Type", body.getKey().startsWith("text:") ? "text/plain"
                            : body.getKey().startsWith("xml:") ? "application/xml" : "application/json");
                    headers.put("Idempotency-Key", "hostile-" + UUID.randomUUID());
                    out.add(new Hostile(method + " " + route.path() + " with body " + body.getKey(), method,
                            notFound, headers, body.getValue(), null, null));
                }
            }
        }
        return out;
    }

    private static Role firstAllowed(Route route) {
        for (Role role : List.of(Role.DEVICE, Role.TRUST_PERSON, Role.COORDINATOR, Role.COUNCIL, Role.ADMIN)) {
            if (route.roles().contains(role)) {
                return role;
            }
        }
        throw new IllegalStateException("no role");
    }

    private static Map<String, String> auth(Role role) {
        return Map.of("Authorization", "Bearer " + TOKENS.get(role));
    }

    /** The path with every parameter an id that exists nowhere, and {@code param} replaced by {@code value}. */
    private static String fill(String template, String param, String value) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(1).equals(param) ? value : UUID.randomUUID().toString();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, String> badCredentials() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("no token", null);
        bad.put("unknown device token", "Bearer gd_" + MARK + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        bad.put("unknown staff token", "Bearer gs_" + MARK + "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB");
        bad.put("logged-out staff token", "Bearer " + loggedOutStaffToken);
        bad.put("overlong token", "Bearer gd_" + "x".repeat(5000));
        bad.put("sql in token", "Bearer ' OR 1=1 --" + MARK);
        bad.put("basic auth", "Basic " + Base64.getEncoder().encodeToString(("admin:" + MARK).getBytes(StandardCharsets.UTF_8)));
        bad.put("empty bearer", "Bearer ");
        bad.put("token without scheme", TOKENS.get(Role.DEVICE));
        return bad;
    }

    private static List<String> pathTricks(String param, Route route) {
        List<String> tricks = new ArrayList<>(List.of(
                "..%2F..%2F..%2Fetc%2Fpasswd",
                "%2e%2e",
                "..;" + MARK,
                "%00" + MARK,
                "%27%20OR%20%271%27%3D%271" + MARK,
                "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "a".repeat(300),
                "%F0%9F%92%A9",
                "1%3BDROP%20TABLE%20cases",
                "-1",
                "99999999999999999999999999999999",
                "%C0%AE%C0%AE",
                "%D8%B9%D8%B1%D8%A8%D9%8A%E2%80%AE" + MARK,
                "%ZZ" + MARK,
                "%25" + MARK,
                MARK));
        if (param.equals("caseId") && route.roles().contains(Role.DEVICE)) {
            tricks.add(otherDevicesCase);
        }
        return tricks;
    }

    private static Map<String, byte[]> hostileBodies() {
        Map<String, byte[]> b = new LinkedHashMap<>();
        b.put("truncated", ("{\"text\": \"" + MARK).getBytes(StandardCharsets.UTF_8));
        b.put("array", "[]".getBytes(StandardCharsets.UTF_8));
        b.put("string", ("\"" + MARK + "\"").getBytes(StandardCharsets.UTF_8));
        b.put("null", "null".getBytes(StandardCharsets.UTF_8));
        b.put("boolean", "true".getBytes(StandardCharsets.UTF_8));
        b.put("huge number", "1234567890123456789012345678901234567890123456789012345678901234567890"
                .getBytes(StandardCharsets.UTF_8));
        b.put("huge exponent", "{\"score\": 1e999999999}".getBytes(StandardCharsets.UTF_8));
        b.put("huge integer field", "{\"score\": 99999999999999999999999999999}".getBytes(StandardCharsets.UTF_8));
        b.put("NaN", "{\"score\": NaN}".getBytes(StandardCharsets.UTF_8));
        b.put("deep arrays", ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8));
        b.put("deep objects", ("{\"a\":".repeat(200) + "1" + "}".repeat(200)).getBytes(StandardCharsets.UTF_8));
        b.put("overlong string", ("{\"text\": \"" + MARK + "x".repeat(30_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        b.put("control characters", ("{\"text\": \"\\u0000\\u0007\\u001b[31m" + MARK + "\"}").getBytes(StandardCharsets.UTF_8));
        byte[] prefix = "{\"text\": \"".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = (MARK + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[prefix.length + 3 + suffix.length];
        System.arraycopy(prefix, 0, broken, 0, prefix.length);
        broken[prefix.length] = (byte) 0xff;
        broken[prefix.length + 1] = (byte) 0xfe;
        broken[prefix.length + 2] = (byte) 0xc0;
        System.arraycopy(suffix, 0, broken, prefix.length + 3, suffix.length);
        b.put("invalid utf-8", broken);
        b.put("duplicate keys", ("{\"text\": \"a\", \"text\": \"" + MARK + "\"}").getBytes(StandardCharsets.UTF_8));
        b.put("trailing data", ("{} " + MARK).getBytes(StandardCharsets.UTF_8));
        b.put("unknown field", ("{\"" + MARK + "\": 1}").getBytes(StandardCharsets.UTF_8));
        b.put("sql injection", ("{\"email\": \"' OR 1=1 -- " + MARK + "\", \"password\": \"' OR ''='\", "
                + "\"caseCode\": \"'; DROP TABLE cases; --\", \"platform\": \"android' --\", \"locale\": \"nl\"}")
                .getBytes(StandardCharsets.UTF_8));
        b.put("script injection", ("{\"text\": \"<script>alert('" + MARK + "')</script>\", "
                + "\"caseCode\": \"<img src=x onerror=alert(1)>\", \"platform\": \"<svg/onload=alert(1)>\"}")
                .getBytes(StandardCharsets.UTF_8));
        b.put("mixed scripts", ("{\"text\": \"\u0405QL \u00dcn\u00efc\u00f6d\u00e9 \u0627\u0644\u0639\u0631\u0628\u064a\u0629 "
                + "\u4e2d\u6587 \u202e" + MARK + "\", \"locale\": \"ar-\u2167\", \"platform\": \"\u0430ndroid\"}")
                .getBytes(StandardCharsets.UTF_8));
        b.put("wrong types", ("{\"platform\": 12, \"locale\": true, \"text\": [\"" + MARK + "\"], \"score\": \"5\", "
                + "\"caseCode\": {}, \"email\": 1, \"kind\": [], \"available\": \"yes\"}").getBytes(StandardCharsets.UTF_8));
        b.put("float for integer", "{\"score\": 4.5, \"text\": 3.14}".getBytes(StandardCharsets.UTF_8));
        b.put("empty", new byte[0]);
        b.put("text:plain", MARK.getBytes(StandardCharsets.UTF_8));
        b.put("xml:bomb", ("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"" + MARK + "\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">]><lolz>&lol2;</lolz>").getBytes(StandardCharsets.UTF_8));
        b.put("too large", ("{\"text\": \"" + MARK + "y".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        b.put("many keys", ("{" + String.join(",", java.util.stream.IntStream.range(0, 3000)
                .mapToObj(i -> "\"k" + i + "\":" + i).toList()) + "}").getBytes(StandardCharsets.UTF_8));
        return b;
    }

    // ---- the hand-written part: below the routes ----

    private static List<Hostile> handWritten() {
        List<Hostile> out = new ArrayList<>();
        Map<String, String> device = auth(Role.DEVICE);
        out.add(new Hostile("overlong header", "GET", "/v1/flow", Map.of("X-Filler", MARK + "h".repeat(70_000)),
                null, null, 431));
        out.add(new Hostile("many headers", null, null, null, null, socket("GET /v1/flow HTTP/1.1\r\nHost: x\r\n"
                + "X-A: " + "b".repeat(500) + "\r\n".repeat(1)
                + "X-Many: 1\r\n".repeat(2000) + "Connection: close\r\n\r\n"), 431));
        out.add(new Hostile("overlong uri", "GET", "/v1/cases/" + "u".repeat(70_000), device, null, null, null));
        out.add(new Hostile("bad percent encoding", null, null, null, null,
                socket("GET /v1/%zz" + MARK + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400));
        out.add(new Hostile("raw bytes in request line", null, null, null, null,
                socketBytes("GET /v1/\u00ff\u00fe" + MARK + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), null));
        out.add(new Hostile("encoded slash traversal", null, null, null, null,
                socket("GET /v1/cases/..%2f..%2fhealth HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), null));
        out.add(new Hostile("dot segments", null, null, null, null,
                socket("GET /v1/cases/../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), null));
        out.add(new Hostile("negative content length", null, null, null, null,
                socket("POST /v1/devices HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: -5\r\nConnection: close\r\n\r\n{}"), 400));
        out.add(new Hostile("smuggling: chunked and length", null, null, null, null,
                socket("POST /v1/devices HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                        + "0\r\n\r\nGET /v1/flow HTTP/1.1\r\nHost: x\r\n\r\n"), 400));
        out.add(new Hostile("bare line feed in header", null, null, null, null,
                socket("GET /v1/flow HTTP/1.1\r\nHost: x\r\nX-Evil: a\rb" + MARK + "\r\nConnection: close\r\n\r\n"),
                400));
        out.add(new Hostile("no host on HTTP/1.1", null, null, null, null,
                socket("GET /health HTTP/1.1\r\nConnection: close\r\n\r\n"), 400));
        out.add(new Hostile("unknown method", null, null, null, null,
                socket("FROB /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), null));
        out.add(new Hostile("TRACE", "TRACE", "/health", Map.of(), null, null, null));
        out.add(new Hostile("PATCH on a case", "PATCH", "/v1/cases/" + ownCase, device,
                "{}".getBytes(StandardCharsets.UTF_8), null, null));
        out.add(new Hostile("unknown path", "GET", "/v1/" + MARK, Map.of(), null, null, 404));
        out.add(new Hostile("admin probing", "GET", "/admin/../../.env", Map.of(), null, null, null));
        out.add(new Hostile("hostile origin", "GET", "/v1/cases", Map.of("Authorization", device.get("Authorization"),
                "Origin", "https://" + MARK + ".example"), null, null, 403));
        out.add(new Hostile("null origin", "GET", "/v1/devices/me", Map.of("Authorization",
                device.get("Authorization"), "Origin", "null"), null, null, 403));
        out.add(new Hostile("spoofed forwarded-for with garbage", "POST", "/v1/cases/claim",
                Map.of("Authorization", device.get("Authorization"), "Content-Type", "application/json",
                        "X-Forwarded-For", "1.2.3.4, ' OR 1=1 --" + MARK),
                ("{\"caseCode\": \"" + MARK + "\"}").getBytes(StandardCharsets.UTF_8), null, 404));
        out.add(new Hostile("wrong case code", "POST", "/v1/cases/claim",
                Map.of("Authorization", device.get("Authorization"), "Content-Type", "application/json"),
                "{\"caseCode\": \"AAAAA-AAAAA-AAAAA\"}".getBytes(StandardCharsets.UTF_8), null, 404));
        out.add(new Hostile("hostile accept-language", "GET", "/v1/cases", Map.of("Accept-Language",
                "' OR 1=1, <script>" + MARK + ";q=9999999999999999999"), null, null, 401));
        out.add(new Hostile("hostile request id", "GET", "/v1/cases", Map.of("X-Request-Id",
                "<script>" + MARK + "</script>"), null, null, 401));
        out.add(new Hostile("messages after negative", "GET", "/v1/cases/" + ownCase + "/messages?after=-1",
                device, null, null, 422));
        out.add(new Hostile("messages after huge", "GET", "/v1/cases/" + ownCase
                + "/messages?after=99999999999999999999", device, null, null, 422));
        out.add(new Hostile("messages after injection", "GET", "/v1/cases/" + ownCase
                + "/messages?after=1%20OR%201%3D1" + MARK, device, null, null, 422));
        out.add(new Hostile("idempotency key with injection", "POST", "/v1/cases", Map.of("Authorization",
                device.get("Authorization"), "Content-Type", "application/json", "Idempotency-Key",
                "'; DROP TABLE cases; --" + MARK), "{}".getBytes(StandardCharsets.UTF_8), null, 400));
        out.add(new Hostile("overlong idempotency key", "POST", "/v1/cases", Map.of("Authorization",
                device.get("Authorization"), "Content-Type", "application/json", "Idempotency-Key",
                "k".repeat(5000)), "{}".getBytes(StandardCharsets.UTF_8), null, 400));
        out.add(new Hostile("case with danger words but bad region", "POST", "/v1/cases", Map.of("Authorization",
                device.get("Authorization"), "Content-Type", "application/json", "Idempotency-Key", "k-" + RUN),
                ("{\"kind\":\"unsafe\",\"answers\":{},\"story\":\"ik wil dood " + MARK + "\",\"region\":\"../"
                        + "etc\",\"setting\":\"residential\",\"contactPreference\":\"app_message\"}")
                        .getBytes(StandardCharsets.UTF_8), null, 422));
        return out;
    }

    private static byte[] socket(String request) {
        return request.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] socketBytes(String request) {
        return request.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] requestLine(String method, String path, Map<String, String> headers) {
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: x\r\n");
        headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
        request.append("Connection: close\r\n\r\n");
        return request.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isValidUri(String path) {
        try {
            java.net.URI.create("http://127.0.0.1" + path);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    /** Every line of the test log is JSON, and no line holds anything that was sent. */
    static void assertLogsHoldNone(List<String> secrets) throws IOException {
        Path log = Path.of("target/test-logs/gehoord-test.log");
        assertThat(log).exists();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(lines).isNotEmpty();
        int withRequestId = 0;
        for (String line : lines) {
            JsonNode entry = JSON.readTree(line);
            assertThat(entry.isObject()).as(line).isTrue();
            if (entry.path("mdc").has("requestId")) {
                withRequestId++;
            }
            StringBuilder decoded = new StringBuilder();
            collectText(entry, decoded);
            for (String secret : secrets) {
                assertThat(line.contains(secret) || decoded.toString().contains(secret))
                        .as("the log holds '%s': %s", secret, abbreviate(line)).isFalse();
            }
        }
        assertThat(withRequestId).as("access lines carry the request id").isPositive();
    }

    private static void collectText(JsonNode node, StringBuilder out) {
        if (node.isTextual()) {
            out.append(node.asText()).append('\n');
        }
        node.forEach(child -> collectText(child, out));
        node.fieldNames().forEachRemaining(name -> out.append(name).append('\n'));
    }
}
