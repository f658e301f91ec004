package nl.gehoord.staff;

import java.util.List;
import java.util.Optional;
import nl.gehoord.db.DirectSql;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Staff accounts, their sessions, invitations, second factor and known log-in devices. The staff feature is the
 * only writer of these tables. Tokens and codes are kept only as hashes.
 */
@RegisterConstructorMapper(StaffDao.StaffRow.class)
@RegisterConstructorMapper(StaffDao.SessionRow.class)
@RegisterConstructorMapper(StaffDao.Listing.class)
@RegisterConstructorMapper(StaffDao.Invitation.class)
@RegisterConstructorMapper(StaffDao.SecondFactor.class)
public interface StaffDao {
    record StaffRow(String id, String organisationId, String email, String displayName, String role,
                    String passwordHash, boolean available, boolean active, long createdAt) {
    }

    record SessionRow(String id, String tokenHash, String staffId, long createdAt, long lastUsedAt, long expiresAt,
                      String client) {
    }

    /** One account as admins and the account's owner see it. */
    record Listing(String id, String organisationId, String email, String displayName, String role, String teamId,
                   boolean available, boolean active, boolean passwordSet, boolean totpEnabled, boolean pushTokenSet,
                   String language) {
    }

    record Invitation(String id, String staffId, String tokenHash, String invitedBy, long createdAt, long expiresAt) {
    }

    record SecondFactor(String totpSecretEnc, String totpPendingEnc, Long totpLastStep, int secondFactorFailures,
                        Long secondFactorLockedUntil) {
    }

    String LISTING = """
            SELECT id, organisation_id, email, display_name, role, team_id, available, active,
                   password_hash <> '!' AS password_set, totp_secret_enc IS NOT NULL AS totp_enabled,
                   push_token_enc IS NOT NULL AS push_token_set, language
            FROM staff
            """;

    // Accounts

    @SqlUpdate("""
            INSERT INTO staff (id, organisation_id, email, display_name, role, password_hash, available, active, created_at)
            VALUES (:id, :organisationId, :email, :displayName, :role, :passwordHash, :available, :active, :createdAt)
            """)
    void insert(@BindMethods StaffRow row);

    @SqlQuery("SELECT organisation_id FROM staff WHERE id = :id")
    Optional<String> organisationOf(String id);

    @SqlQuery("SELECT * FROM staff WHERE email = :email")
    Optional<StaffRow> byEmail(String email);

    @SqlQuery("SELECT * FROM staff WHERE id = :id")
    Optional<StaffRow> byId(String id);

    @SqlQuery("SELECT * FROM staff WHERE organisation_id = :organisationId ORDER BY email")
    List<StaffRow> byOrganisation(String organisationId);

    @SqlQuery(LISTING + " WHERE organisation_id = :organisationId ORDER BY email")
    List<Listing> listing(String organisationId);

    @SqlQuery(LISTING + " WHERE id = :id")
    Optional<Listing> listingOf(String id);

    @SqlUpdate("UPDATE staff SET password_hash = :hash WHERE id = :id")
    void setPassword(String id, String hash);

    /** The language of this staff member's pushes, as a bare tag ("nl", "ar"). */
    @SqlUpdate("UPDATE staff SET language = :language WHERE id = :id")
    void setLanguage(String id, String language);

    @SqlUpdate("UPDATE staff SET available = :available WHERE id = :id")
    void setAvailable(String id, boolean available);

    @SqlUpdate("UPDATE staff SET active = :active WHERE id = :id")
    void setActive(String id, boolean active);

    @SqlUpdate("UPDATE staff SET team_id = :teamId WHERE id = :id")
    void setTeam(String id, String teamId);

    @SqlUpdate("UPDATE staff SET push_token_enc = :sealed WHERE id = :id")
    void setPushToken(String id, String sealed);

    /** Removes a token the push service called dead, unless the phone has sent a new one meanwhile. */
    @SqlUpdate("UPDATE staff SET push_token_enc = NULL WHERE id = :id AND push_token_enc = :sealed")
    int removePushToken(String id, String sealed);

    @SqlQuery("SELECT team_id FROM staff WHERE id = :id")
    Optional<String> teamOf(String id);

    /** Round-robin among equals: the one who got a case longest ago goes first. */
    // Bound by hand and called without attaching: every case submission that assigns runs it on the writer's thread.
    static void markAssigned(Handle h, String id, long at) {
        DirectSql.update(h, "UPDATE staff SET last_assigned_at = :at WHERE id = :id").bind("at", at).bind("id", id).execute();
    }

    // Sessions

    @SqlUpdate("""
            INSERT INTO staff_sessions (id, token_hash, staff_id, created_at, last_used_at, expires_at, client)
            VALUES (:id, :tokenHash, :staffId, :createdAt, :lastUsedAt, :expiresAt, :client)
            """)
    void insertSession(@BindMethods SessionRow row);

    @SqlQuery("SELECT * FROM staff_sessions WHERE token_hash = :hash")
    Optional<SessionRow> sessionByTokenHash(String hash);


    @SqlQuery("SELECT * FROM staff_sessions WHERE staff_id = :staffId AND expires_at > :now ORDER BY created_at, id")
    List<SessionRow> sessionsOf(String staffId, long now);

