package nl.gehoord.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.gehoord.demo.DemoCases;
import nl.gehoord.testing.TestServer;

/**
 * GET /v1/trends?by=topic on the demo (8,000 cases) through real HTTP: CPU of the whole process per warm request
 * (server and client together, so an upper bound for the server), and latency at 64 concurrent requests.
 */
public final class TrendsHttpBenchmark {
    private TrendsHttpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        run();
    }

    static void run() throws Exception {
        try (TestServer server = TestServer.start()) {
            DemoCases.seed(server.app().database(), server.app().trendRollup(), server.clock());
            server.app().trendsWarmer().runOnce();
            String base = server.client().baseUrl();
            String token = "Bearer " + server.client().anonymous().post("/v1/staff/session", java.util.Map.of("email",
                    "council@demo.local", "password", TestServer.DEMO_PASSWORD)).text("token");
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/trends?by=topic"))
                    .header("Authorization", token).GET().build();
            for (int i = 0; i < 300; i++) {
                check(http.send(request, HttpResponse.BodyHandlers.ofString()));
            }
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            int sequential = 1000;
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            for (int i = 0; i < sequential; i++) {
                check(http.send(request, HttpResponse.BodyHandlers.ofString()));
            }
            long cpu = os.getProcessCpuTime() - cpu0;
            long wall = System.nanoTime() - wall0;
            System.out.printf("%nDemo, GET /v1/trends?by=topic (default 12 months), one after another: %.2f ms of CPU"
                            + " per request (whole process: server and client), %.2f ms wall per request%n",
                    cpu / 1e6 / sequential, wall / 1e6 / sequential);

            int threads = 64;
            int perThread = 40;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<long[]>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    long[] times = new long[perThread];
                    for (int i = 0; i < perThread; i++) {
                        long s = System.nanoTime();
                        check(http.send(request, HttpResponse.BodyHandlers.ofString()));
                        times[i] = System.nanoTime() - s;
                    }
                    return times;
                }));
            }
            long[] all = new long[threads * perThread];
            int k = 0;
            for (Future<long[]> f : futures) {
                for (long v : f.get()) {
                    all[k++] = v;
                }
            }
            long elapsed = System.nanoTime() - start;
            pool.shutdown();
            Arrays.sort(all);
            System.out.printf("64 concurrent clients, %d requests: median %.1f ms, p99 %.1f ms, max %.1f ms, %.0f"
                            + " requests/s%n", all.length, all[all.length / 2] / 1e6,
                    all[(int) Math.ceil(0.99 * all.length) - 1] / 1e6, all[all.length - 1] / 1e6,
                    all.length / (elapsed / 1e9));
        }
    }

    private static void check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("status " + response.statusCode());
        }
    }
}
