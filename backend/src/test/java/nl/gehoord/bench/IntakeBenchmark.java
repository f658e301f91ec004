package nl.gehoord.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.gehoord.testing.Journeys;

/**
 * Case submission over real HTTP: Gehoord ({@code java nl.gehoord.Main serve --demo}: validation, encryption,
 * routing, timeline, idempotency, push outbox and trends, all durable) against {@link BareInsertServer} (one SQLite
 * insert of the same body, same durability), each in its own process, side by side in one run at 8, 64 and 256
 * connections. Prints requests per second, p99, the rate ratio, non-2xx answers, the server process's CPU per
 * request, its resident memory after the load, and the start-up time of each server without demo data.
 *
 * <p>Usage: scripts/benchmark.sh intake [seconds per level] [connections,...]. Both servers get the JVM options of
 * {@code -Dbench.jvm} (default {@link #DOCUMENTED_JVM}, the options docs/operations.md gives). With
 * {@code -Dbench.profile=FILE} the Gehoord server's load levels are recorded with Java Flight Recorder into FILE
 * (settings {@code profile}, or the .jfc file of {@code -Dbench.profile.settings}).
 */
public final class IntakeBenchmark {
    /** The heap and collector docs/operations.md and run-demo.sh run Gehoord with. */
    static final String DOCUMENTED_JVM = "-Xms64m -Xmx128m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=48m";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int DEVICES = 64;
    private static final double WARMUP_SECONDS = 3;
    /** Linux's USER_HZ, the unit of the thread times in /proc. */
    private static final int CLOCK_TICKS_PER_SECOND = 100;

    private IntakeBenchmark() {
    }

    record Level(int connections, HttpLoad.Window window, double cpuMsPerRequest) {
    }

    record Server(String name, Process process, int port) implements AutoCloseable {
        long cpuNanos() {
            return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }

        /**
         * CPU time per part of the process (clock ticks of its threads, by thread name, from /proc), so a level shows
         * where a case's CPU goes, native code and the JVM's own threads included.
         */
        Map<String, Long> cpuTicksByPart() {
            Map<String, Long> parts = new TreeMap<>();
            try (var tasks = Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
                for (Path task : tasks.toList()) {
                    String stat;
                    try {
                        stat = Files.readString(task.resolve("stat"));
                    } catch (IOException ended) {
                        continue;
                    }
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // utime and stime: fields 14 and 15 of stat, here 12 and 13 after the name
                    parts.merge(part(name), Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                }
            } catch (IOException e) {
                return Map.of();
            }
            return parts;
        }

        private static String part(String thread) {
            if (thread.startsWith("JettyServerThr") || thread.startsWith("qtp")) {
                return "requests";
            }
            if (thread.startsWith("gehoord-db-wri")) {
                return "writer";
            }
            if (thread.startsWith("gehoord-push")) {
                return "push";
            }
            if (thread.startsWith("C1 ") || thread.startsWith("C2 ")) {
                return "compiler";
            }
            if (thread.startsWith("GC ") || thread.startsWith("G1 ") || thread.equals("VM Thread")) {
                return "gc";
            }
            return "other";
        }

        long rssKb() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
            return -1;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        int[] levels = args.length > 1 ? Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {8, 64, 256};
        String jvm = System.getProperty("bench.jvm", DOCUMENTED_JVM);
        System.out.printf("Case submission: %.0f s per level after %.0f s warm-up, %d cores, load average %s,"
                        + " server JVM options: %s%n", seconds, WARMUP_SECONDS,
                Runtime.getRuntime().availableProcessors(), loadAverage(), jvm.isBlank() ? "(none)" : jvm);
        byte[] body = JSON.writeValueAsBytes(Journeys.complaint("Ik mag niet naar buiten van de groepsleiding."));

        double bareStart = startupSeconds("bare", jvm);
        double gehoordStart = startupSeconds("gehoord", jvm);
        String jar = System.getProperty("bench.jar");
        double jarStart = Double.NaN;
        double archivedStart = Double.NaN;
        if (jar != null) {
            // As docs/operations.md runs it: the jar, once plain and once with the class-data archive of a training run.
            Path archive = Files.createTempDirectory("bench-cds").resolve("gehoord.jsa");
            train(jvm, jar, archive);
            jarStart = startupSeconds("jar:" + jar, jvm);
            archivedStart = startupSeconds("jar:" + jar, jvm + " -XX:SharedArchiveFile=" + archive);
        }

        List<Level> bare = new ArrayList<>();
        long bareRss;
        try (Server server = start("bare", jvm, Files.createTempDirectory("bench-bare"), false)) {
            warmUp(server, levels, n -> HttpLoad.post("/cases", new String[0], body));
            for (int connections : levels) {
                bare.add(level(server, connections, seconds, n -> HttpLoad.post("/cases", new String[0], body)));
            }
            bareRss = server.rssKb();
        }
        List<Level> gehoord = new ArrayList<>();
        long gehoordRss;
        try (Server server = start("gehoord", jvm, Files.createTempDirectory("bench-gehoord"), true)) {
            String[] tokens = devices(server.port());
            awaitIdle(server);
            warmUp(server, levels, cases(tokens, body));
            String profile = System.getProperty("bench.profile");
            if (profile != null) {
                jcmd(server, "JFR.start", "name=load", "filename=" + profile,
                        "settings=" + System.getProperty("bench.profile.settings", "profile"));
            }
            for (int connections : levels) {
                gehoord.add(level(server, connections, seconds, cases(tokens, body)));
            }
            gehoordRss = server.rssKb();
            if (System.getProperty("bench.jvm", "").contains("NativeMemoryTracking")) {
                jcmd(server, "VM.native_memory", "summary");
            }
            if (profile != null) {
                jcmd(server, "JFR.stop", "name=load");
            }
        }
        System.out.printf("%n| connections | Gehoord req/s | p99 | non-2xx | CPU/case | bare insert req/s | p99 | non-2xx"
                + " | CPU/req | ratio | p99 ratio |%n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n");
        for (int i = 0; i < levels.length; i++) {
            Level g = gehoord.get(i);
            Level b = bare.get(i);
            System.out.printf("| %d | %,.0f | %.1f ms | %d | %.2f ms | %,.0f | %.1f ms | %d | %.2f ms | %.2f | %.1fx |%n",
                    levels[i], g.window.rate(), g.window.percentileMs(0.99), g.window.failed(), g.cpuMsPerRequest,
                    b.window.rate(), b.window.percentileMs(0.99), b.window.failed(), b.cpuMsPerRequest,
                    g.window.rate() / b.window.rate(), g.window.percentileMs(0.99) / b.window.percentileMs(0.99));
        }
        System.out.printf("%nResident memory after the load: Gehoord %d MB, bare insert %d MB%n", gehoordRss / 1024,
                bareRss / 1024);
        System.out.printf("Start-up without demo (process start to /health answering): Gehoord %.2f s, bare %.2f s%n",
                gehoordStart, bareStart);
        if (jar != null) {
            System.out.printf("Start-up of gehoord.jar without demo: %.2f s, with its class-data archive %.2f s%n",
                    jarStart, archivedStart);
        }
        System.out.printf("Load average at the end: %s%n", loadAverage());
    }

