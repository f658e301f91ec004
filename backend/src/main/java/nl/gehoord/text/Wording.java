package nl.gehoord.text;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.DateTimePatternGenerator;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts of one answer in one language. It remembers which languages the texts really came in and whether
 * every one was checked by a native speaker, so the answer can say so ({@link #info()}, Content-Language).
 * Not thread-safe: one per answer.
 */
public final class Wording {
    public static final String ZONE = "Europe/Amsterdam";
    /** Weekday, day, month, 24-hour time: no "AM/PM" abbreviation for a speech engine to spell out. */
    private static final String WHEN_SKELETON = "EEEEdMMMMHHmm";
    private static final Map<Language, DateFormat> WHEN_FORMATS = new ConcurrentHashMap<>();

    private final Language language;
    private final Set<Language> used = EnumSet.noneOf(Language.class);
    private boolean reviewed = true;

    public Wording(Language language) {
        this.language = language;
    }

    public Language language() {
        return language;
    }

    /** A text from a catalog, filled in. */
    public String say(Catalog catalog, String key, Object... args) {
        Catalog.Found found = catalog.find(language, key);
        used.add(found.language());
        reviewed &= found.reviewed();
        return Catalog.format(found.pattern(), found.language(), args);
    }

    /** Notes a text rendered elsewhere (such as a cached view) as part of this answer. */
    public void include(TextInfo info) {
        used.add(Language.ofTag(info.language()));
        if (info.fallbackLanguages() != null) {
            info.fallbackLanguages().forEach(tag -> used.add(Language.ofTag(tag)));
        }
        reviewed &= info.reviewed();
    }

    /** A date and time in Amsterdam, the way this language writes it (CLDR), such as "dinsdag 25 november 14:00". */
    public String when(Instant instant) {
        return when(language, instant);
    }

    public static String when(Language language, Instant instant) {
        // A format is not thread-safe but cheap to clone; finding its pattern is not cheap.
        DateFormat format = (DateFormat) WHEN_FORMATS.computeIfAbsent(language, Wording::whenFormat).clone();
        return format.format(Date.from(instant));
    }

    private static DateFormat whenFormat(Language language) {
        ULocale locale = ULocale.forLocale(language.locale());
        String pattern = DateTimePatternGenerator.getInstance(locale).getBestPattern(WHEN_SKELETON);
        DateFormat format = new SimpleDateFormat(pattern, locale);
        format.setTimeZone(TimeZone.getTimeZone(ZONE));
        return format;
    }

    /** What the answer says about its own language. */
    public TextInfo info() {
        List<String> others = new ArrayList<>();
        for (Language other : used) {
            if (other != language) {
                others.add(other.tag());
            }
        }
        return new TextInfo(language.tag(), language.direction(), reviewed && others.isEmpty(),
                others.isEmpty() ? null : List.copyOf(others));
    }

    /** The Content-Language header: the asked language first, then any it fell back to. */
    public String contentLanguage() {
        TextInfo info = info();
        return info.fallbackLanguages() == null ? info.language()
                : info.language() + ", " + String.join(", ", info.fallbackLanguages());
    }
}
