package nl.gehoord.text;

import java.util.List;
import java.util.Locale;

/** The languages Gehoord speaks. Dutch first; English second. */
public enum Language {
    NL("nl"), EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public static Language fallback() {
        return NL;
    }

    /** Picks the best language from an Accept-Language header; anything unreadable falls back to Dutch. */
    public static Language negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 200) {
            return fallback();
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            for (Locale.LanguageRange range : ranges) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                String primary = range.getRange().split("-", 2)[0].toLowerCase(Locale.ROOT);
                for (Language language : values()) {
                    if (language.tag.equals(primary)) {
                        return language;
                    }
                }
            }
        } catch (IllegalArgumentException malformed) {
            return fallback();
        }
        return fallback();
    }

    /** For a stored locale such as "nl-NL" or "en"; unknown gives Dutch. */
    public static Language ofTag(String tag) {
        if (tag == null) {
            return fallback();
        }
        String primary = tag.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (language.tag.equals(primary)) {
                return language;
            }
        }
        return fallback();
    }
}