    private static Level level(Server server, int connections, double seconds,
                               java.util.function.IntFunction<byte[]> request) throws Exception {
        long[] cpu = new long[1];
        List<Map<String, Long>> ticks = new ArrayList<>(List.of(Map.of()));
        HttpLoad.Window window = HttpLoad.run(server.port(), connections, WARMUP_SECONDS, seconds, request, 201,
                () -> {
                    cpu[0] = server.cpuNanos();
                    ticks.set(0, server.cpuTicksByPart());
                });
        long requests = Math.max(1, window.ok() + window.failed());
        double cpuMs = (server.cpuNanos() - cpu[0]) / 1e6 / requests;
        StringBuilder parts = new StringBuilder();
        server.cpuTicksByPart().forEach((part, after) -> parts.append(String.format("  %s %.2f", part,
                (after - ticks.get(0).getOrDefault(part, 0L)) * 1000.0 / CLOCK_TICKS_PER_SECOND / requests)));
        System.out.printf("%-8s %4d connections: %,8.0f req/s  p50 %7.1f ms  p99 %7.1f ms  non-2xx %d  cpu %.2f ms/req%n"
                        + "         CPU ms/req by thread:%s%n",
                server.name(), connections, window.rate(), window.percentileMs(0.5), window.percentileMs(0.99),
                window.failed(), cpuMs, parts);
        return new Level(connections, window, cpuMs);
    }

    /**
     * New cases from the benchmark's phones, each request with an idempotency key of its own: every call gives keys
     * no earlier load used, so no level measures replays of another's cases.
     */
    private static java.util.function.IntFunction<byte[]> cases(String[] tokens, byte[] body) {
        String run = Long.toString(System.nanoTime(), 36);
        return n -> HttpLoad.post("/v1/cases", new String[] {
            "Authorization: Bearer " + tokens[n % DEVICES], "Idempotency-Key: " + run + "-" + n}, body);
    }

