package nl.gehoord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * The event stream of the staff pages, read as a browser's EventSource would: a new case, a young person's
 * message and an SLA warning reach the assigned trust person as bare event names, with nothing of the case in
 * them; another team's trust person hears nothing.
 */
class LiveUpdatesTest {
    @Test
    void theAssignedTrustPersonHearsOfNewCasesMessagesAndSlaWarningsAndNoOneElseDoes() throws Exception {
        try (TestServer server = TestServer.start()) {
            WebFixture.addStaff(server, "staff-web-west", "west@demo.local", "Ander Team", "trust_person", "team-west");
            List<String> mine = listen(server, WebFixture.login(server, "trust@demo.local", null));
            List<String> other = listen(server, WebFixture.login(server, "west@demo.local", null));
            waitUntil(() -> server.app().live().open() == 2);

            var phone = Journeys.newDevice(server.client());
            String caseId = Journeys.submitCase(phone, "Ik wil niet dat iemand dit leest behalve jij.");
            waitUntil(() -> mine.contains("event: inbox") && mine.contains("event: case-" + caseId));
            mine.clear();
            phone.post("/v1/cases/" + caseId + "/messages", java.util.Map.of("text", "Hallo?"));
            waitUntil(() -> mine.contains("event: case-" + caseId));

            // Three quarters of the first-response time gone: the SLA pass warns.
            server.clock().advance(Duration.ofHours(40));
            server.app().slaScheduler().runOnce();
            waitUntil(() -> mine.contains("event: sla"));

            assertThat(String.join("\n", mine)).doesNotContain("Hallo").doesNotContain("leest");
            assertThat(other).noneMatch(line -> line.startsWith("event:"));
        }
    }

    /** Opens the stream with the session cookie and collects its lines on a background thread. */
    private static List<String> listen(TestServer server, String cookie) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(WebFixture.base(server) + LiveUpdates.PATH))
                .header("Cookie", cookie).header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response = WebFixture.HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (java.io.IOException closed) {
                // the server stopped
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(50);
        }
    }
}
