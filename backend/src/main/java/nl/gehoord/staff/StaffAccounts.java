package nl.gehoord.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.gehoord.audit.AuditLog;
import nl.gehoord.crypto.SecretHasher;
import nl.gehoord.crypto.Tokens;
import nl.gehoord.db.Database;
import nl.gehoord.http.Actor;
import nl.gehoord.http.ApiException;
import org.jdbi.v3.core.Handle;

/**
 * Staff accounts: made by invitation, changed by admins, and the one writer of the staff table. An admin never
 * sets or learns a password: an invitation is a one-time token (kept as its SHA-256, valid for
 * {@link #INVITATION_VALID}) with which the person sets their own password; a reset is a new invitation that
 * ends the old password, every session and every known log-in device. The audit log names who invited whom.
 */
public final class StaffAccounts {
    public static final String INVITATION_PREFIX = "gi_";
    public static final Duration INVITATION_VALID = Duration.ofHours(72);

    private final Database db;
    private final Tokens tokens;
    private final Clock clock;
    private final AuditLog audit;
    private final SecondFactors secondFactors;
    private final StaffSessionService sessions;

    public StaffAccounts(Database db, Tokens tokens, Clock clock, AuditLog audit, SecondFactors secondFactors,
                         StaffSessionService sessions) {
        this.db = db;
        this.tokens = tokens;
        this.clock = clock;
        this.audit = audit;
        this.secondFactors = secondFactors;
        this.sessions = sessions;
    }

    public record NewAccount(String organisationId, String email, String displayName, String role, String teamId) {
    }

    /** The one-time token to hand to the person, shown only in this answer. */
    public record Invitation(String token, Instant expiresAt) {
    }

    public record Acceptance(String token, String password, String totp, String recoveryCode) {
    }

    // Admin side (in the caller's transaction, so the change and its audit entry commit together)

    public boolean emailTaken(Handle h, String email) {
        return h.attach(StaffDao.class).byEmail(email).isPresent();
    }

    /** Creates the account without a password and invites its owner. */
    public Invitation invite(Handle h, AuditLog.Who admin, String staffId, NewAccount account) {
        StaffDao dao = h.attach(StaffDao.class);
        dao.insert(new StaffDao.StaffRow(staffId, account.organisationId(), account.email(), account.displayName(),
                account.role(), Passwords.NONE, true, true, clock.millis()));
        if (account.teamId() != null) {
            dao.setTeam(staffId, account.teamId());
        }
        return newInvitation(h, admin, staffId, "admin.staff.invite");
    }

    /** A new invitation for an existing account: the old password, sessions and known devices stop working. */
    public Invitation reinvite(Handle h, AuditLog.Who admin, String staffId) {
        StaffDao dao = h.attach(StaffDao.class);
        dao.setPassword(staffId, Passwords.NONE);
        dao.deleteSessionsOf(staffId);
        dao.deleteLoginDevicesOf(staffId);
        return newInvitation(h, admin, staffId, "admin.staff.reinvite");
    }

    private Invitation newInvitation(Handle h, AuditLog.Who admin, String staffId, String action) {
        StaffDao dao = h.attach(StaffDao.class);
        dao.deleteInvitationsOf(staffId);
        String token = INVITATION_PREFIX + tokens.bearerToken();
        long now = clock.millis();
        long expires = now + INVITATION_VALID.toMillis();
        dao.insertInvitation(new StaffDao.Invitation(tokens.id(), staffId, SecretHasher.sha256(token),
                admin.actorId() == null ? "system" : admin.actorId(), now, expires));
        audit.append(h, admin, action, null, staffId);
        return new Invitation(token, Instant.ofEpochMilli(expires));
    }

    public void setTeam(Handle h, String staffId, String teamId) {
        h.attach(StaffDao.class).setTeam(staffId, teamId);
    }

    public void setAvailable(Handle h, String staffId, boolean available) {
        h.attach(StaffDao.class).setAvailable(staffId, available);
    }

    /** An inactive account cannot log in, and its sessions end now. */
    public void setActive(Handle h, String staffId, boolean active) {
        StaffDao dao = h.attach(StaffDao.class);
        dao.setActive(staffId, active);
        if (!active) {
            dao.deleteSessionsOf(staffId);
        }
    }

