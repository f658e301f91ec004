package nl.gehoord.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.gehoord.audit.AuditLog;
import nl.gehoord.crypto.SecretHasher;
import nl.gehoord.crypto.Tokens;
import nl.gehoord.db.Database;
import nl.gehoord.http.Actor;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.Authenticator;
import nl.gehoord.http.FieldError;
import nl.gehoord.http.Role;

/**
 * Staff log-in with email and password (and the second factor when it is on), giving an opaque session token
 * (stored hashed) that expires after a period of no use and, at the latest, after a fixed time. A wrong email and
 * a wrong password get the same answer in about the same time. Failures slow down per account and per address
 * ({@link LoginThrottle}); a successful log-in also gives a known-device token, and a log-in that shows it is
 * held back only by failures made with that token, so a stranger cannot lock the owner out.
 */
public final class StaffSessionService implements Authenticator {
    public static final String TOKEN_PREFIX = "gs_";
    public static final String DEVICE_TOKEN_PREFIX = "gk_";
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(12);
    /** Known log-in devices kept per account; older ones count as strangers again. */
    static final int KNOWN_DEVICES = 10;
    /** Writing last-used on every request would make reads into writes; a minute's precision is plenty. */
    private static final long TOUCH_INTERVAL_MS = 60_000L;

    private final Database db;
    private final Tokens tokens;
    private final Clock clock;
    private final SecondFactors secondFactors;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    public StaffSessionService(Database db, Tokens tokens, Clock clock, SecondFactors secondFactors,
                               LoginThrottle throttle, AuditLog audit) {
        this.db = db;
        this.tokens = tokens;
        this.clock = clock;
        this.secondFactors = secondFactors;
        this.throttle = throttle;
        this.audit = audit;
    }

    /** {@code knownDevice} is the token a previous successful log-in on this device gave; may be absent. */
    public record Login(String email, String password, String totp, String recoveryCode, String knownDevice) {
    }

    /** Where a log-in comes from: the client's address (for the throttle) and a coarse client label. */
    public record Origin(String address, String client) {
    }

    public record Session(String token, Instant expiresAt, String staffId, String role, String knownDeviceToken) {
    }

