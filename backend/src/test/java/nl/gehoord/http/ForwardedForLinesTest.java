package nl.gehoord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.gehoord.config.RateLimitSettings;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Behind a trusted proxy that adds its own X-Forwarded-For line under the one a client wrote, the address the
 * limits count is the one the proxy saw: a client cannot dodge a per-address limit by writing the first line.
 */
class ForwardedForLinesTest {

    @Test
    void everyForwardedForLineCountsNotOnlyTheFirst() throws IOException {
        try (TestServer server = TestServer.start(Map.of("GEHOORD_TRUSTED_PROXIES", "127.0.0.1",
                RateLimitSettings.variable("register.address"), "2/1h"))) {
            int[] statuses = new int[3];
            for (int i = 0; i < statuses.length; i++) {
                statuses[i] = register(server.app().port(), "198.51.100." + (i + 1), "203.0.113.9");
            }
            assertThat(statuses).containsExactly(201, 201, 429);
        }
    }

    private static int register(int port, String writtenByClient, String addedByProxy) throws IOException {
        String body = "{\"platform\":\"android\",\"locale\":\"nl\"}";
        String request = "POST /v1/devices HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "X-Forwarded-For: " + writtenByClient + "\r\nX-Forwarded-For: " + addedByProxy + "\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            return Integer.parseInt(answer.toString(StandardCharsets.ISO_8859_1).split(" ")[1]);
        }
    }
}
