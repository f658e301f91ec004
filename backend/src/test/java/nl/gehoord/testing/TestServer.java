package nl.gehoord.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import nl.gehoord.App;
import nl.gehoord.config.Settings;
import nl.gehoord.config.SettingsLoader;
import nl.gehoord.demo.DemoData;
import nl.gehoord.events.CaseEventListener;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * A real Gehoord server on a random port, with a temporary data folder (a real SQLite file), the demo data and
 * a clock the test controls. Close it to stop the server; the folder stays for inspection until the JVM ends.
 */
public final class TestServer implements AutoCloseable {
    public static final String DEMO_PASSWORD = "demo-password-for-tests";
    /** A Monday morning in Amsterdam, so working-day arithmetic is easy to follow. */
    public static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
    /**
     * How long a connection may stay silent once a test server stops: the test's HTTP client keeps idle
     * connections open, and each would hold the stop for the deployed second.
     */
    private static final Duration STOP_SILENCE = Duration.ofMillis(50);

    /**
     * Servers started in this test run, so a change that starts many more shows: each test JVM (surefire fork)
     * writes its own count to target/test-server-starts-fork-N.txt at its end, and the sum over the forks of this
     * run (the files written since this JVM started) to target/test-server-starts.txt.
     */
    private static final AtomicInteger STARTS = new AtomicInteger();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestServer::writeStarts));
    }

    private static void writeStarts() {
        Path target = Path.of("target");
        String prefix = "test-server-starts-";
        long started = ManagementFactory.getRuntimeMXBean().getStartTime();
        try (FileChannel channel = FileChannel.open(target.resolve("test-server-starts.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            Files.writeString(target.resolve(prefix + System.getProperty("gehoord.test.fork", "fork-1") + ".txt"),
                    STARTS.get() + "\n");
            int total = 0;
            try (Stream<Path> files = Files.list(target)) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix + "fork-")).toList()) {
                    if (Files.getLastModifiedTime(f).toMillis() >= started) {
                        total += Integer.parseInt(Files.readString(f).trim());
                    }
                }
            }
            Files.writeString(target.resolve("test-server-starts.txt"), total + "\n");
        } catch (IOException | RuntimeException e) {
            // only a figure for people; never fail a run over it
        }
    }

    private final Path dataDir;
    private final MutableClock clock;
    private final App app;
    private final Settings settings;
    private final SqlLogger sqlLogger;
    private final List<CaseEventListener> listeners = new CopyOnWriteArrayList<>();

    private TestServer(Path dataDir, MutableClock clock, Settings settings, App app) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.settings = settings;
        this.app = app;
        this.sqlLogger = app.database().jdbi().getConfig(SqlStatements.class).getSqlLogger();
    }

    public static TestServer start() {
        return start(Map.of());
    }

    public static TestServer start(Map<String, String> extraEnv) {
        return start(extraEnv, null);
    }

    /** With the push transport given, such as the real FCM sender aimed at a {@link FakeFcm}. */
    public static TestServer start(Map<String, String> extraEnv, nl.gehoord.push.PushSender pushSender) {
        return start(extraEnv, pushSender, STOP_SILENCE);
    }

    /**
     * With the deployed server's patience on stop ({@link App#STOP_SILENCE}), for tests of what a stop does to a
     * request halfway sent.
     */
    public static TestServer startStoppingAsDeployed() {
        return start(Map.of(), null, App.STOP_SILENCE);
    }

    private static TestServer start(Map<String, String> extraEnv, nl.gehoord.push.PushSender pushSender,
                                    Duration stopSilence) {
        try {
            Path dir = Files.createTempDirectory("gehoord-test");
            if (!extraEnv.containsKey("GEHOORD_DATABASE_URL") && !extraEnv.containsKey("GEHOORD_KEY_FILE")) {
                TemplateData.copyInto(dir); // a migrated, seeded copy: the start finds nothing left to do
            }
            return startIn(dir, extraEnv, pushSender, stopSilence);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts on an existing data folder (for restart and crash tests). */
    public static TestServer startIn(Path dataDir, Map<String, String> extraEnv) {
        return startIn(dataDir, extraEnv, null);
    }

    public static TestServer startIn(Path dataDir, Map<String, String> extraEnv, nl.gehoord.push.PushSender pushSender) {
        return startIn(dataDir, extraEnv, pushSender, STOP_SILENCE);
    }

    private static TestServer startIn(Path dataDir, Map<String, String> extraEnv,
                                      nl.gehoord.push.PushSender pushSender, Duration stopSilence) {
        Map<String, String> env = new HashMap<>();
        env.put("GEHOORD_DATA_DIR", dataDir.toString());
        env.put("GEHOORD_PORT", "0");
        env.put("GEHOORD_HOST", "127.0.0.1");
        env.putAll(extraEnv);
        Settings settings = SettingsLoader.from(env);
        MutableClock clock = new MutableClock(START);
        STARTS.incrementAndGet();
        App app = App.start(settings, clock, new SecureRandom(), App.Options.plain()
                .withDemo(new App.Demo(DEMO_PASSWORD, false, false)).withPushSender(pushSender).withStopSilence(stopSilence));
        return new TestServer(dataDir, clock, settings, app);
    }

    public ApiClient client() {
        return new ApiClient("http://127.0.0.1:" + app.port());
    }

    public MutableClock clock() {
        return clock;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path databaseFile() {
        return dataDir.resolve("gehoord.db");
    }

    public App app() {
        return app;
    }

    public Settings settings() {
        return settings;
    }

    /** The server's keyed audit log (same key file), to verify or append in tests. */
    public nl.gehoord.audit.AuditLog auditLog() {
        return new nl.gehoord.audit.AuditLog(clock, nl.gehoord.crypto.KeyRing.loadOrCreate(settings.keyFile(),
                new SecureRandom()));
    }

    /** Listens to the server's case events until the next {@link #reset}. */
    public void listen(CaseEventListener listener) {
        listeners.add(listener);
        app.caseEvents().listen(listener);
    }

    public String demoOrganisation() {
        return DemoData.ORGANISATION_ID;
    }

    /**
     * Puts the server back to how a new one starts: every table as in the template (the demo data), the clock at
     * START, no rate-limit buckets or log-in slow-downs, no trend answers or publications kept in memory (the
     * tables they came from are put back), no case-event listener added by {@link #listen} and the SQL logger it
     * started with. The triggers are lifted for the copy and the template's put back, also one a test dropped.
     */
    public void reset() {
        // With no deadline or trend pass under way, so none that read the clock or the rows before writes after.
        app.slaScheduler().betweenPasses(() -> app.trendsWarmer().betweenPasses(this::putBack));
    }

    private void putBack() {
        clock.set(START);
        app.rateLimits().reset();
        app.loginThrottle().reset();
        listeners.forEach(app.caseEvents()::unlisten);
        listeners.clear();
        app.database().jdbi().setSqlLogger(sqlLogger);
        app.database().jdbi().getConfig(nl.gehoord.db.DirectSql.Observers.class).set(null);
        Map<String, List<Map<String, Object>>> template = TemplateData.rows();
        app.database().writeVoid(h -> {
            h.createQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'").mapTo(String.class).list()
                    .forEach(name -> h.execute("DROP TRIGGER " + name));
            h.execute("PRAGMA defer_foreign_keys = ON");
            // Every table emptied before any is filled: a delete cascades into the tables that refer to its rows.
            template.keySet().forEach(table -> h.execute("DELETE FROM \"" + table + "\""));
            template.forEach((table, rows) -> {
                for (Map<String, Object> row : rows) {
                    String columns = String.join(", ", row.keySet());
                    String values = String.join(", ", row.keySet().stream().map(c -> ":" + c).toList());
                    h.createUpdate("INSERT INTO \"" + table + "\" (" + columns + ") VALUES (" + values + ")")
                            .bindMap(row).execute();
                }
            });
            TemplateData.triggers().forEach(h::execute);
        });
        app.trendsService().forgetKept();
    }

    @Override
    public void close() {
        app.close();
    }
}