    public record SessionView(String sessionId, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
                              String client, boolean current) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    public Session login(Login login, Origin origin) {
        List<FieldError> errors = new ArrayList<>();
        if (login.email() == null || login.email().isBlank()) {
            errors.add(new FieldError("email", "required"));
        } else if (login.email().length() > 254) {
            errors.add(new FieldError("email", "too_long"));
        }
        if (login.password() == null || login.password().isEmpty()) {
            errors.add(new FieldError("password", "required"));
        } else if (login.password().length() > Passwords.MAX_LENGTH) {
            errors.add(new FieldError("password", "too_long"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        String email = login.email().trim().toLowerCase(Locale.ROOT);
        Optional<StaffDao.StaffRow> staff = db.read(h -> h.attach(StaffDao.class).byEmail(email));
        String deviceHash = knownDeviceHash(login.knownDevice(), staff);
        // The owner's known device has its own counter; everyone else shares the account's.
        String scope = deviceHash != null ? "device" : "account";
        String key = deviceHash != null ? deviceHash : email;
        throttle.check("address", origin.address());
        throttle.check(scope, key);
        boolean passwordOk = staff.isPresent() ? Passwords.verify(login.password(), staff.get().passwordHash())
                : decoy(login.password());
        if (!passwordOk || !staff.get().active()) {
            throttle.failed("address", origin.address(), LoginThrottle.ADDRESS);
            throttle.failed(scope, key, deviceHash != null ? LoginThrottle.DEVICE : LoginThrottle.ACCOUNT);
            throw new ApiException(401, "login_failed");
        }
        StaffDao.StaffRow row = staff.get();
        SecondFactors.Outcome second = db.write(h -> secondFactors.check(h, row.id(), login.totp(),
                login.recoveryCode()));
        if (second == SecondFactors.Outcome.MISSING || second == SecondFactors.Outcome.WRONG) {
            throw new ApiException(401, "login_failed");
        }
        throttle.succeeded(scope, key);
        if (Passwords.needsRehash(row.passwordHash())) {
            String rehashed = Passwords.hash(login.password());
            db.writeVoid(h -> h.attach(StaffDao.class).setPassword(row.id(), rehashed));
        }
        return open(row, origin.client(), deviceHash, second == SecondFactors.Outcome.OK && login.totp() == null
                ? "login.recovery_code" : "login");
    }

    private static boolean decoy(String password) {
        Passwords.verifyDecoy(password);
        return false;
    }

    /** The hash of a known-device token that belongs to this account, or null. */
    private String knownDeviceHash(String token, Optional<StaffDao.StaffRow> staff) {
        if (token == null || !token.startsWith(DEVICE_TOKEN_PREFIX) || token.length() > 100) {
            return null;
        }
        // Looked up whether or not the email is known, so the time taken tells nothing about the account.
        String hash = SecretHasher.sha256(token);
        Optional<String> owner = db.read(h -> h.attach(StaffDao.class).loginDeviceOwner(hash));
        return owner.isPresent() && staff.isPresent() && owner.get().equals(staff.get().id()) ? hash : null;
    }

    /**
     * Opens a session for an account whose credentials were checked, and gives this device a fresh known-device
     * token (the one it showed, if any, is replaced).
     */
    Session open(StaffDao.StaffRow row, String client, String oldDeviceHash, String auditAction) {
        String token = TOKEN_PREFIX + tokens.bearerToken();
        String deviceToken = DEVICE_TOKEN_PREFIX + tokens.bearerToken();
        long now = clock.millis();
        long expires = now + ABSOLUTE_TIMEOUT.toMillis();
        db.writeVoid(h -> {
            StaffDao dao = h.attach(StaffDao.class);
            dao.insertSession(new StaffDao.SessionRow(tokens.id(), SecretHasher.sha256(token), row.id(), now, now,
                    expires, client));
            if (oldDeviceHash != null) {
                dao.deleteLoginDevice(oldDeviceHash);
            }
            dao.insertLoginDevice(SecretHasher.sha256(deviceToken), row.id(), now);
            dao.trimLoginDevices(row.id(), KNOWN_DEVICES);
            audit.append(h, new AuditLog.Who(row.id(), row.role()), auditAction, null, null);
        });
        return new Session(token, Instant.ofEpochMilli(expires), row.id(), row.role(), deviceToken);
    }

    public void logout(Actor.Staff staff) {
        db.writeVoid(h -> {
            h.attach(StaffDao.class).deleteSession(staff.sessionId());
            audit.append(h, who(staff), "logout", null, null);
        });
    }

    /** Ends every session of this account, this one included. */
    public void logoutEverywhere(Actor.Staff staff) {
        db.writeVoid(h -> {
            h.attach(StaffDao.class).deleteSessionsOf(staff.staffId());
            audit.append(h, who(staff), "logout.everywhere", null, null);
        });
    }

    /** The caller's own open sessions, oldest first; never a token. */
    public List<SessionView> sessions(Actor.Staff staff) {
        long now = clock.millis();
        return db.read(h -> h.attach(StaffDao.class).sessionsOf(staff.staffId(), now)).stream()
                .filter(s -> now - s.lastUsedAt() <= IDLE_TIMEOUT.toMillis())
                .map(s -> new SessionView(s.id(), Instant.ofEpochMilli(s.createdAt()),
                        Instant.ofEpochMilli(s.lastUsedAt()), Instant.ofEpochMilli(s.expiresAt()),
                        s.client() == null ? "unknown" : s.client(), s.id().equals(staff.sessionId())))
                .toList();
    }

    /** Ends one of the caller's own sessions; another account's session is 404, like one that does not exist. */
    public void endSession(Actor.Staff staff, String sessionId) {
        db.writeVoid(h -> {
            if (h.attach(StaffDao.class).deleteOwnSession(staff.staffId(), sessionId) == 0) {
                throw ApiException.notFound();
            }
            audit.append(h, who(staff), "session.end", null, null);
        });
    }

    /**
     * Changes the caller's password: the current one is needed (a stolen session alone cannot), wrong guesses
     * count towards the account's throttle, and every other session ends.
     */
    public void changePassword(Actor.Staff staff, PasswordChange change, Origin origin) {
        List<FieldError> errors = new ArrayList<>();
        if (change.currentPassword() == null || change.currentPassword().isEmpty()) {
            errors.add(new FieldError("currentPassword", "required"));
        } else if (change.currentPassword().length() > Passwords.MAX_LENGTH) {
            errors.add(new FieldError("currentPassword", "too_long"));
        }
        String problem = Passwords.problem(change.newPassword());
        if (problem != null) {
            errors.add(new FieldError("newPassword", problem));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        StaffDao.StaffRow row = db.read(h -> h.attach(StaffDao.class).byId(staff.staffId()))
                .orElseThrow(ApiException::unauthorized);
        throttle.check("address", origin.address());
        throttle.check("account", row.email());
        if (!Passwords.verify(change.currentPassword(), row.passwordHash())) {
            throttle.failed("address", origin.address(), LoginThrottle.ADDRESS);
            throttle.failed("account", row.email(), LoginThrottle.ACCOUNT);
            throw ApiException.validation("currentPassword", "wrong_password");
        }
        String hash = Passwords.hash(change.newPassword());
        db.writeVoid(h -> {
            StaffDao dao = h.attach(StaffDao.class);
            dao.setPassword(row.id(), hash);
            dao.deleteOtherSessions(row.id(), staff.sessionId());
            dao.deleteInvitationsOf(row.id());
            audit.append(h, who(staff), "staff.password.change", null, row.id());
        });
    }

    /** Checks the caller's password for a sensitive step (turning on the second factor), throttled like a log-in. */
    void confirmPassword(Actor.Staff staff, String password, Origin origin, String field) {
        if (password == null || password.isEmpty() || password.length() > Passwords.MAX_LENGTH) {
            throw ApiException.validation(field, password == null || password.isEmpty() ? "required" : "too_long");
        }
        StaffDao.StaffRow row = db.read(h -> h.attach(StaffDao.class).byId(staff.staffId()))
                .orElseThrow(ApiException::unauthorized);
        throttle.check("address", origin.address());
        throttle.check("account", row.email());
        if (!Passwords.verify(password, row.passwordHash())) {
            throttle.failed("address", origin.address(), LoginThrottle.ADDRESS);
            throttle.failed("account", row.email(), LoginThrottle.ACCOUNT);
            throw ApiException.validation(field, "wrong_password");
        }
    }

    private static AuditLog.Who who(Actor.Staff staff) {
        return new AuditLog.Who(staff.staffId(), staff.role().stored());
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
            Optional<SessionAuthDao.SessionActor> session = h.attach(SessionAuthDao.class)
                    .sessionActor(SecretHasher.sha256(token));
            if (session.isEmpty() || session.get().expiresAt() <= now
                    || now - session.get().lastUsedAt() > IDLE_TIMEOUT.toMillis() || !session.get().active()) {
                return Optional.<Actor>empty();
            }
            SessionAuthDao.SessionActor s = session.get();
            if (touch && now - s.lastUsedAt() > TOUCH_INTERVAL_MS) {
                db.writeVoid(w -> w.attach(SessionAuthDao.class).touchSession(s.sessionId(), now));
            }
            return Optional.<Actor>of(new Actor.Staff(s.staffId(), Role.ofStaffRole(s.role()), s.organisationId(),
                    s.teamId(), s.sessionId()));
        });
    }
}
