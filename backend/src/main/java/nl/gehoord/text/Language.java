package nl.gehoord.text;

import java.util.List;
import java.util.Locale;

/**
 * The languages Gehoord speaks: Dutch (the source every text is written in first), English, and the languages
 * of the young people who most often come alone or fled a war: Arabic, Ukrainian, Tigrinya and Somali.
 */
public enum Language {
    NL("nl", "nl-NL", false),
    EN("en", "en-GB", false),
    AR("ar", "ar", true),
    UK("uk", "uk-UA", false),
    TI("ti", "ti-ER", false),
    SO("so", "so-SO", false);

    private final String tag;
    private final Locale locale;
    private final boolean rightToLeft;

    Language(String tag, String localeTag, boolean rightToLeft) {
        this.tag = tag;
        this.locale = Locale.forLanguageTag(localeTag);
        this.rightToLeft = rightToLeft;
    }

    public String tag() {
        return tag;
    }

    /** The locale for dates and plural rules; English is British English, as spoken in Europe. */
    public Locale locale() {
        return locale;
    }

    /** {@code rtl} or {@code ltr}, as the app must lay the text out. */
    public String direction() {
        return rightToLeft ? "rtl" : "ltr";
    }

    public static Language fallback() {
        return NL;
    }

    /**
     * Where to look when a text is missing in this language: the language itself, then English (read by more
     * newcomers than Dutch), then Dutch, the source that always has every text.
     */
    public List<Language> chain() {
        if (this == NL) {
            return List.of(NL);
        }
        return this == EN ? List.of(EN, NL) : List.of(this, EN, NL);
    }

    /**
     * Picks the best language from an Accept-Language header, by quality value ({@code ar;q=0.9, en;q=0.8});
     * a language we do not speak is skipped, and nothing readable gives Dutch.
     */
    public static Language negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 200) {
            return fallback();
        }
        try {
            // parse() returns the ranges sorted by weight, highest first, keeping the header's order on ties.
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                Language language = byPrimary(range.getRange());
                if (language != null) {
                    return language;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return fallback();
        }
        return fallback();
    }

    /** For a stored locale such as "nl-NL" or "en"; unknown gives Dutch. */
    public static Language ofTag(String tag) {
        Language language = tag == null ? null : byPrimary(tag);
        return language == null ? fallback() : language;
    }

    /** True when the tag's primary language is one we speak ("ar-SY", "uk_UA", "ti"). */
    public static boolean isSpoken(String tag) {
        return tag != null && byPrimary(tag) != null;
    }

    private static Language byPrimary(String tag) {
        String primary = tag.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (language.tag.equals(primary)) {
                return language;
            }
        }
        return null;
    }
}
