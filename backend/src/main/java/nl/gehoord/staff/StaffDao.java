package nl.gehoord.staff;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
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

    /** What a staff member's own settings show besides the account: team, and whether TOTP and a push token are set. */
    record ProfileExtras(String teamId, boolean totpOn, boolean pushTokenSet) {
    }

    @SqlQuery("""
            SELECT team_id, totp_secret_enc IS NOT NULL AS totp_on, push_token_enc IS NOT NULL AS push_token_set
            FROM staff WHERE id = :id
            """)
    @RegisterConstructorMapper(ProfileExtras.class)
    Optional<ProfileExtras> profileExtras(String id);

    @SqlUpdate("UPDATE staff SET push_token_enc = :tokenEnc WHERE id = :id")
    void setPushToken(String id, String tokenEnc);

    @SqlQuery("SELECT totp_secret_enc FROM staff WHERE id = :id")
    Optional<String> totpSecret(String id);

    @SqlUpdate("UPDATE staff SET totp_secret_enc = :secretEnc WHERE id = :id")
    void setTotpSecret(String id, String secretEnc);

    @SqlUpdate("UPDATE staff SET team_id = :teamId WHERE id = :id")
    void setTeam(String id, String teamId);

    @SqlQuery("SELECT organisation_id FROM staff WHERE id = :id")
    Optional<String> organisationOf(String id);

    @SqlQuery("SELECT * FROM staff WHERE email = :email")
    Optional<StaffRow> byEmail(@Bind("email") String email);

    @SqlQuery("SELECT * FROM staff WHERE id = :id")
    Optional<StaffRow> byId(@Bind("id") String id);

    @SqlQuery("SELECT * FROM staff WHERE organisation_id = :organisationId ORDER BY email")
    List<StaffRow> byOrganisation(@Bind("organisationId") String organisationId);

    @SqlUpdate("UPDATE staff SET password_hash = :hash WHERE id = :id")
    void setPassword(@Bind("id") String id, @Bind("hash") String hash);

    @SqlUpdate("UPDATE staff SET available = :available WHERE id = :id")
    void setAvailable(@Bind("id") String id, @Bind("available") boolean available);

    @SqlUpdate("""
            INSERT INTO staff_sessions (id, token_hash, staff_id, created_at, last_used_at, expires_at)
            VALUES (:id, :tokenHash, :staffId, :createdAt, :lastUsedAt, :expiresAt)
            """)
    void insertSession(@BindMethods SessionRow row);

    @SqlQuery("SELECT * FROM staff_sessions WHERE token_hash = :hash")
    Optional<SessionRow> sessionByTokenHash(@Bind("hash") String hash);

    @SqlUpdate("UPDATE staff_sessions SET last_used_at = :at WHERE id = :id")
    void touchSession(@Bind("id") String id, @Bind("at") long at);

    @SqlUpdate("DELETE FROM staff_sessions WHERE id = :id")
    void deleteSession(@Bind("id") String id);

    @SqlUpdate("DELETE FROM staff_sessions WHERE expires_at < :now OR last_used_at < :idleBefore")
    int deleteExpiredSessions(@Bind("now") long now, @Bind("idleBefore") long idleBefore);
}
