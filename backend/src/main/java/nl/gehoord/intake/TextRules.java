package nl.gehoord.intake;

import java.util.List;
import nl.gehoord.http.FieldError;

/** Checks for free text typed by a young person or staff: not empty, not too long, no invisible control characters. */
public final class TextRules {
    private TextRules() {
    }

    /** Trims and checks a text; adds a field error and returns null when it is not acceptable. */
    public static String clean(String value, String field, int maxLength, boolean required, List<FieldError> errors) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "required"));
            }
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, "empty"));
            }
            return null;
        }
        if (trimmed.codePointCount(0, trimmed.length()) > maxLength) {
            errors.add(new FieldError(field, "too_long"));
            return null;
        }
        if (!isPrintable(trimmed)) {
            errors.add(new FieldError(field, "invalid_characters"));
            return null;
        }
        return trimmed;
    }

    /** Letters of any script, emoji and line breaks are fine; control, unpaired surrogate and private codes are not. */
    static boolean isPrintable(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isSurrogate(text.charAt(i)) && Character.charCount(cp) == 1) {
                return false;
            }
            int type = Character.getType(cp);
            boolean allowedWhitespace = cp == '\n' || cp == '\r' || cp == '\t';
            if (!allowedWhitespace && (type == Character.CONTROL || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || cp == 0xFFFD)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}
