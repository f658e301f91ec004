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
        db.writeVoid(h -> h.attach(TrendSettingsDao.class).set(organisationId, size, clock.millis()));
    }

    static int minCellSize(Handle h, String organisationId) {
        int size = h.attach(TrendSettingsDao.class).minCellSize(organisationId).orElse(DEFAULT_MIN_CELL_SIZE);
        return Math.max(LOWEST_MIN_CELL_SIZE, size);
    }
}
