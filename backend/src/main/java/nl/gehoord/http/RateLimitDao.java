package nl.gehoord.http;

import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The buckets shared through PostgreSQL; Bucket4j reads and writes them itself, this only empties the table. */
public interface RateLimitDao {
    @SqlUpdate("DELETE FROM " + RateLimits.SHARED_TABLE)
    void clear();
}
