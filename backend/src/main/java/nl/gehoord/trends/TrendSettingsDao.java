package nl.gehoord.trends;

import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** trend_settings: the minimum group size per organisation. */
public interface TrendSettingsDao {
    @SqlUpdate("""
            INSERT INTO trend_settings (organisation_id, min_cell_size, updated_at) VALUES (:organisationId, :size, :now)
            ON CONFLICT (organisation_id) DO UPDATE SET min_cell_size = excluded.min_cell_size,
                updated_at = excluded.updated_at
            """)
    void set(String organisationId, int size, long now);

    @SqlQuery("SELECT min_cell_size FROM trend_settings WHERE organisation_id = :organisationId")
    Optional<Integer> minCellSize(String organisationId);
}
