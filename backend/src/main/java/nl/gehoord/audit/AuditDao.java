package nl.gehoord.audit;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The audit log table: insert and read only; the database refuses updates and deletes. */
@RegisterConstructorMapper(AuditDao.Entry.class)
public interface AuditDao {
    record Entry(long seq, long at, String actorId, String actorRole, String action, String caseId, String targetId,
                 String mac) {
    }

    @SqlUpdate("""
            INSERT INTO audit_log (seq, at, actor_id, actor_role, action, case_id, target_id, mac)
            VALUES (:seq, :at, :actorId, :actorRole, :action, :caseId, :targetId, :mac)
            """)
    void insert(@BindMethods Entry entry);

    /** PostgreSQL: writers run in parallel, and the chain needs them one at a time. */
    @SqlUpdate("SELECT pg_advisory_xact_lock(7204231)")
    void lockChain();

    @SqlQuery("SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1")
    Optional<Entry> last();

    @SqlQuery("SELECT * FROM audit_log WHERE seq = :seq")
    Optional<Entry> bySeq(long seq);

    @SqlQuery("SELECT * FROM audit_log WHERE seq > :after ORDER BY seq LIMIT :limit")
    List<Entry> page(long after, int limit);

    /** The entries about one organisation: done by its staff, about its cases, or about its staff accounts. */
    @SqlQuery("""
            SELECT * FROM audit_log a WHERE a.seq > :after AND (
                a.actor_id IN (SELECT id FROM staff WHERE organisation_id = :organisationId)
                OR a.case_id IN (SELECT id FROM cases WHERE organisation_id = :organisationId)
                OR a.target_id IN (SELECT id FROM staff WHERE organisation_id = :organisationId)
                OR a.target_id = :organisationId)
            ORDER BY a.seq LIMIT :limit
            """)
    List<Entry> pageForOrganisation(String organisationId, long after,
                                    int limit);

    @SqlQuery("SELECT * FROM audit_log WHERE case_id = :caseId ORDER BY seq")
    List<Entry> forCase(String caseId);

    /** Entries written before the chain was keyed; the database allows only filling in a missing MAC. */
    @SqlQuery("SELECT * FROM audit_log WHERE mac IS NULL ORDER BY seq LIMIT :limit")
    List<Entry> withoutMac(int limit);

    @SqlUpdate("UPDATE audit_log SET mac = :mac WHERE seq = :seq AND mac IS NULL")
    void setMac(long seq, String mac);
}