    /**
     * Loads the server until the JIT compiler has done its work, at each level's number of connections in turn (a
     * request alone in its commit runs other code than one in a group): until its threads stayed below a twentieth
     * of a core over two seconds at every level in a row, at most a minute. So the levels measure a server as it
     * runs for days, not one still compiling.
     */
    private static void warmUp(Server server, int[] levels, java.util.function.IntFunction<byte[]> request)
            throws Exception {
        long started = System.nanoTime();
        double share = Double.NaN;
        int quietInARow = 0;
        for (int round = 0; round < 30 && quietInARow < levels.length; round++) {
            long before = server.cpuTicksByPart().getOrDefault("compiler", 0L);
            HttpLoad.run(server.port(), levels[round % levels.length], 0, 2, request, 201, () -> { });
            long ticks = server.cpuTicksByPart().getOrDefault("compiler", 0L) - before;
            share = ticks / (2.0 * CLOCK_TICKS_PER_SECOND);
            quietInARow = share < 0.05 ? quietInARow + 1 : 0;
        }
        System.out.printf("%-8s warmed up in %.0f s (the JIT compiler at %.0f%% of a core at the end)%n", server.name(),
                (System.nanoTime() - started) / 1e9, share * 100);
    }

    /**
     * Waits until the server's own start-up work (the demo's generated cases, the trends warm-up) is done, so it is
     * not counted as the cost of the cases: less than 5% of one core over half a second, or 90 s at most.
     */
    private static void awaitIdle(Server server) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long last = server.cpuNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            long now = server.cpuNanos();
            if (now - last < Duration.ofMillis(25).toNanos()) {
                return;
            }
            last = now;
        }
    }

    /** App installs with a push token, as phones register them. */
    private static String[] devices(int port) throws Exception {
        String[] tokens = new String[DEVICES];
        for (int i = 0; i < DEVICES; i++) {
            String registration = "{\"platform\":\"android\",\"locale\":\"nl\",\"pushToken\":\"bench-fcm-token-" + i + "\"}";
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/devices"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(registration)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode node = JSON.readTree(r.body());
            tokens[i] = node.path("deviceToken").asText();
        }
        return tokens;
    }

    /** Process start until /health answers, on an empty data folder and without demo data; best of two. */
    private static double startupSeconds(String kind, String jvm) throws Exception {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            try (Server ignored = start(kind, jvm, Files.createTempDirectory("bench-start"), false)) {
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
        }
        return best;
    }

    private static Server start(String kind, String jvm, Path dir, boolean demo) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (!jvm.isBlank()) {
            command.addAll(Arrays.asList(jvm.trim().split("\\s+")));
        }
        if (kind.startsWith("jar:")) {
            command.add("-jar");
            command.add(kind.substring("jar:".length()));
        } else {
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        // As docs/operations.md runs it, for both servers: two malloc arenas instead of glibc's eight per core.
        pb.environment().put("MALLOC_ARENA_MAX", "2");
        if (kind.startsWith("jar:")) {
            command.add("serve");
            gehoordEnvironment(pb, dir, port);
        } else if (kind.equals("bare")) {
            command.addAll(List.of(BareInsertServer.class.getName(), Integer.toString(port),
                    dir.resolve("bare.db").toString()));
        } else {
            command.add("nl.gehoord.Main");
            command.add("serve");
            if (demo) {
                command.add("--demo");
            }
            gehoordEnvironment(pb, dir, port);
        }
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("server.log").toFile());
        Process process = pb.start();
        Server server = new Server(kind, process, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(kind + " stopped: " + Files.readString(dir.resolve("server.log")));
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return server;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        server.close();
        throw new IllegalStateException(kind + " did not start within 120 s");
    }

    private static void gehoordEnvironment(ProcessBuilder pb, Path dir, int port) {
        Map<String, String> env = pb.environment();
        env.put("GEHOORD_DATA_DIR", dir.toString());
        env.put("GEHOORD_PORT", Integer.toString(port));
        env.put("GEHOORD_HOST", "127.0.0.1");
        env.put("GEHOORD_DEMO_PASSWORD", "benchmark-password-1");
        // Loopback load from a few installs: raise the limits through the ordinary settings.
        for (String limit : List.of("CASE_DEVICE", "CASE_ADDRESS", "CASE_GLOBAL", "REGISTER_ADDRESS",
                "REGISTER_GLOBAL")) {
            env.put("GEHOORD_RATE_LIMIT_" + limit, "100000000/1h");
        }
    }

    /** The training run: starts the jar once and stops, writing the classes it loaded into {@code archive}. */
    private static void train(String jvm, String jar, Path archive) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(jvm.trim().split("\\s+")));
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-jar", jar, "serve", "--exit-when-started"));
        ProcessBuilder pb = new ProcessBuilder(command);
        Path dir = Files.createTempDirectory("bench-train");
        try (ServerSocket s = new ServerSocket(0)) {
            gehoordEnvironment(pb, dir, s.getLocalPort());
        }
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("train.log").toFile());
        if (pb.start().waitFor() != 0 || !Files.exists(archive)) {
            throw new IllegalStateException("training run failed: " + Files.readString(dir.resolve("train.log")));
        }
    }

    /** Runs a diagnostic command in the server's JVM (the JDK's {@code jcmd}, next to the running java). */
    private static void jcmd(Server server, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(server.process().pid())));
        line.addAll(Arrays.asList(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed");
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