    @SqlUpdate("UPDATE staff_sessions SET last_used_at = :at WHERE id = :id")
    void touchSession(String id, long at);

    @SqlUpdate("DELETE FROM staff_sessions WHERE id = :id")
    void deleteSession(String id);

    @SqlUpdate("DELETE FROM staff_sessions WHERE id = :id AND staff_id = :staffId")
    int deleteOwnSession(String staffId, String id);

    @SqlUpdate("DELETE FROM staff_sessions WHERE staff_id = :staffId")
    int deleteSessionsOf(String staffId);

    @SqlUpdate("DELETE FROM staff_sessions WHERE staff_id = :staffId AND id <> :keep")
    int deleteOtherSessions(String staffId, @Bind("keep") String keepSessionId);

    @SqlUpdate("DELETE FROM staff_sessions WHERE expires_at < :now OR last_used_at < :idleBefore")
    int deleteExpiredSessions(long now, long idleBefore);

    // Invitations

    @SqlUpdate("""
            INSERT INTO staff_invitations (id, staff_id, token_hash, invited_by, created_at, expires_at)
            VALUES (:id, :staffId, :tokenHash, :invitedBy, :createdAt, :expiresAt)
            """)
    void insertInvitation(@BindMethods Invitation invitation);

    @SqlQuery("SELECT * FROM staff_invitations WHERE token_hash = :hash")
    Optional<Invitation> invitationByTokenHash(String hash);

    @SqlUpdate("DELETE FROM staff_invitations WHERE staff_id = :staffId")
    int deleteInvitationsOf(String staffId);

    @SqlUpdate("DELETE FROM staff_invitations WHERE expires_at < :now")
    int deleteExpiredInvitations(long now);

    /** Single use: only the caller whose delete removed the row may go on. */
    @SqlUpdate("DELETE FROM staff_invitations WHERE id = :id")
    int deleteInvitation(String id);

    // Second factor

    @SqlQuery("""
            SELECT totp_secret_enc, totp_pending_enc, totp_last_step, second_factor_failures, second_factor_locked_until
            FROM staff WHERE id = :id
            """)
    Optional<SecondFactor> secondFactor(String id);

    @SqlUpdate("UPDATE staff SET totp_pending_enc = :sealed WHERE id = :id")
    void setTotpPending(String id, String sealed);

    @SqlUpdate("""
            UPDATE staff SET totp_secret_enc = totp_pending_enc, totp_pending_enc = NULL, totp_last_step = :step
            WHERE id = :id AND totp_pending_enc IS NOT NULL AND totp_secret_enc IS NULL
            """)
    int activateTotp(String id, long step);

    @SqlUpdate("""
            UPDATE staff SET totp_secret_enc = NULL, totp_pending_enc = NULL, totp_last_step = NULL,
                             second_factor_failures = 0, second_factor_locked_until = NULL
            WHERE id = :id
            """)
    void clearTotp(String id);

    /** A code is accepted once (RFC 6238, section 5.2): only a later step than the last accepted one passes. */
    @SqlUpdate("""
            UPDATE staff SET totp_last_step = :step WHERE id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)
            """)
    int acceptTotpStep(String id, long step);

    @SqlUpdate("""
            UPDATE staff SET second_factor_failures = :failures, second_factor_locked_until = :lockedUntil WHERE id = :id
            """)
    void setSecondFactorFailures(String id, int failures,
                                 Long lockedUntil);

    @SqlUpdate("INSERT INTO staff_recovery_codes (staff_id, code_hmac, created_at) VALUES (:staffId, :hmac, :at)")
    void insertRecoveryCode(String staffId, String hmac, long at);

    @SqlUpdate("DELETE FROM staff_recovery_codes WHERE staff_id = :staffId AND code_hmac = :hmac")
    int useRecoveryCode(String staffId, String hmac);

    @SqlUpdate("DELETE FROM staff_recovery_codes WHERE staff_id = :staffId")
    void deleteRecoveryCodes(String staffId);

    @SqlQuery("SELECT COUNT(*) FROM staff_recovery_codes WHERE staff_id = :staffId")
    int recoveryCodesLeft(String staffId);

    // Known log-in devices

    @SqlUpdate("""
            INSERT INTO staff_login_devices (token_hash, staff_id, created_at, last_used_at)
            VALUES (:hash, :staffId, :at, :at)
            """)
    void insertLoginDevice(@Bind("hash") String tokenHash, String staffId, long at);

    @SqlQuery("SELECT staff_id FROM staff_login_devices WHERE token_hash = :hash")
    Optional<String> loginDeviceOwner(@Bind("hash") String tokenHash);

    @SqlUpdate("DELETE FROM staff_login_devices WHERE token_hash = :hash")
    void deleteLoginDevice(@Bind("hash") String tokenHash);

    /** Keeps the most recently used ones: a device not seen among the last few is a stranger again. */
    @SqlUpdate("""
            DELETE FROM staff_login_devices WHERE staff_id = :staffId AND token_hash NOT IN (
                SELECT token_hash FROM staff_login_devices WHERE staff_id = :staffId
                ORDER BY last_used_at DESC, token_hash LIMIT :keep)
            """)
    void trimLoginDevices(String staffId, int keep);

    @SqlUpdate("DELETE FROM staff_login_devices WHERE staff_id = :staffId")
    void deleteLoginDevicesOf(String staffId);
}
