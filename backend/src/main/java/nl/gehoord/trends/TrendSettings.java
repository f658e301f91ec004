package nl.gehoord.trends;

import java.time.Clock;
import nl.gehoord.db.Database;
import nl.gehoord.http.ApiException;
import org.jdbi.v3.core.Handle;

/** The minimum group size per organisation: 10 unless set, and never below 5. */
public final class TrendSettings {
    public static final int DEFAULT_MIN_CELL_SIZE = 10;
    public static final int LOWEST_MIN_CELL_SIZE = 5;

    private final Database db;
    private final Clock clock;

    public TrendSettings(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void setMinCellSize(String organisationId, int size) {
        if (size < LOWEST_MIN_CELL_SIZE || size > 1000) {
            throw ApiException.validation("minCellSize", "out_of_range");
        }
        db.writeVoid(h -> h.createUpdate("""
                INSERT INTO trend_settings (organisation_id, min_cell_size, updated_at) VALUES (:org, :size, :now)
                ON CONFLICT (organisation_id) DO UPDATE SET min_cell_size = excluded.min_cell_size,
                    updated_at = excluded.updated_at
                """).bind("org", organisationId).bind("size", size).bind("now", clock.millis()).execute());
    }

    static int minCellSize(Handle h, String organisationId) {
        int size = h.createQuery("SELECT min_cell_size FROM trend_settings WHERE organisation_id = :org")
                .bind("org", organisationId).mapTo(Integer.class).findOne().orElse(DEFAULT_MIN_CELL_SIZE);
        return Math.max(LOWEST_MIN_CELL_SIZE, size);
    }
}
