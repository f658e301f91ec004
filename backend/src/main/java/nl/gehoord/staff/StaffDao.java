package nl.gehoord.staff;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Staff accounts and their sessions. Session tokens are kept only as SHA-256 hashes. */
@RegisterConstructorMapper(StaffDao.StaffRow.class)
@RegisterConstructorMapper(StaffDao.SessionRow.class)
public interface StaffDao {
    record StaffRow(String id, String organisationId, String email, String displayName, String role,
                    String passwordHash, boolean available, boolean active, long createdAt) {
    }

    record SessionRow(String id, String tokenHash, String staffId, long createdAt, long lastUsedAt, long expiresAt) {
    }

    @SqlUpdate("""
            INSERT INTO staff (id, organisation_id, email, display_name, role, password_hash, available, active, created_at)
            VALUES (:id, :organisationId, :email, :displayName, :role, :passwordHash, :available, :active, :createdAt)
            """)
    void insert(@BindMethods StaffRow row);

    @SqlQuery("SELECT * FROM staff WHERE email = :email")
    Optional<StaffRow> byEmail(String email);

    @SqlQuery("SELECT * FROM staff WHERE id = :id")
    Optional<StaffRow> byId(String id);

    @SqlQuery("SELECT * FROM staff WHERE organisation_id = :organisationId ORDER BY email")
    List<StaffRow> byOrganisation(String organisationId);

    @SqlUpdate("UPDATE staff SET password_hash = :hash WHERE id = :id")
    void setPassword(String id, String hash);

    @SqlUpdate("UPDATE staff SET available = :available WHERE id = :id")
    void setAvailable(String id, boolean available);

    @SqlUpdate("""
            INSERT INTO staff_sessions (id, token_hash, staff_id, created_at, last_used_at, expires_at)
            VALUES (:id, :tokenHash, :staffId, :createdAt, :lastUsedAt, :expiresAt)
            """)
    void insertSession(@BindMethods SessionRow row);

    @SqlQuery("SELECT * FROM staff_sessions WHERE token_hash = :hash")
    Optional<SessionRow> sessionByTokenHash(String hash);

    @SqlUpdate("UPDATE staff_sessions SET last_used_at = :at WHERE id = :id")
    void touchSession(String id, long at);

    @SqlUpdate("DELETE FROM staff_sessions WHERE id = :id")
    void deleteSession(String id);

    @SqlUpdate("DELETE FROM staff_sessions WHERE expires_at < :now OR last_used_at < :idleBefore")
    int deleteExpiredSessions(long now, long idleBefore);
}
