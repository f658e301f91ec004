package nl.gehoord.intake;

import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
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
import nl.gehoord.text.Language;

/** Registers app installs, keeps their settings, and recognises their bearer tokens. */
public final class DeviceService implements Authenticator {
    public static final String TOKEN_PREFIX = "gd_";
    private static final Set<String> PLATFORMS = Set.of("android", "ios", "web");
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
    public static final Set<String> REMOVABLE = Set.of("pushToken", "quietHours", "language");

    /**
     * Changes to an app install. A field left out stays as it is; a setting named in {@code remove} is removed
     * (so pushes can be turned off). {@code null} is refused rather than read as "remove" or "keep", because
     * generated clients cannot send it and a hand-written one would otherwise not learn that nothing was removed.
     */
    public record Update(String pushToken, String locale, Boolean discreet, QuietHours quietHours, String language,
                         List<String> remove) {
        public Update {
            remove = remove == null ? List.of() : remove;
        }
    }

    /** {@code language}: the language picked in the app (wins over Accept-Language); absent when none was picked. */
    public record DeviceView(String deviceId, String platform, String locale, boolean discreet, QuietHours quietHours,
                             boolean pushEnabled, String language) {
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
                now, now, null)));
        return new Registered(id, token);
    }

    public DeviceView update(Actor.Device device, Update update) {
        List<FieldError> errors = new ArrayList<>();
        String locale = checkLocale(update.locale(), false, errors);
        Removals.check(update.remove(), REMOVABLE, errors);
        boolean clearPush = update.remove().contains("pushToken");
        boolean clearQuiet = update.remove().contains("quietHours");
        boolean clearLanguage = update.remove().contains("language");
        if ((clearPush && update.pushToken() != null) || (clearQuiet && update.quietHours() != null)
                || (clearLanguage && update.language() != null)) {
            errors.add(new FieldError("remove", "invalid_value"));
        }
        String language = checkLanguage(update.language(), errors);
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
                    row.createdAt(), clock.millis(),
                    clearLanguage ? null : language != null ? language : row.language());
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
        // Its links to cases go with it, and must not stay readable in the write-ahead log.
        db.purgeLog();
    }

    @Override
    public String prefix() {
        return TOKEN_PREFIX;
    }

    @Override
    public Optional<Actor> authenticate(String token) {
        Optional<DeviceDao.DeviceRow> row = db.read(h -> DeviceDao.byTokenHash(h, SecretHasher.sha256(token)));
        row.ifPresent(r -> {
            long now = clock.millis();
            if (now - r.lastSeenAt() > TOUCH_INTERVAL_MS) {
                db.writeVoid(h -> h.attach(DeviceDao.class).touch(r.id(), now));
            }
        });
        return row.map(r -> new Actor.Device(r.id(), r.locale(), r.language()));
    }

    private static DeviceView view(DeviceDao.DeviceRow row) {
        QuietHours quiet = row.quietStart() == null ? null : new QuietHours(row.quietStart(), row.quietEnd());
        return new DeviceView(row.id(), row.platform(), row.locale(), row.discreet(), quiet, row.pushTokenEnc() != null,
                row.language());
    }

    private static String checkLocale(String locale, boolean required, List<FieldError> errors) {
        if (locale == null) {
            if (required) {
                errors.add(new FieldError("locale", "required"));
            }
            return null;
        }
        if (locale.length() > 20 || !Language.isSpoken(locale)) {
            errors.add(new FieldError("locale", "unknown_option"));
            return null;
        }
        return Language.ofTag(locale).tag();
    }

    /** Only the languages Gehoord speaks, as a bare tag ("ar", "ti"); null leaves it as it is. */
    private static String checkLanguage(String language, List<FieldError> errors) {
        if (language == null) {
            return null;
        }
        if (language.length() > 20 || !Language.isSpoken(language)) {
            errors.add(new FieldError("language", "unknown_option"));
            return null;
        }
        return Language.ofTag(language).tag();
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
