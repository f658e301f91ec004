package nl.gehoord.staff;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * What every authenticated staff request reads: its session with its account. Apart from {@link StaffDao} because
 * Jdbi's attach prepares a handler for every method of the interface, on every request.
 */
@RegisterConstructorMapper(SessionAuthDao.SessionActor.class)
public interface SessionAuthDao {
    /** A session with what a request needs of its account. */
    record SessionActor(String sessionId, long lastUsedAt, long expiresAt, String staffId, String organisationId,
                        String role, String teamId, boolean active) {
    }

    @SqlQuery("""
            SELECT se.id AS session_id, se.last_used_at, se.expires_at, s.id AS staff_id, s.organisation_id, s.role,
                   s.team_id, s.active
            FROM staff_sessions se JOIN staff s ON s.id = se.staff_id WHERE se.token_hash = :hash
            """)
    Optional<SessionActor> sessionActor(String hash);

    @SqlUpdate("UPDATE staff_sessions SET last_used_at = :at WHERE id = :id")
    void touchSession(String id, long at);
}
