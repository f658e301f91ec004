package nl.gehoord.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HandlerType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nl.gehoord.http.Role;
import nl.gehoord.http.Route;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.DatabaseState;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The places where the HTTP stack would interpret a request for us: the method, the body's framing, its
 * encoding, its media type, the protocol version and HEAD. Each answer is the one the contract names, with
 * no ERROR line in the log and no change to the data.
 */
class HttpMechanismsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;
    private static RawHttp raw;
    private static ApiClient phone;
    private static String deviceToken;
    private static String caseId;

    @BeforeAll
    static void start() {
        server = TestServer.start(HostileCorpusTest.ROOMY);
        raw = new RawHttp(server.app().port());
        ApiResponse registered = server.client().post("/v1/devices", Map.of("platform", "android", "locale", "nl"));
        deviceToken = registered.text("deviceToken");
        phone = server.client().as(deviceToken);
    }

    @BeforeEach
    void aCaseOfItsOwn() {
        caseId = Journeys.submitCase(phone, "Mijn verhaal over de groep");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ---- the method is the one on the request line ----

    @Test
    void aMethodOverrideHeaderChangesNothing() {
        String before = DatabaseState.fingerprint(server.app().database());
        int mark = LogScan.lineCount();
        for (String header : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
            RawHttp.Answer get = raw.send("GET", "/v1/cases/" + caseId,
                    Map.of("Authorization", "Bearer " + deviceToken, header, "DELETE"), null);
            assertThat(get.status()).as(header + " on GET").isEqualTo(200);
            RawHttp.Answer post = raw.send("POST", "/v1/cases/" + caseId,
                    Map.of("Authorization", "Bearer " + deviceToken, header, "DELETE",
                            "Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8));
            assertThat(post.status()).as(header + " on POST").isEqualTo(405);
        }
        assertThat(phone.get("/v1/cases/" + caseId).status()).isEqualTo(200);
        assertThat(DatabaseState.fingerprint(server.app().database())).isEqualTo(before);

        String token = staffToken("trust@demo.local");
        ApiClient trust = server.client().as(token);
        RawHttp.Answer me = raw.send("GET", "/v1/staff/me", Map.of("Authorization", "Bearer " + token,
                "X-HTTP-Method-Override", "DELETE"), null);
        assertThat(me.status()).isEqualTo(200);
        assertThat(trust.get("/v1/staff/me").status()).as("the session still works").isEqualTo(200);
        LogScan.assertNoErrorsSince(mark);
    }

    @Test
    void javalinsOwnHandlerKindsAreNoMethods() throws IOException {
        int mark = LogScan.lineCount();
        for (String method : List.of("BEFORE", "AFTER", "BEFORE_MATCHED", "AFTER_MATCHED")) {
            Answer answer = halfClose(method + " /v1/cases/" + caseId + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + deviceToken + "\r\nConnection: close\r\n\r\n");
            assertThat(answer.status).as(method).isEqualTo(405);
            assertProblem(answer.body, 405);
        }
        LogScan.assertNoErrorsSince(mark);
    }

    // ---- the body's framing ----

    @Test
    void aTransferCodingOtherThanChunkedIsRefusedNotIgnored() throws IOException {
        String before = DatabaseState.fingerprint(server.app().database());
        String body = "{\"text\": \"ingepakt of niet\"}";
        String chunked = Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
        String head = "POST /v1/cases/" + caseId + "/messages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + deviceToken + "\r\nContent-Type: application/json\r\n";
        for (String request : List.of(head + "Transfer-Encoding: gzip, chunked\r\n\r\n" + chunked,
                head + "Transfer-Encoding: identity, chunked\r\n\r\n" + chunked,
                head.replace("HTTP/1.1", "HTTP/1.0") + "Transfer-Encoding: chunked\r\n\r\n" + chunked)) {
            Answer answer = halfClose(request);
            assertThat(answer.status).as(request).isEqualTo(400);
            assertProblem(answer.body, 400);
        }
        assertThat(DatabaseState.fingerprint(server.app().database())).isEqualTo(before);
        assertThat(halfClose(head + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunked).status)
                .as("plain chunked is fine").isEqualTo(201);
    }

    @Test
    void pipelinedRequestsAreAnsweredOneByOneInOrder() throws IOException {
        String hostile = "POST /v1/cases/" + caseId + "/messages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + deviceToken + "\r\nContent-Type: application/jsonx\r\nContent-Length: 17\r\n\r\n{\"text\": \"hallo\"}";
        Answer all = halfClose("GET /health HTTP/1.1\r\nHost: x\r\n\r\n" + hostile
                + "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(java.util.regex.Pattern.compile("HTTP/1\\.1 (\\d{3})").matcher(all.raw()).results()
                .map(m -> m.group(1)).toList()).containsExactly("200", "415", "200");
    }

    @Test
    void aSlowSenderIsServedWhenItFinishes() throws Exception {
        String body = "{\"text\": \"langzaam maar zeker\"}";
        byte[] request = ("POST /v1/cases/" + caseId + "/messages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + deviceToken + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", server.app().port())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            int step = request.length / 12 + 1;
            for (int at = 0; at < request.length; at += step) {
                out.write(request, at, Math.min(step, request.length - at));
                out.flush();
                Thread.sleep(80);
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            assertThat(answer.toString(StandardCharsets.UTF_8)).startsWith("HTTP/1.1 201");
        }
    }

    @Test
    void aSenderThatStallsMidBodyGetsATimeoutAndAQuietLine() throws IOException {
        String before = DatabaseState.fingerprint(server.app().database());
        int mark = LogScan.lineCount();
        String request = "POST /v1/cases/" + caseId + "/messages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + deviceToken + "\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{\"text\": \"en dan";
        long start = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", server.app().port())) {
            socket.setSoTimeout((int) nl.gehoord.App.BODY_STALL_MILLIS * 3);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            String text = answer.toString(StandardCharsets.UTF_8);
            assertThat(text).startsWith("HTTP/1.1 408");
            assertProblem(text.substring(text.indexOf("\r\n\r\n") + 4), 408);
        }
        assertThat((System.nanoTime() - start) / 1_000_000).as("waited about the stall limit, not longer")
                .isLessThan(nl.gehoord.App.BODY_STALL_MILLIS * 2);
        awaitQuiet();
        assertThat(DatabaseState.fingerprint(server.app().database())).isEqualTo(before);
        LogScan.assertNoErrorsSince(mark);
    }

    // ---- a body that ends early ----

    @Test
    void aBodyThatEndsEarlyIsABadRequestLoggedQuietly() throws IOException {
        String before = DatabaseState.fingerprint(server.app().database());
        int mark = LogScan.lineCount();
        String head = "POST /v1/cases/" + caseId + "/messages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + deviceToken + "\r\nContent-Type: application/json\r\n";
        List<String> cut = List.of(
                head + "Content-Length: 200\r\n\r\n{\"text\": \"half a mess",
                head + "Transfer-Encoding: chunked\r\n\r\n10\r\n{\"text\": \"half a",
                head + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\n{\"text\": \"x\"}\r\n0\r\n\r\n",
                head + "Transfer-Encoding: chunked\r\n\r\n8\r\n{\"text\":\r\nzz\r\n");
        for (String request : cut) {
            Answer answer = halfClose(request);
            assertThat(answer).as("a client that still listens gets an answer: " + request).isNotNull();
            assertThat(answer.status).as(request).isEqualTo(400);
            assertThat(assertProblem(answer.body, 400).path("code").asText()).isEqualTo("body_incomplete");
        }
        // A phone that loses its connection mid-upload: the socket is closed, no answer can arrive.
        try (Socket socket = new Socket("127.0.0.1", server.app().port())) {
            socket.getOutputStream().write((head + "Content-Length: 500\r\n\r\n{\"text\": \"gone")
                    .getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        }
        // The server still answers, and the cut requests left nothing behind.
        assertThat(phone.get("/v1/cases/" + caseId).status()).isEqualTo(200);
        awaitQuiet();
        assertThat(DatabaseState.fingerprint(server.app().database())).isEqualTo(before);
        LogScan.assertNoErrorsSince(mark);
        assertThat(LogScan.linesSince(mark)).as("the cut body is noted at INFO")
                .anyMatch(line -> line.contains("\"level\":\"INFO\"") && line.contains("request body ended early"));
    }

    // ---- strict UTF-8 ----

    @Test
    void overlongAndInvalidUtf8IsMalformedJson() {
        String before = DatabaseState.fingerprint(server.app().database());
        int mark = LogScan.lineCount();
        List<byte[]> bodies = List.of(
                withBytes("{\"text\": \"", new byte[] {(byte) 0xC0, (byte) 0xAE, (byte) 0xC0, (byte) 0xAF}, "\"}"),
                withBytes("{\"text\": \"", new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAE}, "\"}"),
                withBytes("{\"text\": \"", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}"),
                withBytes("{\"text\": \"", new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, "\"}"),
                withBytes("{\"text\": \"", new byte[] {(byte) 0xFF}, "\"}"),
                withBytes("{\"text\": \"ab", new byte[] {(byte) 0xE2, (byte) 0x82}, "\"}"),
                "{\"text\": \"\\ud800 alleen\"}".getBytes(StandardCharsets.UTF_8),
                "{\"text\": \"\\udc00\\ud800\"}".getBytes(StandardCharsets.UTF_8),
                "{\"te\\ud800xt\": \"hallo\"}".getBytes(StandardCharsets.UTF_8),
                "{\"text\": \"hallo\"}".getBytes(StandardCharsets.UTF_16BE),
                "{\"text\": \"hallo\"}".getBytes(StandardCharsets.UTF_16),
                withBytes("", new byte[] {0, 0, 0}, "{\"text\": \"hallo\"}"));
        for (byte[] body : bodies) {
            ApiResponse response = phone.raw("POST", "/v1/cases/" + caseId + "/messages", body, "application/json");
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.json().path("code").asText()).isEqualTo("malformed_json");
        }
        assertThat(DatabaseState.fingerprint(server.app().database())).isEqualTo(before);
        LogScan.assertNoErrorsSince(mark);
    }

    @Test
    void aByteOrderMarkAndRealSurrogatePairsAreFine() {
        byte[] withBom = withBytes("", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "{\"text\": \"met een teken ervoor\"}");
        assertThat(phone.raw("POST", "/v1/cases/" + caseId + "/messages", withBom, "application/json").status())
                .isEqualTo(201);
        ApiResponse pair = phone.raw("POST", "/v1/cases/" + caseId + "/messages",
                "{\"text\": \"blij \\ud83d\\ude00\"}".getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(pair.status()).as(pair.toString()).isEqualTo(201);
    }

    // ---- the media type ----

    @Test
    void onlyApplicationJsonIsJson() {
        String before = DatabaseState.fingerprint(server.app().database());
        byte[] body = "{\"text\": \"hallo\"}".getBytes(StandardCharsets.UTF_8);
        for (String type : List.of("application/jsonx", "application/json-patch+json", "application/json+xml",
                "application/jsonp", "application/json; charset=utf-16", "application/json; charset=iso-8859-1",
                "application/json; charset=\"utf-16\"", "application/json; boundary=x", "application/json;;",
                "text/json", "application/x-www-form-urlencoded", "application/json, text/plain", "*/*",
                "application/*", "application")) {
            ApiResponse response = phone.raw("POST", "/v1/cases/" + caseId + "/messages", body, type);
            assertThat(response.status()).as(type + ": " + response).isEqualTo(415);
            assertThat(response.json().path("code").asText()).isEqualTo("unsupported_media_type");
        }
        assertThat(DatabaseState.fingerprint(server.app().database())).isEqualTo(before);
        for (String type : List.of("application/json", "Application/JSON", "application/json; charset=utf-8",
                "application/json;charset=UTF-8", "application/json; charset=\"utf-8\"")) {
            ApiResponse response = phone.raw("POST", "/v1/cases/" + caseId + "/messages", body, type);
            assertThat(response.status()).as(type + ": " + response).isEqualTo(201);
        }
    }

    @Test
    void aCompressedBodyIsRefusedNotGuessed() {
        String before = DatabaseState.fingerprint(server.app().database());
        for (String coding : List.of("gzip", "deflate", "br", "identity, gzip", "x-unknown")) {
            RawHttp.Answer answer = raw.send("POST", "/v1/cases/" + caseId + "/messages", Map.of("Authorization",
                    "Bearer " + deviceToken, "Content-Type", "application/json", "Content-Encoding", coding),
                    gzip("{\"text\": \"" + "a".repeat(5000) + "\"}"));
            assertThat(answer.status()).as(coding + ": " + answer.body()).isEqualTo(415);
            assertProblem(answer.body(), 415);
        }
        assertThat(DatabaseState.fingerprint(server.app().database())).isEqualTo(before);
    }

    // ---- the protocol version ----

    @Test
    void anUnknownHttpVersionGetsItsOwnPlainAnswer() throws IOException {
        int mark = LogScan.lineCount();
        for (String version : List.of("HTTP/1.2", "HTTP/1.9", "HTTP/2.0", "HTTP/3.0")) {
            Answer answer = halfClose("GET /health " + version + "\r\nHost: x\r\nAccept-Language: en\r\n"
                    + "Connection: close\r\n\r\n");
            assertThat(answer).as(version).isNotNull();
            assertThat(answer.status).as(version + ": " + answer.body).isIn(400, 426, 505);
            JsonNode problem = assertProblem(answer.body, answer.status);
            assertThat(problem.path("code").asText()).as(version).isNotEqualTo("internal_error")
                    .isIn("http_version_not_supported", "bad_request");
            assertThat(problem.path("detail").asText()).doesNotContainIgnoringCase("our side");
        }
        LogScan.assertNoErrorsSince(mark);
    }

    // ---- HEAD ----

    @Test
    void headIsNeverAnEmptyYes() {
        Map<Role, String> tokens = Map.of(Role.COUNCIL, staffToken("council@demo.local"),
                Role.ADMIN, staffToken("admin@demo.local"));
        int checked = 0;
        for (Route route : server.app().routes()) {
            if (route.method() != HandlerType.GET) {
                continue;
            }
            String path = route.path().replace("{caseId}", caseId).replaceAll("\\{[A-Za-z]+}", "unknown-id");
            for (String token : List.of("", "Bearer " + deviceToken, "Bearer " + tokens.get(Role.ADMIN),
                    "Bearer " + tokens.get(Role.COUNCIL))) {
                RawHttp.Answer answer = raw.send("HEAD", path, token.isEmpty() ? Map.of()
                        : Map.of("Authorization", token), null);
                assertThat(answer.status()).as("HEAD " + path + " with " + token).isEqualTo(405);
                assertThat(answer.header("Allow")).as("HEAD " + path).contains("GET");
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(40);
    }

    // ---- helpers ----

    private static String staffToken(String email) {
        ApiResponse session = server.client().post("/v1/staff/session", Map.of("email", email, "password",
                TestServer.DEMO_PASSWORD));
        assertThat(session.status()).as(session.toString()).isEqualTo(201);
        return session.text("token");
    }

    private static void awaitQuiet() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] withBytes(String before, byte[] middle, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(middle, 0, out, a.length, middle.length);
        System.arraycopy(c, 0, out, a.length + middle.length, c.length);
        return out;
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    private static JsonNode assertProblem(String body, int status) {
        try {
            JsonNode problem = JSON.readTree(body);
            assertThat(problem.path("status").asInt()).as(body).isEqualTo(status);
            assertThat(problem.path("type").asText()).startsWith("urn:gehoord:problem:");
            assertThat(problem.path("title").asText()).isNotEmpty();
            assertThat(problem.path("detail").asText()).isNotEmpty();
            return problem;
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private record Answer(int status, String head, String body, String raw) {
    }

    /** Writes the bytes, ends the sending side and reads what comes back; null when the server just closed. */
    private static Answer halfClose(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.app().port())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try {
                in.transferTo(buffer);
            } catch (java.net.SocketException reset) {
                // a reset after the answer was read is fine; a reset without one is "nothing"
            }
            String text = buffer.toString(StandardCharsets.UTF_8);
            if (text.isEmpty()) {
                return null;
            }
            int split = text.indexOf("\r\n\r\n");
            assertThat(split).as(text).isPositive();
            String head = text.substring(0, split);
            String body = text.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                int line = body.indexOf("\r\n");
                int size = Integer.parseInt(body.substring(0, line).trim(), 16);
                body = body.substring(line + 2, line + 2 + size);
            }
            return new Answer(Integer.parseInt(head.split(" ")[1]), head, body, text);
        }
    }
}
