package nl.gehoord.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import nl.gehoord.App;
import nl.gehoord.config.Settings;
import nl.gehoord.config.SettingsLoader;
import nl.gehoord.demo.DemoData;

/**
 * A real Gehoord server on a random port, with a temporary data folder (a real SQLite file), the demo data and
 * a clock the test controls. Close it to stop the server; the folder stays for inspection until the JVM ends.
 */
public final class TestServer implements AutoCloseable {
    public static final String DEMO_PASSWORD = "demo-password-for-tests";
    /** A Monday morning in Amsterdam, so working-day arithmetic is easy to follow. */
    public static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

    private final Path dataDir;
    private final MutableClock clock;
    private final App app;
    private final Settings settings;

    private TestServer(Path dataDir, MutableClock clock, Settings settings, App app) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.settings = settings;
        this.app = app;
    }

    public static TestServer start() {
        return start(Map.of());
    }

    public static TestServer start(Map<String, String> extraEnv) {
        try {
            Path dir = Files.createTempDirectory("gehoord-test");
            return startIn(dir, extraEnv);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** With the push transport given, such as the real FCM sender aimed at a {@link FakeFcm}. */
    public static TestServer start(Map<String, String> extraEnv, nl.gehoord.push.PushSender pushSender) {
        try {
            return startIn(Files.createTempDirectory("gehoord-test"), extraEnv, pushSender);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts on an existing data folder (for restart and crash tests). */
    public static TestServer startIn(Path dataDir, Map<String, String> extraEnv) {
        return startIn(dataDir, extraEnv, null);
    }

    public static TestServer startIn(Path dataDir, Map<String, String> extraEnv, nl.gehoord.push.PushSender pushSender) {
        Map<String, String> env = new HashMap<>();
        env.put("GEHOORD_DATA_DIR", dataDir.toString());
        env.put("GEHOORD_PORT", "0");
        env.put("GEHOORD_HOST", "127.0.0.1");
        env.putAll(extraEnv);
        Settings settings = SettingsLoader.from(env);
        MutableClock clock = new MutableClock(START);
        App app = App.startWithDemo(settings, clock, new SecureRandom(), DEMO_PASSWORD, pushSender);
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

    public String demoOrganisation() {
        return DemoData.ORGANISATION_ID;
    }

    @Override
    public void close() {
        app.close();
    }
}
