package nl.gehoord.text;

import java.util.List;

/**
 * What an answer with texts says about them: {@code language} (the language asked for and answered in),
 * {@code direction} ({@code rtl} for Arabic), {@code reviewed} (false when any text was not checked by a native
 * speaker, so the app can offer the Dutch or English beside it) and, only when a text was missing,
 * {@code fallbackLanguages}: the languages those texts came in instead.
 */
public record TextInfo(String language, String direction, boolean reviewed, List<String> fallbackLanguages) {
    public String contentLanguage() {
        return fallbackLanguages == null ? language : language + ", " + String.join(", ", fallbackLanguages);
    }
}
