package nl.gehoord.retention;

import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The retention job's own table. What it erases it finds through the owners' DAOs (cases, devices) and erases
 * through the intake service.
 */
public interface RetentionDao {
    /** 1 when this call claimed the day for the job (no instance ran it on that day yet), else 0. */
    @SqlUpdate("""
            INSERT INTO scheduled_runs (job, last_day) VALUES (:job, :day)
            ON CONFLICT (job) DO UPDATE SET last_day = excluded.last_day WHERE scheduled_runs.last_day < excluded.last_day
            """)
    int claimDay(String job, String day);
}
