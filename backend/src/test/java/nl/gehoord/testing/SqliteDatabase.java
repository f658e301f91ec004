package nl.gehoord.testing;

import nl.gehoord.db.Database;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real SQLite file, migrated by Flyway and holding the demo data, new for each test and without a server: for
 * tests of DAOs and of the services right above them. A copy of the run's template, so it costs a file copy.
 * Use as {@code @RegisterExtension final SqliteDatabase sqlite = new SqliteDatabase();}.
 */
public final class SqliteDatabase implements BeforeEachCallback, AfterEachCallback {
    private Database db;
    private final MutableClock clock = new MutableClock(TestServer.START);

    public Database db() {
        return db;
    }

    public MutableClock clock() {
        return clock;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        clock.set(TestServer.START);
        db = Database.open("jdbc:sqlite:" + TemplateData.freshFolder("gehoord-dao").resolve(TemplateData.DATABASE));
        db.migrate();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        db.close();
    }
}
