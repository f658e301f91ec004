package nl.gehoord.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import nl.gehoord.db.Database;
import nl.gehoord.demo.DemoData;

/**
 * One real PostgreSQL server (embedded, no install) for the whole test run, started on first use and stopped
 * when the JVM ends. Each test gets a fresh database of its own: an empty one, or a copy of one that is migrated
 * and seeded with the demo once per run (PostgreSQL copies a template database in a fraction of the time the
 * migrations take).
 */
public final class Postgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String SEEDED_TEMPLATE = "gehoord_seeded_template";
    private static EmbeddedPostgres server;
    private static boolean seededTemplate;

    private Postgres() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is ending anyway
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }

    /** A JDBC URL of a new, empty database. */
    public static String freshDatabaseUrl() {
        return create("gehoord_test_" + DATABASES.incrementAndGet(), "");
    }

    /**
     * A JDBC URL of a new database holding what a first start makes: every migration and the demo data (staff log
     * in with {@link TestServer#DEMO_PASSWORD}), as {@link TemplateData} is for SQLite. A server started on it
     * finds nothing left to do.
     */
    public static String seededDatabaseUrl() {
        synchronized (Postgres.class) {
            if (!seededTemplate) {
                try (Database db = Database.open(create(SEEDED_TEMPLATE, ""))) {
                    db.migrate();
                    DemoData.seed(db, new MutableClock(TestServer.START), TestServer.DEMO_PASSWORD);
                }
                seededTemplate = true;
            }
        }
        return create("gehoord_test_" + DATABASES.incrementAndGet(), " TEMPLATE " + SEEDED_TEMPLATE);
    }

    private static String create(String name, String template) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + template);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }
}
