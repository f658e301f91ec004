package nl.gehoord.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import nl.gehoord.audit.AuditLog;
import nl.gehoord.crypto.FieldCipher;
import nl.gehoord.crypto.SecretHasher;
import nl.gehoord.crypto.Tokens;
import nl.gehoord.db.Database;
import nl.gehoord.http.Actor;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.Authenticator;
import nl.gehoord.http.Role;

/**
 * Staff log-in with email and password, giving an opaque session token (stored hashed) that expires after a
 * period of no use and, at the latest, after a fixed time. A wrong email and a wrong password get the same
 * answer in about the same time.
 */
public final class StaffSessionService implements Authenticator {
    public static final String TOKEN_PREFIX = "gs_";
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(12);
    /** Writing last-used on every request would make reads into writes; a minute's precision is plenty. */
    private static final long TOUCH_INTERVAL_MS = 60_000L;

    private final Database db;
    private final Tokens tokens;
    private final Clock clock;
    private final FieldCipher cipher;
    private final Totp totp;
    private final AuditLog audit;

    public StaffSessionService(Database db, Tokens tokens, Clock clock, FieldCipher cipher, AuditLog audit) {
        this.db = db;
        this.tokens = tokens;
        this.clock = clock;
        this.cipher = cipher;
        this.totp = new Totp(clock);
        this.audit = audit;
    }

    public record Login(String email, String password, String totp) {
    }

    public record Session(String token, Instant expiresAt, String staffId, String role) {
    }

    public Session login(Login login) {
        java.util.List<nl.gehoord.http.FieldError> errors = new java.util.ArrayList<>();
        if (login.email() == null || login.email().isBlank()) {
            errors.add(new nl.gehoord.http.FieldError("email", "required"));
        } else if (login.email().length() > 254) {
            errors.add(new nl.gehoord.http.FieldError("email", "too_long"));
        }
        if (login.password() == null || login.password().isEmpty()) {
            errors.add(new nl.gehoord.http.FieldError("password", "required"));
        } else if (login.password().length() > 1024) {
            errors.add(new nl.gehoord.http.FieldError("password", "too_long"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        String email = login.email().trim().toLowerCase(Locale.ROOT);
        Optional<StaffDao.StaffRow> staff = db.read(h -> h.attach(StaffDao.class).byEmail(email));
        if (staff.isEmpty()) {
            Passwords.verifyDecoy(login.password());
            throw new ApiException(401, "login_failed");
        }
        StaffDao.StaffRow row = staff.get();
        if (!Passwords.verify(login.password(), row.passwordHash()) || !row.active() || !secondFactorOk(row, login)) {
            throw new ApiException(401, "login_failed");
        }
        return open(row);
    }

    /**
     * An account with a TOTP secret needs the current code too; a missing code fails like a wrong one, and so
     * does a code that was used before.
     */
    private boolean secondFactorOk(StaffDao.StaffRow row, Login login) {
        String sealed = db.read(h -> h.createQuery("SELECT totp_secret_enc FROM staff WHERE id = :id")
                .bind("id", row.id()).mapTo(String.class).findOne().orElse(null));
        if (sealed == null) {
            return true;
        }
        java.util.OptionalLong step = totp.matchingStep(cipher.open(sealed, row.id(), "totpSecret"), login.totp());
        if (step.isEmpty()) {
            return false;
        }
        return db.write(h -> h.createUpdate(
                "UPDATE staff SET totp_last_step = :step WHERE id = :id"
                        + " AND (totp_last_step IS NULL OR totp_last_step < :step)")
                .bind("step", step.getAsLong()).bind("id", row.id()).execute()) == 1;
    }

    /** Opens a session for an account whose credentials were checked. */
    Session open(StaffDao.StaffRow row) {
        String token = TOKEN_PREFIX + tokens.bearerToken();
        long now = clock.millis();
        long expires = now + ABSOLUTE_TIMEOUT.toMillis();
        db.writeVoid(h -> {
            h.attach(StaffDao.class).insertSession(new StaffDao.SessionRow(tokens.id(),
                    SecretHasher.sha256(token), row.id(), now, now, expires));
            audit.append(h, new AuditLog.Who(row.id(), row.role()), "login", null, null);
        });
        return new Session(token, Instant.ofEpochMilli(expires), row.id(), row.role());
    }

    public void logout(Actor.Staff staff) {
        db.writeVoid(h -> {
            h.attach(StaffDao.class).deleteSession(staff.sessionId());
            audit.append(h, new AuditLog.Who(staff.staffId(), staff.role().stored()), "logout", null, null);
        });
    }

    @Override
    public String prefix() {
        return TOKEN_PREFIX;
    }

    @Override
    public Optional<Actor> authenticate(String token) {
        return resolve(token, true);
    }

    /**
     * The session's staff member without counting this as use: an open live-update stream checks its session
     * with this, so a tab left open still ends after the idle time.
     */
    public Optional<Actor> peek(String token) {
        return resolve(token, false);
    }

    private Optional<Actor> resolve(String token, boolean touch) {
        long now = clock.millis();
        return db.read(h -> {
            StaffDao dao = h.attach(StaffDao.class);
            Optional<StaffDao.SessionRow> session = dao.sessionByTokenHash(SecretHasher.sha256(token));
            if (session.isEmpty() || session.get().expiresAt() <= now
                    || now - session.get().lastUsedAt() > IDLE_TIMEOUT.toMillis()) {
                return Optional.<Actor>empty();
            }
            Optional<StaffDao.StaffRow> staff = dao.byId(session.get().staffId()).filter(StaffDao.StaffRow::active);
            if (staff.isEmpty()) {
                return Optional.<Actor>empty();
            }
            if (touch && now - session.get().lastUsedAt() > TOUCH_INTERVAL_MS) {
                db.writeVoid(w -> w.attach(StaffDao.class).touchSession(session.get().id(), now));
            }
            StaffDao.StaffRow s = staff.get();
            String teamId = h.createQuery("SELECT team_id FROM staff WHERE id = :id").bind("id", s.id())
                    .mapTo(String.class).findOne().orElse(null);
            return Optional.<Actor>of(new Actor.Staff(s.id(), Role.ofStaffRole(s.role()), s.organisationId(), teamId,
                    session.get().id()));
        });
    }
}
