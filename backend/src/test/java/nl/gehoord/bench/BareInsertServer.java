package nl.gehoord.bench;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The reference for the intake benchmark, run as its own process: a bare Javalin handler that inserts the body
 * into SQLite with Gehoord's durability settings (WAL, synchronous=FULL), one transaction per request.
 * Usage: BareInsertServer PORT DATABASE-FILE
 */
public final class BareInsertServer {
    private BareInsertServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + Path.of(args[1]), config.toProperties());
        connection.createStatement().execute("CREATE TABLE IF NOT EXISTS cases (id TEXT PRIMARY KEY, body TEXT NOT NULL)");
        PreparedStatement insert = connection.prepareStatement("INSERT INTO cases (id, body) VALUES (?, ?)");
        ReentrantLock lock = new ReentrantLock();
        Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.routes.get("/health", ctx -> ctx.result("ok"));
            c.routes.post("/cases", ctx -> {
                String id = UUID.randomUUID().toString();
                String body = ctx.body();
                lock.lock();
                try {
                    insert.setString(1, id);
                    insert.setString(2, body);
                    insert.executeUpdate();
                } finally {
                    lock.unlock();
                }
                ctx.status(201).json(Map.of("caseId", id));
            });
        }).start("127.0.0.1", port);
    }
}
