package nl.gehoord.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A SQLite database in a folder of its own, with a statement cache the test can look into, created with one table
 * and removed whole on close.
 */
record ScratchDatabase(Path dir, Database db, CachedStatements cache) implements AutoCloseable {
    static ScratchDatabase open(String name, String createTable) throws IOException {
        Path dir = Files.createTempDirectory(name);
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("test.db"));
        CachedStatements cache = new CachedStatements();
        db.jdbi().setStatementBuilderFactory(cache);
        db.writeVoid(h -> h.execute(createTable));
        return new ScratchDatabase(dir, db, cache);
    }

    @Override
    public void close() throws IOException {
        db.close();
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }
}
