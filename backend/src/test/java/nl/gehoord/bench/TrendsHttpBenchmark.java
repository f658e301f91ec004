package nl.gehoord.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
            // Long enough a warm-up for the JIT to compile the request path (its threads are not the server's).
            for (int i = 0; i < Integer.getInteger("bench.warmup", 3000); i++) {
                check(http.send(request, HttpResponse.BodyHandlers.ofString()));
            }
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            int sequential = Integer.getInteger("bench.sequential", 1000);
            Map<Long, Long> threads0 = threadCpu();
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            for (int i = 0; i < sequential; i++) {
                check(http.send(request, HttpResponse.BodyHandlers.ofString()));
            }
            long cpu = os.getProcessCpuTime() - cpu0;
            long wall = System.nanoTime() - wall0;
            long[] split = split(threads0, threadCpu());
            System.out.printf("%nDemo, GET /v1/trends?by=topic (default 12 months), one after another: %.3f ms of CPU"
                            + " per request on the server's threads, %.3f ms on the HTTP client's threads, %.2f ms for the"
                            + " whole process (server, client, JIT, GC), %.2f ms wall per request%n",
                    split[0] / 1e6 / sequential, split[1] / 1e6 / sequential, cpu / 1e6 / sequential,
                    wall / 1e6 / sequential);

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

    /** CPU time of every live thread, by id. */
    private static Map<Long, Long> threadCpu() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : mx.getAllThreadIds()) {
            long t = mx.getThreadCpuTime(id);
            if (t >= 0) {
                cpu.put(id, t);
            }
        }
        return cpu;
    }

    /**
     * CPU time used between two snapshots: [0] by the server's threads (every thread but the HTTP client's, this
     * one, the JIT compilers and the garbage collector's), [1] by the HTTP client's threads and this one.
     */
    private static long[] split(Map<Long, Long> before, Map<Long, Long> after) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long server = 0;
        long client = 0;
        long self = Thread.currentThread().getId();
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            long used = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            java.lang.management.ThreadInfo info = mx.getThreadInfo(e.getKey());
            String name = info == null ? "" : info.getThreadName();
            if (e.getKey() == self || name.startsWith("HttpClient")) {
                client += used;
            } else if (!name.contains("Compiler") && !name.startsWith("GC") && !name.contains("Sweeper")) {
                server += used;
            }
        }
        return new long[] {server, client};
    }

    private static void check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("status " + response.statusCode());
        }
    }
}
