package nl.gehoord.db;

import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Which of the start-up upgrades that need the key file have finished; each runs once. Two servers starting
 * together may both finish one, so marking it done is idempotent.
 */
public interface KeyedUpgradeDao {
    @SqlQuery("SELECT COUNT(*) > 0 FROM keyed_upgrades WHERE name = :name")
    boolean done(String name);

    @SqlUpdate("INSERT INTO keyed_upgrades (name, done_at) VALUES (:name, :at) ON CONFLICT (name) DO NOTHING")
    void markDone(String name, long at);
}
