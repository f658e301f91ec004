package nl.gehoord.inbox;

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

/** A staff member's own settings: availability for new cases and the push token of their phone. */
public final class StaffProfileService {
    public static final int MAX_PUSH_TOKEN = 4096;

    private final Database db;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final InboxService inbox;

    public StaffProfileService(Database db, FieldCipher cipher, AuditLog audit, InboxService inbox) {
        this.db = db;
        this.cipher = cipher;
        this.audit = audit;
        this.inbox = inbox;
    }

    /** {@code language}: the language of this staff member's pushes. */
    public record Profile(String staffId, String email, String displayName, String role, String organisationId,
                          String teamId, boolean available, boolean totpEnabled, boolean pushTokenSet,
                          String language) {
    }

    /** The staff settings that {@link Update#remove()} can name. */
    public static final Set<String> REMOVABLE = Set.of("pushToken");

    /**
     * A change to one's own settings; as for app installs, a setting is removed by naming it in {@code remove},
     * and {@code null} is refused. {@code language} left out keeps it as it is.
     */
    public record Update(Boolean available, String pushToken, String language, List<String> remove) {
        public Update {
            remove = remove == null ? List.of() : remove;
        }
    }

    public Profile me(Actor.Staff me) {
        return db.read(h -> {
            StaffDao.Listing row = h.attach(StaffDao.class).listingOf(me.staffId()).orElseThrow(ApiException::notFound);
            return new Profile(row.id(), row.email(), row.displayName(), row.role(), row.organisationId(),
                    row.teamId(), row.available(), row.totpEnabled(), row.pushTokenSet(), row.language());
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
        if (update.language() != null && (update.language().length() > 20
                || !nl.gehoord.text.Language.isSpoken(update.language()))) {
            errors.add(new FieldError("language", "unknown_option"));
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
                h.attach(StaffDao.class).setPushToken(me.staffId(), sealed);
            }
            if (update.language() != null) {
                h.attach(StaffDao.class).setLanguage(me.staffId(),
                        nl.gehoord.text.Language.ofTag(update.language()).tag());
            }
            audit.append(h, InboxService.who(me), "staff.availability", null, me.staffId());
            if (update.available() && !wasAvailable && me.role() == nl.gehoord.http.Role.TRUST_PERSON) {
                inbox.drainQueue(h, me.teamId());
            }
        });
        return me(me);
    }
}
