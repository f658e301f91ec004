package nl.gehoord.bench;

import io.javalin.Javalin;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.TestServer;
import org.sqlite.SQLiteConfig;

/**
 * Case submission over HTTP: Gehoord (validation, encryption, routing, timeline, idempotency, all durable)
 * against a bare Javalin + SQLite insert of the same body with the same durability settings, side by side in
 * one run on this machine. Run with scripts/benchmark.sh intake [requests] [threads].
 */
public final class IntakeBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private IntakeBenchmark() {
    }

    /**
     * {@code cpuMs}: CPU time of this whole process (server and client threads) per request while measuring. On a
     * shared machine it moves far less with other people's load than the request rate does.
     */
    record Result(String name, int requests, double seconds, List<Double> latenciesMs, double cpuMs) {
        void print(Result baseline) {
            List<Double> sorted = new ArrayList<>(latenciesMs);
            Collections.sort(sorted);
            double p50 = sorted.get(sorted.size() / 2);
            double p99 = sorted.get((int) Math.min(sorted.size() - 1, Math.round(sorted.size() * 0.99)));
            double rate = requests / seconds;
            String ratio = baseline == null ? "" : String.format("  (%.2fx the bare insert's time per request)",
                    (baseline.requests / baseline.seconds) / rate);
            System.out.printf("%-28s %6d requests  %8.1f req/s  p50 %6.2f ms  p99 %6.2f ms  cpu %5.2f ms/req%s%n", name,
                    requests, rate, p50, p99, cpuMs, ratio);
        }
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        System.out.printf("Case submission, %d requests over %d client threads, %d cores%n", requests, threads,
                Runtime.getRuntime().availableProcessors());
        Result bare = bare(requests, threads);
        Result gehoord = gehoord(requests, threads);
        bare.print(null);
        gehoord.print(bare);
    }

    static Result gehoord(int requests, int threads) throws Exception {
        // Loopback load from a few installs: raise the case limits through the ordinary settings.
        Map<String, String> limits = Map.of("GEHOORD_RATE_LIMIT_CASE_DEVICE", "100000000/1h",
                "GEHOORD_RATE_LIMIT_CASE_ADDRESS", "100000000/1h", "GEHOORD_RATE_LIMIT_CASE_GLOBAL", "100000000/1h");
        try (TestServer server = TestServer.start(limits)) {
            String base = server.client().baseUrl();
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/devices"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"platform\":\"android\",\"locale\":\"nl\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                tokens.add(JSON.readTree(r.body()).path("deviceToken").asText());
            }
            byte[] body = JSON.writeValueAsBytes(Journeys.complaint("Ik mag niet naar buiten van de groepsleiding."));
            return run("Gehoord POST /v1/cases", requests, threads, i -> HttpRequest.newBuilder(URI.create(base + "/v1/cases"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + tokens.get(i % threads))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), 201);
        }
    }

    static Result bare(int requests, int threads) throws Exception {
        Path dir = Files.createTempDirectory("bare-bench");
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("bare.db"), config.toProperties());
        connection.createStatement().execute("CREATE TABLE cases (id TEXT PRIMARY KEY, body TEXT NOT NULL)");
        ReentrantLock lock = new ReentrantLock();
        Javalin app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.routes.post("/cases", ctx -> {
                String id = UUID.randomUUID().toString();
                lock.lock();
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO cases (id, body) VALUES (?, ?)")) {
                    insert.setString(1, id);
                    insert.setString(2, ctx.body());
                    insert.executeUpdate();
                } finally {
                    lock.unlock();
                }
                ctx.status(201).json(Map.of("caseId", id));
            });
        }).start("127.0.0.1", 0);
        try {
            byte[] body = JSON.writeValueAsBytes(Journeys.complaint("Ik mag niet naar buiten van de groepsleiding."));
            String base = "http://127.0.0.1:" + app.port();
            return run("bare Javalin+SQLite insert", requests, threads, i -> HttpRequest.newBuilder(URI.create(base + "/cases"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), 201);
        } finally {
            app.stop();
            connection.close();
        }
    }

    interface RequestFactory {
        HttpRequest make(int i);
    }

    static Result run(String name, int requests, int threads, RequestFactory factory, int expected) throws Exception {
        // Warm up the JIT and the connection pool before measuring.
        for (int i = 0; i < Math.min(200, requests / 5); i++) {
            HTTP.send(factory.make(i), HttpResponse.BodyHandlers.discarding());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = thread; i < requests; i += threads) {
                    long sent = System.nanoTime();
                    HttpResponse<Void> response = HTTP.send(factory.make(i), HttpResponse.BodyHandlers.discarding());
                    latencies.add((System.nanoTime() - sent) / 1e6);
                    if (response.statusCode() != expected) {
                        throw new IllegalStateException(name + " answered " + response.statusCode());
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMs = (processCpuNanos() - cpuStart) / 1e6 / requests;
        pool.shutdown();
        return new Result(name, requests, seconds, latencies, cpuMs);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
