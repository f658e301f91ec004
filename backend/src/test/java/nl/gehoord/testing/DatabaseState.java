package nl.gehoord.testing;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import nl.gehoord.db.Database;

/** A fingerprint of every row in every table, to prove that a refused request changed nothing. */
public final class DatabaseState {
    private DatabaseState() {
    }

    public static String fingerprint(Database db) {
        awaitPushesSettled(db);
        // Published trend months and years, and published signal counts with the signals' record keys, are stored the
        // first time any council asks (derived from what is stored, never changed after): an accepted GET /v1/trends
        // or /v1/trends/signals may write them, so they are no change by a request.
        return db.read(h -> {
            List<String> tables = h.createQuery("""
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                      AND name <> 'flyway_schema_history'
                      AND name NOT IN ('trend_published_months', 'trend_published_cells', 'trend_published_years',
                                       'trend_published_year_cells', 'signal_record_keys',
                                       'signal_published_months', 'signal_published_cells') ORDER BY name
                    """).mapTo(String.class).list();
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                for (String table : tables) {
                    digest.update(table.getBytes());
                    List<Map<String, Object>> rows = h.createQuery("SELECT * FROM " + table + " ORDER BY 1").mapToMap().list();
                    for (Map<String, Object> row : rows) {
                        digest.update(new java.util.TreeMap<>(row).toString().getBytes());
                    }
                }
                return HexFormat.of().formatHex(digest.digest());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * The server's background dispatcher settles fresh outbox rows (sent, dropped) moments after
     * the request that wrote them; wait (bounded) until none is fresh or in flight, so it cannot change a row
     * between two fingerprints.
     */
    static void awaitPushesSettled(Database db) {
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            int unsettled = db.read(h -> h.createQuery("""
                    SELECT COUNT(*) FROM push_outbox
                    WHERE state = 'pending' AND (claim_id IS NOT NULL OR not_before <= created_at)
                    """).mapTo(Integer.class).one());
            if (unsettled == 0) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
