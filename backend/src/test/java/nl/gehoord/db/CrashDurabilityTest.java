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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.ChildJvm;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.Postgres;
import nl.gehoord.testing.TemplateData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Nothing acknowledged is lost: a real server process is killed (SIGKILL, no shutdown hook) while several
 * phones send it cases and messages; after a restart on the same data every case and message it answered
 * 2xx for is there and readable (its sealed text opens), on SQLite and on PostgreSQL, at several kill points.
 */
class CrashDurabilityTest {
    private static final Pattern URL = Pattern.compile("running at (http://[0-9a-z.:\\[\\]]+:\\d+)");
    private static final int WRITERS = 4;

    private record Acknowledged(String deviceToken, String caseId, String story, List<String> messages) {
    }

    @ParameterizedTest(name = "{0}, killed after {1} acknowledged cases")
    @CsvSource({"sqlite, 8", "postgresql, 3", "postgresql, 14"})
    void acknowledgedWritesSurviveAKill(String database, int killAfter) throws Exception {
        Path dataDir = Files.createTempDirectory("gehoord-crash");
        Map<String, String> env = new HashMap<>();
        // The places the cases refer to, migrated and seeded ahead from the run's copies; the child runs plain
        // `serve` (no demo cases to generate).
        if (database.equals("postgresql")) {
            env.put("GEHOORD_DATABASE_URL", Postgres.seededDatabaseUrl());
        } else {
            TemplateData.copyInto(dataDir);
        }
        Process first = startServer(dataDir, env);
        List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            ApiClient api = new ApiClient(awaitUrl(first));
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.submit(() -> write(api, writer, stop, acknowledged));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.size() < killAfter && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            // Killed while the writers are still sending: some requests are in flight at this moment.
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            stop.set(true);
            first.destroyForcibly();
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged.size()).isGreaterThanOrEqualTo(killAfter);

        Process second = startServer(dataDir, env);
        try {
            ApiClient api = new ApiClient(awaitUrl(second));
            for (Acknowledged ack : acknowledged) {
                ApiResponse export = api.as(ack.deviceToken()).get("/v1/cases/" + ack.caseId() + "/export");
                assertThat(export.status()).as(ack.caseId()).isEqualTo(200);
                assertThat(export.body()).contains(ack.story());
                for (String message : ack.messages()) {
                    assertThat(export.body()).contains(message);
                }
            }
            assertThat(api.get("/ready").status()).isEqualTo(200);
        } finally {
            second.destroyForcibly();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** One phone after another sends a case and a message, remembering only what was answered 2xx. */
    private static void write(ApiClient api, int writer, AtomicBoolean stop, List<Acknowledged> acknowledged) {
        int n = 0;
        while (!stop.get()) {
            try {
                ApiResponse registered = api.anonymous().post("/v1/devices",
                        Map.of("platform", "android", "locale", "nl"));
                if (registered.status() != 201) {
                    continue;
                }
                String token = registered.text("deviceToken");
                ApiClient phone = api.as(token);
                for (int i = 0; i < 5 && !stop.get(); i++, n++) {
                    String story = "Voor de crash " + writer + "-" + n + ".";
                    ApiResponse created = phone.header("Idempotency-Key", "crash-" + writer + "-" + n)
                            .post("/v1/cases", Journeys.complaint(story));
                    if (created.status() != 201) {
                        continue;
                    }
                    List<String> messages = new ArrayList<>();
                    Acknowledged ack = new Acknowledged(token, created.text("caseId"), story, messages);
                    String text = "Bericht " + writer + "-" + n + ".";
                    ApiResponse message = phone.post("/v1/cases/" + ack.caseId() + "/messages", Map.of("text", text));
                    if (message.status() == 201) {
                        messages.add(text);
                    }
                    acknowledged.add(ack);
                }
            } catch (RuntimeException | AssertionError e) {
                // the server is gone: what it answered before is what counts
                return;
            }
        }
    }

    private static Process startServer(Path dataDir, Map<String, String> env) throws IOException {
        Map<String, String> childEnv = new HashMap<>(Map.of("GEHOORD_DATA_DIR", dataDir.toString(), "GEHOORD_PORT", "0",
                "GEHOORD_HOST", "127.0.0.1", "GEHOORD_DEMO_PASSWORD", "crash-test-password"));
        for (String limit : List.of("REGISTER_ADDRESS", "CASE_ADDRESS", "MESSAGE_ADDRESS", "CASE_GLOBAL",
                "MESSAGE_GLOBAL", "REGISTER_GLOBAL")) {
            childEnv.put("GEHOORD_RATE_LIMIT_" + limit, "100000/1h");
        }
        childEnv.putAll(env);
        return ChildJvm.main("crash-child", childEnv, "serve").start();
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
                return matcher.group(1).replace("localhost", "127.0.0.1").replace("0.0.0.0", "127.0.0.1");
            }
        }
        throw new AssertionError("server did not start:\n" + seen);
    }
}
