package nl.gehoord.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import nl.gehoord.push.FcmSender;

/**
 * A fake FCM HTTP v1 server on loopback that the test controls. It records every message the real Firebase Admin
 * SDK sends and answers as FCM would: success, or a scripted error (per token, in order, then the default).
 * {@link #sender(Clock)} gives the real {@link FcmSender} aimed at it, with fixed credentials, so no request
 * leaves the machine.
 */
public final class FakeFcm implements AutoCloseable {
    public static final String PROJECT = "gehoord-test";
    public static final String ACCESS_TOKEN = "fake-access-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as FCM received it. */
    public record Received(String token, JsonNode message, String rawBody, String authorization) {
        public String data(String key) {
            return message.path("data").path(key).asText(null);
        }

        public String pushId() {
            return data("pushId");
        }
    }

    /** One answer: status, JSON body, extra headers. */
    public record Reply(int status, String body, Map<String, String> headers) {
        public static Reply ok() {
            return new Reply(200, "{\"name\":\"projects/" + PROJECT + "/messages/" + UUID.randomUUID() + "\"}", Map.of());
        }

        public static Reply unregistered() {
            return error(404, "NOT_FOUND", "Requested entity was not found.", "UNREGISTERED", null, Map.of());
        }

        public static Reply invalidToken() {
            return error(400, "INVALID_ARGUMENT", "The registration token is not a valid FCM registration token",
                    "INVALID_ARGUMENT", "message.token", Map.of());
        }

        /** INVALID_ARGUMENT about something other than the token. */
        public static Reply invalidPayload() {
            return error(400, "INVALID_ARGUMENT", "Invalid value at 'message.android.ttl'", "INVALID_ARGUMENT",
                    "message.android.ttl", Map.of());
        }

        public static Reply senderIdMismatch() {
            return error(403, "PERMISSION_DENIED", "SenderId mismatch", "SENDER_ID_MISMATCH", null, Map.of());
        }

        public static Reply quotaExceeded(Integer retryAfterSeconds) {
            return error(429, "RESOURCE_EXHAUSTED", "Quota exceeded.", "QUOTA_EXCEEDED", null,
                    retryAfterSeconds == null ? Map.of() : Map.of("Retry-After", retryAfterSeconds.toString()));
        }

        public static Reply unavailable(Integer retryAfterSeconds) {
            return error(503, "UNAVAILABLE", "The service is currently unavailable.", "UNAVAILABLE", null,
                    retryAfterSeconds == null ? Map.of() : Map.of("Retry-After", retryAfterSeconds.toString()));
        }

        public static Reply internal() {
            return error(500, "INTERNAL", "Internal error encountered.", "INTERNAL", null, Map.of());
        }

        static Reply error(int status, String grpcStatus, String message, String fcmCode, String field,
                           Map<String, String> headers) {
            String details = "{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\""
                    + fcmCode + "\"}";
            if (field != null) {
                details += ",{\"@type\":\"type.googleapis.com/google.rpc.BadRequest\",\"fieldViolations\":[{\"field\":\""
                        + field + "\",\"description\":\"" + message + "\"}]}";
            }
            return new Reply(status, "{\"error\":{\"code\":" + status + ",\"message\":\"" + message
                    + "\",\"status\":\"" + grpcStatus + "\",\"details\":[" + details + "]}}", headers);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Received> received = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Function<String, Reply> byToken = token -> Reply.ok();

    private FakeFcm(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static FakeFcm start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
            ExecutorService executor = Executors.newFixedThreadPool(32);
            FakeFcm fake = new FakeFcm(server, executor);
            server.createContext("/", fake::handle);
            server.setExecutor(executor);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The real FCM transport of Gehoord, aimed at this fake with fixed credentials. */
    public FcmSender sender(Clock clock) {
        NetHttpTransport transport = new NetHttpTransport.Builder().setConnectionFactory(url ->
                (HttpURLConnection) new URL("http", "127.0.0.1", port(), url.getFile()).openConnection()).build();
        // The credential's expiry is checked by the Google auth library against wall time, so it is far away.
        GoogleCredentials credentials = GoogleCredentials.create(
                new AccessToken(ACCESS_TOKEN, Date.from(Instant.now().plus(Duration.ofDays(365)))));
        FirebaseOptions options = FirebaseOptions.builder().setCredentials(credentials).setProjectId(PROJECT)
                .setHttpTransport(transport).build();
        return new FcmSender(FirebaseApp.initializeApp(options, "fake-fcm-" + UUID.randomUUID()), clock);
    }

    /** The next answers for this token, in order; after them the default applies. */
    public FakeFcm script(String token, Reply... replies) {
        scripts.computeIfAbsent(token, t -> new ArrayDeque<>()).addAll(List.of(replies));
        return this;
    }

    /** The answer for every request without a script. */
    public FakeFcm byDefault(Function<String, Reply> reply) {
        this.byToken = reply;
        return this;
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public List<Received> receivedFor(String token) {
        return received().stream().filter(r -> token.equals(r.token())).toList();
    }

    /** Every request, answered with an error or not. */
    public int requests() {
        return requests.get();
    }

    public void reset() {
        received.clear();
        scripts.clear();
        requests.set(0);
        byToken = token -> Reply.ok();
    }

    /** Waits (bounded) until at least {@code count} messages were received; returns them. */
    public List<Received> await(int count, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (received.size() < count && System.nanoTime() < end) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return received();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            if (!"POST".equals(exchange.getRequestMethod())
                    || !path.equals("/v1/projects/" + PROJECT + "/messages:send")) {
                respond(exchange, new Reply(404, "{\"error\":{\"code\":404,\"status\":\"NOT_FOUND\"}}", Map.of()));
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode message = JSON.readTree(body).path("message");
            String token = message.path("token").asText(null);
            Deque<Reply> script = token == null ? null : scripts.get(token);
            Reply reply = null;
            if (script != null) {
                synchronized (script) {
                    reply = script.pollFirst();
                }
            }
            if (reply == null) {
                reply = byToken.apply(token);
            }
            if (reply.status() == 200) {
                received.add(new Received(token, message, body, exchange.getRequestHeaders().getFirst("Authorization")));
            }
            respond(exchange, reply);
        }
    }

    private static void respond(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
