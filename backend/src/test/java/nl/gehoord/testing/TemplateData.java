package nl.gehoord.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.gehoord.App;
import nl.gehoord.config.SettingsLoader;
import nl.gehoord.crypto.KeyRing;
import nl.gehoord.db.Database;
import nl.gehoord.demo.DemoData;

/**
 * A data folder migrated and seeded with the demo once per test run, copied for each test that needs a fresh
 * one: a copy of a small file costs far less than running every migration and hashing the demo password again.
 * The copy is a real SQLite file that the server then opens and migrates as always (nothing left to do).
 */
public final class TemplateData {
    public static final String DATABASE = "gehoord.db";
    public static final String KEYS = "keys.json";
    private static Path template;
    private static Map<String, List<Map<String, Object>>> rows;
    private static List<String> triggers;

    private TemplateData() {
    }

    /** Fills an empty folder with a copy of the template (database and key file). */
    public static void copyInto(Path dir) {
        try {
            Path from = template();
            for (String file : List.of(DATABASE, KEYS)) {
                Files.copy(from.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new temporary folder holding a copy of the template. */
    public static Path freshFolder(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            copyInto(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every table of the template and its rows (the demo data), for putting a shared server back. */
    public static synchronized Map<String, List<Map<String, Object>>> rows() {
        if (rows == null) {
            Map<String, List<Map<String, Object>>> all = new LinkedHashMap<>();
            try (Database db = Database.open("jdbc:sqlite:" + template().resolve(DATABASE))) {
                db.read(h -> {
                    for (String table : h.createQuery("""
                            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                              AND name <> 'flyway_schema_history' ORDER BY name
                            """).mapTo(String.class).list()) {
                        all.put(table, h.createQuery("SELECT * FROM \"" + table + "\"").mapToMap().list());
                    }
                    return null;
                });
            }
            rows = Collections.unmodifiableMap(all);
        }
        return rows;
    }

    /**
     * The template's triggers as SQL, for putting a shared server back: a test that drops one (to play an attacker
     * with file access) must not leave the next test without it.
     */
    public static synchronized List<String> triggers() {
        if (triggers == null) {
            try (Database db = Database.open("jdbc:sqlite:" + template().resolve(DATABASE))) {
                triggers = List.copyOf(db.read(h -> h.createQuery(
                        "SELECT sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").mapTo(String.class).list()));
            }
        }
        return triggers;
    }

    /** The folder of the template, made on first use. */
    public static synchronized Path template() {
        try {
            return makeTemplate();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path makeTemplate() throws IOException {
        if (template == null) {
            Path dir = Files.createTempDirectory("gehoord-template");
            try (Database db = Database.open("jdbc:sqlite:" + dir.resolve(DATABASE))) {
                db.migrate();
                DemoData.seed(db, new MutableClock(TestServer.START), TestServer.DEMO_PASSWORD);
            }
            KeyRing.loadOrCreate(dir.resolve(KEYS), new SecureRandom());
            // Started once, so the template holds what a first start writes (canned replies sealed, audit entries
            // keyed): a copy starts with nothing left to do, and a shared server put back to it is as a new one.
            App.start(SettingsLoader.from(Map.of("GEHOORD_DATA_DIR", dir.toString(), "GEHOORD_PORT", "0",
                    "GEHOORD_HOST", "127.0.0.1")), new MutableClock(TestServer.START), new SecureRandom(),
                    App.Options.plain().withStopSilence(Duration.ofMillis(50))).close();
            template = dir;
        }
        return template;
    }
}
