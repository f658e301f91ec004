package nl.gehoord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.Test;

/** A stopping instance finishes the requests it is answering before it closes the database. */
class GracefulShutdownTest {
    @Test
    void aCaseHalfwaySentWhenTheServerStopsIsStillStoredAndAnswered() throws Exception {
        TestServer server = TestServer.startStoppingAsDeployed();
        String token;
        try {
            ApiResponse registered = server.client().anonymous().post("/v1/devices",
                    java.util.Map.of("platform", "android", "locale", "nl"));
            token = registered.text("deviceToken");
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        byte[] body = nl.gehoord.http.Json.mapper().writeValueAsBytes(
                Journeys.complaint("Verstuurd terwijl de server stopte."));
        int half = body.length / 2;
        try (Socket socket = new Socket("127.0.0.1", server.app().port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/cases HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + token + "\r\nIdempotency-Key: graceful-1\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, half);
            out.flush();
            Thread.sleep(300); // the request is in the handler, waiting for the rest of its body

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
            Thread.sleep(500);
            assertThat(stopping).isNotDone(); // waits for the request in flight

            out.write(body, half, body.length - half);
            out.flush();
            String answer = readAll(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 201");
            stopping.get(30, TimeUnit.SECONDS);
        }
    }

    private static String readAll(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
