package nl.gehoord.retention;

import java.util.List;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The look-ups the daily retention job needs; erasing itself goes through the intake service's erase. */
public interface RetentionDao {
    /** Finished cases whose content is still there and that closed before the cut-off, oldest first. */
    @SqlQuery("""
            SELECT id FROM cases
            WHERE erased_at IS NULL AND status IN ('closed', 'resolved', 'withdrawn')
              AND COALESCE(closed_at, updated_at) < :before
            ORDER BY COALESCE(closed_at, updated_at), id
            LIMIT :limit
            """)
    List<String> finishedCasesClosedBefore(long before, int limit);

    /** App installs not seen since the cut-off. Their case links and idempotency records go with them. */
    @SqlQuery("SELECT id FROM devices WHERE last_seen_at < :before ORDER BY last_seen_at, id LIMIT :limit")
    List<String> devicesUnusedSince(long before, int limit);

    @SqlUpdate("DELETE FROM devices WHERE id = :id AND last_seen_at < :before")
    int deleteDevice(String id, long before);

    /** 1 when this call claimed the day for the job (no instance ran it on that day yet), else 0. */
    @SqlUpdate("""
            INSERT INTO scheduled_runs (job, last_day) VALUES (:job, :day)
            ON CONFLICT (job) DO UPDATE SET last_day = excluded.last_day WHERE scheduled_runs.last_day < excluded.last_day
            """)
    int claimDay(String job, String day);
}
