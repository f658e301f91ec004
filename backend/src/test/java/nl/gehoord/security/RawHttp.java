package nl.gehoord.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP without the safety rails, for hostile input: any method, path, header and body bytes, and a raw socket for
 * requests no well-behaved client library will send (malformed request lines, broken encodings). Answers are not
 * checked against the contract here: the hostile-input tests check them against the problem+json rules.
 */
final class RawHttp {
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** More request-line and header bytes than the server reads before it refuses (Jetty allows 8 KiB). */
    private static final int OVERSIZED = 8 * 1024;
    private static final String REQUEST_ID = "X-Request-Id";
    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /**
     * Sends the request; when the server closed a kept-alive connection just before (as it does after refusing
     * an unread body), the request is sent once more on a fresh connection, so each request gets its own answer.
     */
    Answer send(String method, String path, Map<String, String> headers, byte[] body) {
        boolean named = headers.keySet().stream().anyMatch(REQUEST_ID::equalsIgnoreCase);
        Map<String, String> sent = headers;
        String id = null;
        if (!named) {
            // The server echoes a request id it is given: an answer carrying another id belongs to another request
            // (the JDK client has handed a connection's earlier answer to the next request on it), so the request
            // is asked again on a connection of its own.
            id = "corpus-" + SEQUENCE.incrementAndGet();
            sent = new LinkedHashMap<>(headers);
            sent.put(REQUEST_ID, id);
        }
        Answer answer = sendOnce(method, path, sent, body);
        String echoed = answer.header(REQUEST_ID);
        if (id != null && echoed != null && !echoed.equals(id)) {
            answer = send(newClient(), method, path, sent, body);
            echoed = answer.header(REQUEST_ID);
            if (echoed != null && !echoed.equals(id)) {
                throw new AssertionError(method + " " + path + ": answered with another request's id " + echoed);
            }
        }
        return answer;
    }

    private Answer sendOnce(String method, String path, Map<String, String> headers, byte[] body) {
        if (path.length() + headers.values().stream().mapToInt(String::length).sum() > OVERSIZED) {
            // The server refuses such a request before reading it all and closes the connection.
            return send(newClient(), method, path, headers, body);
        }
        try {
            return send(HTTP, method, path, headers, body);
        } catch (ConnectionDropped dropped) {
            try {
                // Also when the server refused the request from its headers (a body over the limit) and closed
                // while the body was still being written: the reset can swallow the answer. With "Expect:
                // 100-continue" the server answers before any of the body is sent.
                return send(newClient(), method, path, headers, body, true);
            } catch (ConnectionDropped again) {
                throw new AssertionError(method + " " + path + ": the server closed the connection without an answer",
                        again.getCause());
            }
        }
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static final class ConnectionDropped extends RuntimeException {
        ConnectionDropped(IOException cause) {
            super(cause);
        }
    }

    private Answer send(HttpClient client, String method, String path, Map<String, String> headers, byte[] body) {
        return send(client, method, path, headers, body, false);
    }

    private Answer send(HttpClient client, String method, String path, Map<String, String> headers, byte[] body,
                        boolean expectContinue) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).expectContinue(expectContinue && body != null && body.length > 0);
        headers.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> h = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            return new Answer(response.statusCode(), h, response.body());
        } catch (IOException e) {
            throw new ConnectionDropped(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Writes the bytes as they are and reads one answer (the server closes or sends Content-Length). */
    Answer socket(byte[] request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return parse(buffer.toString(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new AssertionError("raw request failed: " + e, e);
        }
    }

    private static Answer parse(String raw) {
        // An interim answer (100 Continue) comes before the real one.
        while (raw.matches("(?s)HTTP/1\\.[01] 1\\d\\d .*") && raw.contains("\r\n\r\n")) {
            raw = raw.substring(raw.indexOf("\r\n\r\n") + 4);
        }
        int split = raw.indexOf("\r\n\r\n");
        if (!raw.startsWith("HTTP/1.") || split < 0) {
            throw new AssertionError("not an HTTP answer: " + raw.substring(0, Math.min(200, raw.length())));
        }
        String[] lines = raw.substring(0, split).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String body = raw.substring(split + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            StringBuilder decoded = new StringBuilder();
            int at = 0;
            while (at < body.length()) {
                int end = body.indexOf("\r\n", at);
                int size = Integer.parseInt(body.substring(at, end).trim(), 16);
                if (size == 0) {
                    break;
                }
                decoded.append(body, end + 2, end + 2 + size);
                at = end + 2 + size + 2;
            }
            body = decoded.toString();
        }
        return new Answer(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    /** One exchange on a raw socket: the first answer's status, head and body, and everything that came back. */
    record Exchange(int status, String head, String body, String raw) {
    }

    /** Writes the bytes, ends the sending side and reads what comes back; null when the server just closed. */
    Exchange halfClose(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
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
            if (split < 0) {
                throw new AssertionError("not an HTTP answer: " + text);
            }
            String head = text.substring(0, split);
            String body = text.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                int line = body.indexOf("\r\n");
                int size = Integer.parseInt(body.substring(0, line).trim(), 16);
                body = body.substring(line + 2, line + 2 + size);
            }
            return new Exchange(Integer.parseInt(head.split(" ")[1]), head, body, text);
        }
    }

    /** A complete problem+json body with the given status. */
    static JsonNode assertProblem(String body, int status) {
        try {
            JsonNode problem = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            org.assertj.core.api.Assertions.assertThat(problem.path("status").asInt()).as(body).isEqualTo(status);
            org.assertj.core.api.Assertions.assertThat(problem.path("type").asText()).startsWith("urn:gehoord:problem:");
            org.assertj.core.api.Assertions.assertThat(problem.path("title").asText()).isNotEmpty();
            org.assertj.core.api.Assertions.assertThat(problem.path("detail").asText()).isNotEmpty();
            return problem;
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
