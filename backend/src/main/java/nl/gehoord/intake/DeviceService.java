package nl.gehoord.intake;

import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import nl.gehoord.crypto.FieldCipher;
import nl.gehoord.crypto.SecretHasher;
import nl.gehoord.crypto.Tokens;
import nl.gehoord.db.Database;
import nl.gehoord.http.Actor;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.Authenticator;
import nl.gehoord.http.FieldError;
import nl.gehoord.http.Removals;

/** Registers app installs, keeps their settings, and recognises their bearer tokens. */
public final class DeviceService implements Authenticator {
    public static final String TOKEN_PREFIX = "gd_";
    private static final Set<String> PLATFORMS = Set.of("android", "ios", "web");
    private static final Set<String> LOCALES = Set.of("nl", "en");
    /** Writing last-seen on every request would make every read a write; once an hour is enough for retention. */
    private static final long TOUCH_INTERVAL_MS = 3_600_000L;

    private final Database db;
    private final FieldCipher cipher;
    private final Tokens tokens;
    private final Clock clock;

    public DeviceService(Database db, FieldCipher cipher, Tokens tokens, Clock clock) {
        this.db = db;
        this.cipher = cipher;
        this.tokens = tokens;
        this.clock = clock;
    }

    public record Registration(String platform, String locale, String pushToken) {
    }

    public record Registered(String deviceId, String deviceToken) {
    }

    public record QuietHours(String start, String end) {
    }

    /** The settings of an app install that {@link Update#remove()} can name. */
    public static final Set<String> REMOVABLE = Set.of("pushToken", "quietHours");

    /**
     * Changes to an app install. A field left out stays as it is; a setting named in {@code remove} is removed
     * (so pushes can be turned off). {@code null} is refused rather than read as "remove" or "keep", because
     * generated clients cannot send it and a hand-written one would otherwise not learn that nothing was removed.
     */
    public record Update(String pushToken, String locale, Boolean discreet, QuietHours quietHours,
                         List<String> remove) {
        public Update {
            remove = remove == null ? List.of() : remove;
        }
    }

    public record DeviceView(String deviceId, String platform, String locale, boolean discreet, QuietHours quietHours,
                             boolean pushEnabled) {
    }

    public Registered register(Registration registration) {
        List<FieldError> errors = new ArrayList<>();
        if (registration.platform() == null) {
            errors.add(new FieldError("platform", "required"));
        } else if (!PLATFORMS.contains(registration.platform())) {
            errors.add(new FieldError("platform", "unknown_option"));
        }
        String locale = checkLocale(registration.locale(), true, errors);
        String pushToken = checkPushToken(registration.pushToken(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        String id = tokens.id();
        String token = TOKEN_PREFIX + tokens.bearerToken();
        long now = clock.millis();
        db.writeVoid(h -> h.attach(DeviceDao.class).insert(new DeviceDao.DeviceRow(id, SecretHasher.sha256(token),
                registration.platform(), locale, cipher.seal(pushToken, id, "pushToken"), false, null, null,
                now, now)));
        return new Registered(id, token);
    }

    public DeviceView update(Actor.Device device, Update update) {
        List<FieldError> errors = new ArrayList<>();
        String locale = checkLocale(update.locale(), false, errors);
        Removals.check(update.remove(), REMOVABLE, errors);
        boolean clearPush = update.remove().contains("pushToken");
        boolean clearQuiet = update.remove().contains("quietHours");
        if ((clearPush && update.pushToken() != null) || (clearQuiet && update.quietHours() != null)) {
            errors.add(new FieldError("remove", "invalid_value"));
        }
        String pushToken = checkPushToken(update.pushToken(), errors);
        QuietHours quiet = update.quietHours();
        if (quiet != null) {
            checkTime(quiet.start(), "quietHours.start", errors);
            checkTime(quiet.end(), "quietHours.end", errors);
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return db.write(h -> {
            DeviceDao dao = h.attach(DeviceDao.class);
            DeviceDao.DeviceRow row = dao.byId(device.deviceId()).orElseThrow(ApiException::unauthorized);
            DeviceDao.DeviceRow changed = new DeviceDao.DeviceRow(row.id(), row.tokenHash(), row.platform(),
                    locale != null ? locale : row.locale(),
                    clearPush ? null : pushToken != null ? cipher.seal(pushToken, row.id(), "pushToken") : row.pushTokenEnc(),
                    update.discreet() != null ? update.discreet() : row.discreet(),
                    clearQuiet ? null : quiet != null ? quiet.start() : row.quietStart(),
                    clearQuiet ? null : quiet != null ? quiet.end() : row.quietEnd(),
                    row.createdAt(), clock.millis());
            dao.update(changed);
            return view(changed);
        });
    }

    public DeviceView current(Actor.Device device) {
        return db.read(h -> h.attach(DeviceDao.class).byId(device.deviceId()).map(DeviceService::view)
                .orElseThrow(ApiException::unauthorized));
    }

    /** Forgets this install: its token, push token and links to cases. Cases stay and can be claimed with their code. */
    public void delete(Actor.Device device) {
        db.writeVoid(h -> h.attach(DeviceDao.class).delete(device.deviceId()));
    }

    @Override
    public String prefix() {
        return TOKEN_PREFIX;
    }

    @Override
    public Optional<Actor> authenticate(String token) {
        Optional<DeviceDao.DeviceRow> row = db.read(h -> h.attach(DeviceDao.class).byTokenHash(SecretHasher.sha256(token)));
        row.ifPresent(r -> {
            long now = clock.millis();
            if (now - r.lastSeenAt() > TOUCH_INTERVAL_MS) {
                db.writeVoid(h -> h.attach(DeviceDao.class).touch(r.id(), now));
            }
        });
        return row.map(r -> new Actor.Device(r.id(), r.locale()));
    }

    private static DeviceView view(DeviceDao.DeviceRow row) {
        QuietHours quiet = row.quietStart() == null ? null : new QuietHours(row.quietStart(), row.quietEnd());
        return new DeviceView(row.id(), row.platform(), row.locale(), row.discreet(), quiet, row.pushTokenEnc() != null);
    }

    private static String checkLocale(String locale, boolean required, List<FieldError> errors) {
        if (locale == null) {
            if (required) {
                errors.add(new FieldError("locale", "required"));
            }
            return null;
        }
        String primary = locale.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        if (locale.length() > 20 || !LOCALES.contains(primary)) {
            errors.add(new FieldError("locale", "unknown_option"));
            return null;
        }
        return primary;
    }

    private static String checkPushToken(String pushToken, List<FieldError> errors) {
        if (pushToken == null) {
            return null;
        }
        // FCM and APNs tokens are printable ASCII without spaces, up to a few hundred characters.
        if (pushToken.isEmpty() || pushToken.length() > 4096 || !pushToken.matches("[A-Za-z0-9:_.\\-]+")) {
            errors.add(new FieldError("pushToken", "invalid_value"));
            return null;
        }
        return pushToken;
    }

    private static void checkTime(String value, String field, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "required"));
            return;
        }
        try {
            if (!value.matches("\\d{2}:\\d{2}")) {
                throw new DateTimeParseException("format", value, 0);
            }
            LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "invalid_time"));
        }
    }
}
