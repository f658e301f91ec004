package nl.gehoord.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import nl.gehoord.bench.TrendsBenchmark;
import nl.gehoord.crypto.KeyRing;
import nl.gehoord.crypto.SecretHasher;
import nl.gehoord.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's bulk counting writes exactly the tables that counting each case through the rollup writes: the
 * same generated cases (with formal complaints in their timelines) in two SQLite files, one counted case by case by
 * {@link TrendRollup#refresh}, the other by {@link TrendBulkLoad}, with the same seeded record keys.
 */
class TrendBulkLoadTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void bulkCountingWritesTheTablesTheRollupWrites() {
        SecretHasher hasher = new SecretHasher(KeyRing.loadOrCreate(dir.resolve("keys.json"), new SecureRandom()));
        Database real = database("real.db");
        Database bulk = database("bulk.db");
        TrendRollup rollup = new TrendRollup(hasher, CLOCK, TrendCases.seeded(7));
        real.writeVoid(h -> {
            List<String> ids = h.createQuery("SELECT id FROM cases ORDER BY id").mapTo(String.class).list();
            ids.forEach(id -> rollup.refresh(h, id));
        });
        assertThat(TrendBulkLoad.load(bulk, hasher, CLOCK, TrendCases.seeded(7))).isEqualTo(3000);

        for (String table : List.of("trend_case_facts", "trend_rollup", "trend_rollup_region",
                "trend_month_versions")) {
            List<Map<String, Object>> expected = rows(real, table);
            assertThat(expected).as(table).isNotEmpty();
            assertThat(rows(bulk, table)).as(table).isEqualTo(expected);
        }
        assertThat(rows(bulk, "trend_case_facts")).as("formal complaints from the timeline are counted")
                .filteredOn(r -> ((Number) r.get("formal")).intValue() == 1).hasSizeGreaterThan(150);
        real.close();
        bulk.close();
    }

    private Database database(String name) {
        Database db = Database.open("jdbc:sqlite:" + dir.resolve(name));
        db.migrate();
        TrendsBenchmark.places(db);
        TrendsBenchmark.insertCases(db, 3000, 5);
        // A formal complaint in the timeline of every 17th case, whatever its status now.
        db.writeVoid(h -> h.createUpdate("""
                INSERT INTO case_events (id, case_id, seq, type, status, created_at)
                SELECT 'ev-' || id, id, 1, 'status_changed', 'formal_complaint', created_at FROM cases
                WHERE CAST(substr(id, 2) AS INTEGER) % 17 = 0
                """).execute());
        return db;
    }

    private static List<Map<String, Object>> rows(Database db, String table) {
        return db.read(h -> h.createQuery("SELECT * FROM " + table).mapToMap().list()).stream()
                .sorted(java.util.Comparator.comparing(Object::toString)).toList();
    }
}
