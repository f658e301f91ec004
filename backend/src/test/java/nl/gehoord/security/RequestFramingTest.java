package nl.gehoord.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The places where the HTTP stack would read a request for us: the method, the body's framing and end, the
 * protocol version and HEAD. Each answer is the one the contract names, with no ERROR line in the log and no
 * change to the data. How a body's bytes are decoded is BodyDecodingTest's.
 */
class RequestFramingTest {
    /** A short stall limit (a setting), so the stalled sender's test waits two seconds instead of ten. */
    @RegisterExtension
    static final RawHttpPhone FIXTURE = new RawHttpPhone(Map.of("GEHOORD_BODY_STALL_SECONDS", "2"));

    // ---- the method is the one on the request line ----

    @Test
    void aMethodOverrideHeaderChangesNothing() {
        String before = DatabaseState.fingerprint(FIXTURE.server().app().database());
        int mark = LogScan.lineCount();
        for (String header : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
            RawHttp.Answer get = FIXTURE.raw().send("GET", FIXTURE.casePath(),
                    Map.of("Authorization", FIXTURE.bearer(), header, "DELETE"), null);
            assertThat(get.status()).as(header + " on GET").isEqualTo(200);
            RawHttp.Answer post = FIXTURE.raw().send("POST", FIXTURE.casePath(),
                    Map.of("Authorization", FIXTURE.bearer(), header, "DELETE",
                            "Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8));
            assertThat(post.status()).as(header + " on POST").isEqualTo(405);
        }
        assertThat(FIXTURE.phone().get(FIXTURE.casePath()).status()).isEqualTo(200);
        assertThat(DatabaseState.fingerprint(FIXTURE.server().app().database())).isEqualTo(before);

        String token = staffToken("trust@demo.local");
        ApiClient trust = FIXTURE.server().client().as(token);
        RawHttp.Answer me = FIXTURE.raw().send("GET", "/v1/staff/me", Map.of("Authorization", "Bearer " + token,
                "X-HTTP-Method-Override", "DELETE"), null);
        assertThat(me.status()).isEqualTo(200);
        assertThat(trust.get("/v1/staff/me").status()).as("the session still works").isEqualTo(200);
        LogScan.assertNoErrorsSince(mark);
    }

    @Test
    void javalinsOwnHandlerKindsAreNoMethods() throws IOException {
        int mark = LogScan.lineCount();
        for (String method : List.of("BEFORE", "AFTER", "BEFORE_MATCHED", "AFTER_MATCHED")) {
            RawHttp.Exchange answer = FIXTURE.raw().halfClose(method + " " + FIXTURE.casePath()
                    + " HTTP/1.1\r\nHost: x\r\n"
                    + "Authorization: Bearer " + FIXTURE.deviceToken() + "\r\nConnection: close\r\n\r\n");
            assertThat(answer.status()).as(method).isEqualTo(405);
            RawHttp.assertProblem(answer.body(), 405);
        }
        LogScan.assertNoErrorsSince(mark);
    }

    // ---- the body's framing ----

    @Test
    void aTransferCodingOtherThanChunkedIsRefusedNotIgnored() throws IOException {
        String before = DatabaseState.fingerprint(FIXTURE.server().app().database());
        String body = "{\"text\": \"ingepakt of niet\"}";
        String chunked = Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
        String head = "POST " + FIXTURE.messagesPath() + " HTTP/1.1\r\nHost: x\r\nAuthorization: "
                + FIXTURE.bearer() + "\r\nContent-Type: application/json\r\n";
        for (String request : List.of(head + "Transfer-Encoding: gzip, chunked\r\n\r\n" + chunked,
                head + "Transfer-Encoding: identity, chunked\r\n\r\n" + chunked,
                head.replace("HTTP/1.1", "HTTP/1.0") + "Transfer-Encoding: chunked\r\n\r\n" + chunked)) {
            RawHttp.Exchange answer = FIXTURE.raw().halfClose(request);
            assertThat(answer.status()).as(request).isEqualTo(400);
            RawHttp.assertProblem(answer.body(), 400);
        }
        assertThat(DatabaseState.fingerprint(FIXTURE.server().app().database())).isEqualTo(before);
        assertThat(FIXTURE.raw().halfClose(head + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + chunked).status())
                .as("plain chunked is fine").isEqualTo(201);
    }

    @Test
    void pipelinedRequestsAreAnsweredOneByOneInOrder() throws IOException {
        String hostile = "POST " + FIXTURE.messagesPath() + " HTTP/1.1\r\nHost: x\r\nAuthorization: "
                + FIXTURE.bearer()
                + "\r\nContent-Type: application/jsonx\r\nContent-Length: 17\r\n\r\n{\"text\": \"hallo\"}";
        RawHttp.Exchange all = FIXTURE.raw().halfClose("GET /health HTTP/1.1\r\nHost: x\r\n\r\n" + hostile
                + "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(java.util.regex.Pattern.compile("HTTP/1\\.1 (\\d{3})").matcher(all.raw()).results()
                .map(m -> m.group(1)).toList()).containsExactly("200", "415", "200");
    }

    @Test
    void aSlowSenderIsServedWhenItFinishes() throws Exception {
        String body = "{\"text\": \"langzaam maar zeker\"}";
        byte[] request = ("POST " + FIXTURE.messagesPath() + " HTTP/1.1\r\nHost: x\r\nAuthorization: "
                + FIXTURE.bearer() + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", FIXTURE.server().app().port())) {
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
        long stall = FIXTURE.server().settings().bodyStall().toMillis();
        String before = DatabaseState.fingerprint(FIXTURE.server().app().database());
        int mark = LogScan.lineCount();
        String request = "POST " + FIXTURE.messagesPath() + " HTTP/1.1\r\nHost: x\r\nAuthorization: "
                + FIXTURE.bearer()
                + "\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{\"text\": \"en dan";
        long start = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", FIXTURE.server().app().port())) {
            socket.setSoTimeout((int) stall * 3);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            String text = answer.toString(StandardCharsets.UTF_8);
            assertThat(text).startsWith("HTTP/1.1 408");
            RawHttp.assertProblem(text.substring(text.indexOf("\r\n\r\n") + 4), 408);
        }
        assertThat((System.nanoTime() - start) / 1_000_000).as("waited about the stall limit, not longer")
                .isLessThan(stall * 2);
        awaitQuiet();
        assertThat(DatabaseState.fingerprint(FIXTURE.server().app().database())).isEqualTo(before);
        LogScan.assertNoErrorsSince(mark);
    }

    // ---- a body that ends early ----

    @Test
    void aBodyThatEndsEarlyIsABadRequestLoggedQuietly() throws IOException {
        String before = DatabaseState.fingerprint(FIXTURE.server().app().database());
        int mark = LogScan.lineCount();
        String head = "POST " + FIXTURE.messagesPath() + " HTTP/1.1\r\nHost: x\r\nAuthorization: "
                + FIXTURE.bearer() + "\r\nContent-Type: application/json\r\n";
        List<String> cut = List.of(
                head + "Content-Length: 200\r\n\r\n{\"text\": \"half a mess",
                head + "Transfer-Encoding: chunked\r\n\r\n10\r\n{\"text\": \"half a",
                head + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\n{\"text\": \"x\"}\r\n0\r\n\r\n",
                head + "Transfer-Encoding: chunked\r\n\r\n8\r\n{\"text\":\r\nzz\r\n");
        for (String request : cut) {
            RawHttp.Exchange answer = FIXTURE.raw().halfClose(request);
            assertThat(answer).as("a client that still listens gets an answer: " + request).isNotNull();
            assertThat(answer.status()).as(request).isEqualTo(400);
            assertThat(RawHttp.assertProblem(answer.body(), 400).path("code").asText()).isEqualTo("body_incomplete");
        }
        // A FIXTURE.phone() that loses its connection mid-upload: the socket is closed, no answer can arrive.
        try (Socket socket = new Socket("127.0.0.1", FIXTURE.server().app().port())) {
            socket.getOutputStream().write((head + "Content-Length: 500\r\n\r\n{\"text\": \"gone")
                    .getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        }
        // The FIXTURE.server() still answers, and the cut requests left nothing behind.
        assertThat(FIXTURE.phone().get(FIXTURE.casePath()).status()).isEqualTo(200);
        awaitQuiet();
        assertThat(DatabaseState.fingerprint(FIXTURE.server().app().database())).isEqualTo(before);
        LogScan.assertNoErrorsSince(mark);
        assertThat(LogScan.linesSince(mark)).as("the cut body is noted at INFO")
                .anyMatch(line -> line.contains("\"level\":\"INFO\"") && line.contains("request broke off at "));
    }

    // ---- the protocol version ----

    @Test
    void anUnknownHttpVersionGetsItsOwnPlainAnswer() throws IOException {
        int mark = LogScan.lineCount();
        for (String version : List.of("HTTP/1.2", "HTTP/1.9", "HTTP/2.0", "HTTP/3.0")) {
            RawHttp.Exchange answer = FIXTURE.raw().halfClose("GET /health " + version
                    + "\r\nHost: x\r\nAccept-Language: en\r\n"
                    + "Connection: close\r\n\r\n");
            assertThat(answer).as(version).isNotNull();
            assertThat(answer.status()).as(version + ": " + answer.body()).isIn(400, 426, 505);
            JsonNode problem = RawHttp.assertProblem(answer.body(), answer.status());
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
        for (Route route : FIXTURE.server().app().routes()) {
            if (route.method() != HandlerType.GET) {
                continue;
            }
            String path = route.path().replace("{caseId}", FIXTURE.caseId()).replaceAll("\\{[A-Za-z]+}", "unknown-id");
            for (String token : List.of("", FIXTURE.bearer(), "Bearer " + tokens.get(Role.ADMIN),
                    "Bearer " + tokens.get(Role.COUNCIL))) {
                RawHttp.Answer answer = FIXTURE.raw().send("HEAD", path, token.isEmpty() ? Map.of()
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
        ApiResponse session = FIXTURE.server().client().post("/v1/staff/session", Map.of("email", email, "password",
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
}
