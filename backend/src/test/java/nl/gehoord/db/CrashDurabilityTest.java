package nl.gehoord.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import org.junit.jupiter.api.Test;

/**
 * Nothing acknowledged is lost: a real server process is killed (SIGKILL, no shutdown hook) while it takes
 * cases; after a restart on the same data folder every case and message it answered 2xx for is there.
 */
class CrashDurabilityTest {
    private static final Pattern URL = Pattern.compile("running at (http://[0-9a-z.:\\[\\]]+:\\d+)");

    @Test
    void acknowledgedWritesSurviveAKill() throws Exception {
        Path dataDir = Files.createTempDirectory("gehoord-crash");
        Process first = startServer(dataDir);
        List<String> acknowledgedCases = new ArrayList<>();
        List<String> acknowledgedMessages = new ArrayList<>();
        try {
            ApiClient api = new ApiClient(awaitUrl(first));
            ApiClient phone = Journeys.newDevice(api);
            for (int i = 0; i < 20; i++) {
                if (i % 5 == 0) {
                    phone = Journeys.newDevice(api); // stay under the per-install case limit
                }
                ApiResponse created = phone.header("Idempotency-Key", "crash-test-" + i).post("/v1/cases", Journeys.complaint("Voor de crash " + i));
                if (created.status() == 201) {
                    acknowledgedCases.add(created.text("caseId"));
                    ApiResponse message = phone.post("/v1/cases/" + created.text("caseId") + "/messages", Map.of("text", "Bericht " + i));
                    if (message.status() == 201) {
                        acknowledgedMessages.add(message.text("messageId"));
                    }
                }
            }
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            first.destroyForcibly();
        }
        assertThat(acknowledgedCases).hasSize(20);

        Process second = startServer(dataDir);
        try {
            String url = awaitUrl(second);
            try (var db = Database.open("jdbc:sqlite:" + dataDir.resolve("gehoord.db"))) {
                List<String> cases = db.read(h -> h.createQuery("SELECT id FROM cases").mapTo(String.class).list());
                List<String> messages = db.read(h -> h.createQuery("SELECT id FROM case_messages").mapTo(String.class).list());
                assertThat(cases).containsAll(acknowledgedCases);
                assertThat(messages).containsAll(acknowledgedMessages);
            }
            assertThat(new ApiClient(url).get("/ready").status()).isEqualTo(200);
        } finally {
            second.destroyForcibly();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Process startServer(Path dataDir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The child logs to its own file: sharing the test log would truncate what this JVM wrote.
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dgehoord.test.log=target/test-logs/crash-child-" + System.nanoTime() + ".log",
                "nl.gehoord.Main", "serve", "--demo");
        builder.environment().put("GEHOORD_DATA_DIR", dataDir.toString());
        builder.environment().put("GEHOORD_PORT", "0");
        builder.environment().put("GEHOORD_HOST", "127.0.0.1");
        builder.environment().put("GEHOORD_DEMO_PASSWORD", "crash-test-password");
        builder.redirectErrorStream(true);
        return builder.start();
    }

    private static String awaitUrl(Process process) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher matcher = URL.matcher(line);
            if (matcher.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (reader.readLine() != null) {
                            // keep the pipe empty so the server never blocks on its own output
                        }
                    } catch (IOException ignored) {
                        // the process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return matcher.group(1).replace("localhost", "127.0.0.1");
            }
        }
        throw new AssertionError("server did not start:\n" + seen);
    }
}