    /** Turns the second factor off (a lost phone); its recovery codes go with it. */
    public void resetSecondFactor(Handle h, String staffId) {
        StaffDao dao = h.attach(StaffDao.class);
        dao.clearTotp(staffId);
        dao.deleteRecoveryCodes(staffId);
    }

    public Optional<StaffDao.Listing> listing(Handle h, String staffId) {
        return h.attach(StaffDao.class).listingOf(staffId);
    }

    public List<StaffDao.Listing> listingOfOrganisation(Handle h, String organisationId) {
        return h.attach(StaffDao.class).listing(organisationId);
    }

    // The owner's second factor

    public record TotpStart(String secret, String otpauthUri) {
    }

    public record TotpConfirm(String password, String code) {
    }

    public record RecoveryCodes(List<String> recoveryCodes) {
    }

    /** Gives a new secret to put in an authenticator app; it is not on until {@link #confirmTotp} confirms it. */
    public TotpStart startTotp(Actor.Staff me) {
        String secret = db.write(h -> secondFactors.start(h, me.staffId()));
        return new TotpStart(secret, "otpauth://totp/Gehoord:" + me.staffId() + "?secret=" + secret
                + "&issuer=Gehoord&algorithm=SHA1&digits=6&period=30");
    }

    /**
     * Turns the second factor on once the current password and a first code from the app confirm it, so a stolen
     * session cannot lock the owner out. The recovery codes are shown once.
     */
    public RecoveryCodes confirmTotp(Actor.Staff me, TotpConfirm confirm,
                                     StaffSessionService.Origin origin) {
        if (confirm.code() == null || confirm.code().isEmpty()) {
            throw ApiException.validation("code", "required");
        }
        sessions.confirmPassword(me, confirm.password(), origin, "password");
        return db.write(h -> {
            List<String> codes = secondFactors.confirm(h, me.staffId(), confirm.code());
            audit.append(h, new AuditLog.Who(me.staffId(), me.role().stored()), "staff.totp_on", null, me.staffId());
            return new RecoveryCodes(codes);
        });
    }

    // The invited person's side

    /**
     * Sets the person's own password with a valid invitation and opens their first session. An account with a
     * second factor (a reset) needs its code too. An unknown, used or expired token all answer the same 404.
     */
    public StaffSessionService.Session accept(Acceptance acceptance, StaffSessionService.Origin origin) {
        String token = acceptance.token();
        if (token == null || !token.startsWith(INVITATION_PREFIX) || token.length() > 100) {
            throw new ApiException(404, "invitation_invalid");
        }
        String problem = Passwords.problem(acceptance.password());
        if (problem != null) {
            throw ApiException.validation("password", problem);
        }
        String tokenHash = SecretHasher.sha256(token);
        long now = clock.millis();
        StaffDao.Invitation invitation = db.read(h -> h.attach(StaffDao.class).invitationByTokenHash(tokenHash))
                .filter(i -> i.expiresAt() > now).orElseThrow(() -> new ApiException(404, "invitation_invalid"));
        SecondFactors.Outcome second = db.write(h -> secondFactors.check(h, invitation.staffId(), acceptance.totp(),
                acceptance.recoveryCode()));
        if (second == SecondFactors.Outcome.MISSING || second == SecondFactors.Outcome.WRONG) {
            throw ApiException.validation("totp", second == SecondFactors.Outcome.MISSING ? "required" : "invalid_value");
        }
        String hash = Passwords.hash(acceptance.password());
        StaffDao.StaffRow row = db.write(h -> {
            StaffDao dao = h.attach(StaffDao.class);
            if (dao.deleteInvitation(invitation.id()) != 1) {
                throw new ApiException(404, "invitation_invalid");
            }
            StaffDao.StaffRow account = dao.byId(invitation.staffId()).filter(StaffDao.StaffRow::active)
                    .orElseThrow(() -> new ApiException(404, "invitation_invalid"));
            dao.setPassword(account.id(), hash);
            audit.append(h, new AuditLog.Who(account.id(), account.role()), "staff.invitation.accept", null,
                    account.id());
            return account;
        });
        return sessions.open(row, origin.client(), null, "login");
    }
}
