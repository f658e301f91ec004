package nl.gehoord.inbox;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.gehoord.audit.AuditLog;
import nl.gehoord.crypto.FieldCipher;
import nl.gehoord.db.Database;
import nl.gehoord.http.Actor;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.FieldError;
import nl.gehoord.http.Removals;
import nl.gehoord.staff.StaffDao;
import nl.gehoord.staff.Totp;

/** A staff member's own settings: availability for new cases, the push token of their phone, a second factor. */
public final class StaffProfileService {
    public static final int MAX_PUSH_TOKEN = 4096;

    private final Database db;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final SecureRandom random;
    private final InboxService inbox;

    public StaffProfileService(Database db, FieldCipher cipher, AuditLog audit, SecureRandom random,
                               InboxService inbox) {
        this.db = db;
        this.cipher = cipher;
        this.audit = audit;
        this.random = random;
        this.inbox = inbox;
    }

    public record Profile(String staffId, String email, String displayName, String role, String organisationId,
                          String teamId, boolean available, boolean totpEnabled, boolean pushTokenSet) {
    }

    /** The staff settings that {@link Update#remove()} can name. */
    public static final Set<String> REMOVABLE = Set.of("pushToken");

    /**
     * A change to one's own settings; as for app installs, a setting is removed by naming it in {@code remove},
     * and {@code null} is refused.
     */
    public record Update(Boolean available, String pushToken, List<String> remove) {
        public Update {
            remove = remove == null ? List.of() : remove;
        }
    }

    public record TotpEnrolment(String secret, String otpauthUri) {
    }

    public Profile me(Actor.Staff me) {
        return db.read(h -> {
            StaffDao.StaffRow row = h.attach(StaffDao.class).byId(me.staffId()).orElseThrow(ApiException::notFound);
            var extras = h.createQuery("SELECT team_id, totp_secret_enc, push_token_enc FROM staff WHERE id = :id")
                    .bind("id", me.staffId()).mapToMap().one();
            return new Profile(row.id(), row.email(), row.displayName(), row.role(), row.organisationId(),
                    (String) extras.get("team_id"), row.available(), extras.get("totp_secret_enc") != null,
                    extras.get("push_token_enc") != null);
        });
    }

    /**
     * Sets availability and, when given, the push token, or removes the push token when {@code remove} names it.
     * A trust person who becomes available takes the team's queued cases, urgent first, as far as assignment gives
     * them.
     */
    public Profile update(Actor.Staff me, Update update) {
        List<FieldError> errors = new ArrayList<>();
        if (update.available() == null) {
            errors.add(new FieldError("available", "required"));
        }
        if (update.pushToken() != null && (update.pushToken().isEmpty() || update.pushToken().length() > MAX_PUSH_TOKEN
                || !update.pushToken().matches("[\\x21-\\x7e]+"))) {
            errors.add(new FieldError("pushToken", "invalid_value"));
        }
        Removals.check(update.remove(), REMOVABLE, errors);
        boolean clearPush = update.remove().contains("pushToken");
        if (clearPush && update.pushToken() != null) {
            errors.add(new FieldError("remove", "invalid_value"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        db.writeVoid(h -> {
            boolean wasAvailable = h.attach(StaffDao.class).byId(me.staffId()).map(StaffDao.StaffRow::available)
                    .orElse(false);
            h.attach(StaffDao.class).setAvailable(me.staffId(), update.available());
            if (update.pushToken() != null || clearPush) {
                String sealed = clearPush ? null : cipher.seal(update.pushToken(), me.staffId(), "pushToken");
                h.createUpdate("UPDATE staff SET push_token_enc = :token WHERE id = :id")
                        .bind("token", sealed).bind("id", me.staffId()).execute();
            }
            audit.append(h, InboxService.who(me), "staff.availability", null, me.staffId());
            if (update.available() && !wasAvailable && me.role() == nl.gehoord.http.Role.TRUST_PERSON) {
                inbox.drainQueue(h, me.teamId());
            }
        });
        return me(me);
    }

    /** Turns on a second factor: the secret is shown once, to put in an authenticator app. */
    public TotpEnrolment enrolTotp(Actor.Staff me) {
        String secret = Totp.newSecret(random);
        return db.write(h -> {
            String existing = h.createQuery("SELECT totp_secret_enc FROM staff WHERE id = :id").bind("id", me.staffId())
                    .mapTo(String.class).findOne().orElse(null);
            if (existing != null) {
                throw ApiException.conflict("totp_already_on");
            }
            h.createUpdate("UPDATE staff SET totp_secret_enc = :secret WHERE id = :id")
                    .bind("secret", cipher.seal(secret, me.staffId(), "totpSecret")).bind("id", me.staffId()).execute();
            audit.append(h, InboxService.who(me), "staff.totp_on", null, me.staffId());
            return new TotpEnrolment(secret, "otpauth://totp/Gehoord:" + me.staffId() + "?secret=" + secret
                    + "&issuer=Gehoord&algorithm=SHA1&digits=6&period=30");
        });
    }
}
