package nl.gehoord.db;

import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** PostgreSQL's transaction-scoped advisory locks: held until commit or rollback, shared by every instance. */
interface LockDao {
    @SqlQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(:name, 0))) AS taken")
    int lock(String name);
}
